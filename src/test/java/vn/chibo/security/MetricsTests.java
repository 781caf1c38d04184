package vn.chibo.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Prometheus reads chibo's metrics at /actuator/prometheus with an administrator's HTTP
 * Basic login: request timings by route, the database pool, the JVM and the work done
 * (check-ins, imports, mails, scores). Nobody else reads them.
 */
@ChiboTest
class MetricsTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void anAdministratorScrapesTheMetrics() {
		// a request first, so that its timing is there
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("admin", DemoUsers.PASSWORD))).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("admin", DemoUsers.PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("http_server_requests_seconds_count{", "uri=\"/api/v1/orgs\"", "hikaricp_connections_active",
					"jvm_memory_used_bytes", "chibo_checkins_total{kind=\"meeting\"}",
					"chibo_mails_total{outcome=\"sent\"}", "chibo_scores_total", "chibo_imports_total");
	}

	/**
	 * Micrometer keeps a limited number of distinct routes (uri tags) and drops the
	 * timings of any route past it: the limit must cover every route chibo has, or the
	 * routes visited last after a start have no timings.
	 */
	@Test
	void everyRouteHasRoomForItsTimings(@Autowired MetricsProperties metrics,
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		long routes = mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(info -> info.getPatternValues().stream())
			.distinct()
			.count();
		assertThat(routes).isGreaterThan(100);
		assertThat(metrics.getWeb().getServer().getMaxUriTags()).isGreaterThanOrEqualTo((int) routes);
	}

	@Test
	void nobodyElseReadsThem() {
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("vanphong", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("dangvien.cb01", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}
