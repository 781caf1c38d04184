package vn.chibo.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import vn.chibo.Application;
import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL: signed in on one node, a user goes on on another node of
 * the same database without signing in again — the node they signed in on may stop
 * (docs/architecture.md, "Several nodes").
 */
@ChiboTest
class SessionStoreTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<?> sessions;

	/**
	 * Two requests of one session that both add the same attribute, each to the session
	 * as it read it: both are saved, the later value kept (it failed on the attribute's
	 * key, a 500).
	 */
	@Test
	void twoRequestsAddingTheSameAttributeAtOnceAreBothSaved() {
		bothSaved(sessions);
	}

	private static <S extends Session> void bothSaved(SessionRepository<S> sessions) {
		var session = sessions.createSession();
		sessions.save(session);
		var first = sessions.findById(session.getId());
		var second = sessions.findById(session.getId());
		first.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/members");
		second.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/meetings");

		sessions.save(first);
		sessions.save(second);

		assertThat(sessions.findById(session.getId()).<String>getAttribute("SPRING_SECURITY_SAVED_REQUEST"))
			.isEqualTo("/meetings");
		sessions.deleteById(session.getId());
	}

	@Test
	void aSessionOpenedOnOneNodeIsKnownToAnother() throws Exception {
		var http = browser();
		signIn(http, "vanphong");
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'vanphong'")
			.query(Long.class)
			.single()).isPositive();

		// A second node on the same database: the same cookie opens the member list
		// there.
		try (var other = new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--chibo.demo.enabled=false", "--spring.main.banner-mode=off")) {
			var otherPort = other.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			var members = get(http, otherPort, "/members");
			assertThat(members.statusCode()).isEqualTo(200);
			assertThat(members.body()).contains("action=\"/logout\"").doesNotContain("name=\"password\"");
		}
	}

	/**
	 * A page reads its session from the database once: Spring Session's second lookup
	 * after saving it is answered from the request (docs/architecture.md, "Fast pages").
	 */
	@Test
	void aPageReadsItsSessionOnce(@Autowired MeterRegistry meters) throws Exception {
		var http = browser();
		signIn(http, "bithu.cb01");
		for (var path : List.of("/members", "/meetings", "/")) {
			var before = reads(meters);
			var page = get(http, port, path);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("action=\"/logout\"");
			assertThat(reads(meters) - before).as(path).isEqualTo(1);
		}
	}

	/**
	 * Pages viewed within a minute of the session's last written access write nothing
	 * back; once that access is older, the next page writes it; a changed attribute (a
	 * message carried over a redirect) is written at once (docs/architecture.md, "Fast
	 * pages").
	 */
	@Test
	void aPageWritesItsSessionOnlyWhenSomethingChanged(@Autowired MeterRegistry meters, @Autowired DemoUsers demo)
			throws Exception {
		var cookies = new CookieManager();
		var http = browser(cookies);
		signIn(http, "bithu.cb01");
		assertThat(get(http, port, "/").statusCode()).isEqualTo(200);
		// Spring Session's cookie holds the session's id in Base64.
		var id = new String(Base64.getDecoder()
			.decode(cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
				.findFirst()
				.orElseThrow()
				.getValue()), StandardCharsets.US_ASCII);
		var written = lastAccess(id);

		var before = count(meters, "chibo.session.writes");
		for (var path : List.of("/members", "/meetings", "/")) {
			assertThat(get(http, port, path).statusCode()).isEqualTo(200);
		}
		assertThat(count(meters, "chibo.session.writes") - before).isZero();
		assertThat(lastAccess(id)).isEqualTo(written);

		// The stored access two minutes old: the next page writes it.
		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000 where session_id = :id")
			.param("id", id)
			.update();
		before = count(meters, "chibo.session.writes");
		assertThat(get(http, port, "/members").statusCode()).isEqualTo(200);
		assertThat(count(meters, "chibo.session.writes") - before).isEqualTo(1);
		assertThat(lastAccess(id)).isGreaterThan(written);

		// A message for the next page is an attribute: written with the redirect, shown
		// after it.
		var token = CSRF.matcher(get(http, port, "/meetings").body());
		assertThat(token.find()).isTrue();
		var branch = demo.branchId("CB01");
		var refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/settings"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("branchId=" + branch + "&year=2026&regularDay=99&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(302);
		var next = get(http, port, "/meetings?year=2026&branchId=" + branch);
		assertThat(next.body()).contains("alert-danger");
	}

	private long lastAccess(String id) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private static double reads(MeterRegistry meters) {
		return count(meters, "chibo.session.reads");
	}

	private static double count(MeterRegistry meters, String name) {
		var counter = meters.find(name).counter();
		return (counter == null) ? 0 : counter.count();
	}

	/** A client that keeps its cookies and follows no redirect. */
	private static HttpClient browser() {
		return browser(new CookieManager());
	}

	private static HttpClient browser(CookieManager cookies) {
		return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Signs the client in through the login form. */
	private void signIn(HttpClient http, String username) throws IOException, InterruptedException {
		var token = CSRF.matcher(get(http, port, "/login").body());
		assertThat(token.find()).isTrue();
		var form = "username=" + username + "&password=chibo-demo&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
	}

	private static HttpResponse<String> get(HttpClient http, int port, String path)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
