package vn.chibo.shared.replica;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.chibo.Application;
import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.account.AccountService;
import vn.chibo.shared.config.EmbeddedDatabase;
import vn.chibo.shared.config.TestStandby;
import vn.chibo.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with a streaming replica (docs/architecture.md, "Read replica"): a replica page
 * reads from the replica, the writer's next page shows their write even while the replica
 * has not replayed it, and the health page shows the replica's lag.
 */
@ChiboTest
class ReplicaTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern FIRST_BRANCH = Pattern.compile("name=\"branchId\"[^>]*>.*?<option value=\"(\\d+)\"",
			Pattern.DOTALL);

	private static final String PASSWORD = "replica-test-password";

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountService accounts;

	@Value("${chibo.embedded-db.data-dir}")
	Path dataDir;

	@Test
	void theWriterReadsTheirOwnWriteAndOthersReadTheReplica() throws Exception {
		try (var standby = TestStandby.of(database, dataDir);
				var node = new SpringApplicationBuilder(Application.class).run("--server.port=0",
						"--chibo.demo.enabled=false", "--spring.main.banner-mode=off",
						// The node reaches the same server as a configured one, not as
						// its
						// embedded default.
						"--spring.datasource.url=" + database.jdbcUrl(),
						"--spring.datasource.username=" + database.username(),
						"--spring.datasource.password=" + database.password(),
						"--chibo.replica.url=" + standby.jdbcUrl(), "--chibo.replica.password=" + database.password(),
						"--chibo.replica.max-lag=10m")) {
			var port = node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			var replica = node.getBean(Replica.class);
			// A committee of its own: its office writes, its administrator reads.
			var committee = fixtures.committee();
			var office = "replica-office-" + committee.id();
			var admin = "replica-admin-" + committee.id();
			accounts.create(committee.id(), office, PASSWORD, "Văn phòng", Role.OFFICE, committee.grassroots(), null);
			accounts.create(committee.id(), admin, PASSWORD, "Quản trị", Role.ADMIN, committee.grassroots(), null);
			var writer = signedIn(port, office);
			var reader = signedIn(port, admin);
			// Both sign-ins written on the primary have reached the replica.
			awaitCaughtUp(replica);

			var name = "Lê Thị Bản Sao";
			// Searched without its marks (the search ignores them), so that the page's
			// search box does not show the name itself.
			var search = "/members?q=ban+sao";
			var before = served(node, "replica");
			assertThat(get(writer, port, search).body()).doesNotContain(name);
			assertThat(served(node, "replica")).as("the member list read on the replica").isGreaterThan(before);

			standby.pause();
			var branch = FIRST_BRANCH.matcher(get(writer, port, "/members/new").body());
			assertThat(branch.find()).isTrue();
			var created = post(writer, port, "/members", "fullName=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
					+ "&gender=FEMALE&admissionDate=03/02/2019&branchId=" + branch.group(1));
			assertThat(created.statusCode()).isEqualTo(302);
			assertThat(created.headers().allValues("Set-Cookie")).anyMatch((c) -> c.startsWith("chibo-written="));
			replica.refresh();
			assertThat(replica.state().lagBytes()).as("the paused replica is behind").isPositive();

			// The writer sees the new member at once (read on the primary); another user
			// reads the replica, which has not replayed it yet.
			var primaryBefore = served(node, "primary");
			assertThat(get(writer, port, search).body()).contains(name);
			assertThat(served(node, "primary")).isGreaterThan(primaryBefore);
			assertThat(get(reader, port, search).body()).doesNotContain(name);

			var health = get(reader, port, "/actuator/health").body();
			assertThat(health).contains("\"replica\"")
				.contains("\"replayPaused\":true")
				.containsPattern("\"lagBytes\":[1-9]");
			// Its details are for an administrator: not for the office, not for anyone.
			assertThat(get(writer, port, "/actuator/health").body()).doesNotContain("lagBytes");
			assertThat(get(HttpClient.newHttpClient(), port, "/actuator/health").body()).contains("\"status\"")
				.doesNotContain("lagBytes");

			standby.resume();
			awaitCaughtUp(replica);
			var replicaBefore = served(node, "replica");
			assertThat(get(reader, port, search).body()).contains(name);
			assertThat(get(writer, port, search).body()).contains(name);
			assertThat(served(node, "replica")).isGreaterThanOrEqualTo(replicaBefore + 2);
		}
	}

	/** Until the replica has replayed all the primary wrote (up to 30 s). */
	private static void awaitCaughtUp(Replica replica) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			replica.refresh();
			return replica.state().standby() && replica.state().lagBytes() == 0;
		});
	}

	private static double served(ConfigurableApplicationContext node, String by) {
		var counter = node.getBean(MeterRegistry.class).find("chibo.replica.reads").tag("served.by", by).counter();
		return (counter == null) ? 0 : counter.count();
	}

	/** A client that keeps its cookies, signed in through the login form. */
	private static HttpClient signedIn(int port, String username) throws IOException, InterruptedException {
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var signedIn = post(http, port, "/login", "username=" + username + "&password=" + PASSWORD);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		return http;
	}

	private static HttpResponse<String> post(HttpClient http, int port, String path, String form)
			throws IOException, InterruptedException {
		var token = CSRF.matcher(get(http, port, path.equals("/login") ? "/login" : "/members/new").body());
		assertThat(token.find()).isTrue();
		var body = form + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(HttpClient http, int port, String path)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
