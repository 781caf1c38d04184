package vn.chibo.security;

import java.util.Objects;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.account.AccountService;
import vn.chibo.shared.security.LoginThrottle;
import vn.chibo.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@ChiboTest
class LoginTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void passwordsAreStoredAsAdaptiveHashes() {
		var hash = jdbc.sql("select password_hash from app_user where username = 'vanphong'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(DemoUsers.PASSWORD);
	}

	@Test
	void loginChangesTheSessionId() {
		var before = mvc.get().uri("/login").exchange().getResponse().getCookie("JSESSIONID");
		assertThat(before).isNotNull();
		var result = mvc.post()
			.uri("/login")
			.cookie(before)
			.with(csrf())
			.param("username", "bithu.cb05")
			.param("password", DemoUsers.PASSWORD)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
		var after = result.getResponse().getCookie("JSESSIONID");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() {
		account("thu.sai.mat.khau");
		for (var i = 0; i < 5; i++) {
			assertThat(mvc.post()
				.uri("/login")
				.with(csrf())
				.param("username", "thu.sai.mat.khau")
				.param("password", "doan-sai-" + i)).redirectedUrl()
				.isEqualTo((i < 4) ? "/login?error" : "/login?locked");
		}
		assertThat(mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "thu.sai.mat.khau")
			.param("password", DemoUsers.PASSWORD)).redirectedUrl().isEqualTo("/login?locked");
		assertThat(mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "dangvien.cb08")
			.param("password", DemoUsers.PASSWORD)).redirectedUrl().isEqualTo("/");
	}

	@Test
	void whileChiboStartsTheLoginPageSaysSoAndTheProbesAnswerWithoutALogin() {
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk().bodyText().contains("UP");
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk().bodyText().contains("UP");
		// The demo committee's accounts are listed where it is loaded.
		assertThat(mvc.get().uri("/login").header("Accept-Language", "vi")).hasStatusOk()
			.bodyText()
			.contains("id=\"demo-accounts\"", "bithu.cb01", "chibo-demo")
			.doesNotContain("id=\"login-starting\"");
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		try {
			assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(mvc.get().uri("/login").header("Accept-Language", "vi")).hasStatusOk()
				.bodyText()
				.contains("id=\"login-starting\"", "đang khởi động");
			// A login that fails then is not called a wrong password.
			assertThat(mvc.post()
				.uri("/login")
				.with(csrf())
				.param("username", "tai.khoan.chua.co")
				.param("password", DemoUsers.PASSWORD)).redirectedUrl().isEqualTo("/login?starting");
		}
		finally {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
	}

	@Test
	void theInstallablePartsAnswerWithoutALoginAndHoldNothingPersonal() {
		assertThat(mvc.get().uri("/manifest.webmanifest").header("Accept-Language", "vi")).hasStatusOk()
			.hasContentType("application/manifest+json;charset=UTF-8")
			.bodyJson()
			.extractingPath("$.start_url")
			.isEqualTo("/");
		assertThat(mvc.get().uri("/sw.js")).hasStatusOk().bodyText().contains("caches.open", "/offline");
		assertThat(mvc.get().uri("/offline").header("Accept-Language", "vi")).hasStatusOk()
			.bodyText()
			.contains("Không có kết nối mạng", "chưa có gì được ghi");
		assertThat(mvc.get().uri("/assets/icons/icon-512.png")).hasStatusOk();
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/login").param("username", "vanphong").param("password", DemoUsers.PASSWORD))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aRememberedApiLoginDoesNotOpenTheDoorToAWrongPassword() {
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("bithu.cb06", DemoUsers.PASSWORD))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("bithu.cb06", DemoUsers.PASSWORD))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("bithu.cb06", "wrong")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("bithu.cb05", DemoUsers.PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("CB05")
			.doesNotContain("CB06");
	}

	@Autowired
	AccountService accounts;

	@Autowired
	Fixtures fixtures;

	/** The committee of the accounts the tests make, one of its own. */
	private Fixtures.@Nullable Committee committee;

	private long account(String username) {
		if (committee == null) {
			committee = fixtures.committee();
		}
		return accounts.create(committee.id(), username, DemoUsers.PASSWORD, "Tài khoản thử", Role.SECRETARY,
				committee.branch(2), null);
	}

	private Cookie login(String username, String password) {
		return DemoUsers.formLogin(mvc, username, password);
	}

	@Test
	void aSessionInUseHasItsLastAccessWrittenOnceAMinuteAndStaticFilesDoNotTouchIt() {
		account("thu.truycap");
		var session = login("thu.truycap", DemoUsers.PASSWORD);
		var written = lastAccess("thu.truycap");
		// Pages read within the minute: the row is not written again.
		assertThat(mvc.get().uri("/meetings").cookie(session)).hasStatusOk();
		assertThat(mvc.get().uri("/members").cookie(session)).hasStatusOk();
		assertThat(lastAccess("thu.truycap")).isEqualTo(written);
		// A minute on, the next page writes it.
		jdbc.sql("update spring_session set last_access_time = last_access_time - 61000 where principal_name = :name")
			.param("name", "thu.truycap")
			.update();
		var before = lastAccess("thu.truycap");
		assertThat(mvc.get().uri("/meetings").cookie(session)).hasStatusOk();
		assertThat(lastAccess("thu.truycap")).isGreaterThan(before + 60_000);
		// A stylesheet is served to the same browser without its session.
		jdbc.sql("update spring_session set last_access_time = last_access_time - 61000 where principal_name = :name")
			.param("name", "thu.truycap")
			.update();
		before = lastAccess("thu.truycap");
		assertThat(mvc.get().uri("/assets/css/chibo.css").cookie(session)).hasStatusOk();
		assertThat(lastAccess("thu.truycap")).isEqualTo(before);
	}

	private long lastAccess(String username) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = :name")
			.param("name", username)
			.query(Long.class)
			.single();
	}

	@Test
	void aPasswordResetEndsTheAccountsSessionsAndRememberedApiLogins() {
		var id = account("thu.phien");
		var session = login("thu.phien", DemoUsers.PASSWORD);
		assertThat(mvc.get().uri("/meetings").cookie(session)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("thu.phien", DemoUsers.PASSWORD))).hasStatusOk();
		accounts.resetPassword(Objects.requireNonNull(committee).admin(), id, "mat-khau-moi-2026");
		assertThat(mvc.get().uri("/meetings").cookie(session)).redirectedUrl().isEqualTo("/login?expired");
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("thu.phien", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("thu.phien", "mat-khau-moi-2026"))).hasStatusOk();
	}

	@Test
	void aNameThatDoesNotExistIsAnsweredLikeOneThatDoes() {
		account("thu.khoa");
		for (var name : new String[] { "khong.co.ai", "thu.khoa" }) {
			for (var i = 0; i < 5; i++) {
				assertThat(mvc.post().uri("/login").with(csrf()).with((request) -> {
					request.setRemoteAddr("10.0.0." + name.length());
					return request;
				}).param("username", name).param("password", "sai-" + i)).redirectedUrl()
					.isEqualTo((i < 4) ? "/login?error" : "/login?locked");
			}
			assertThat(
					mvc.post().uri("/login").with(csrf()).param("username", name).param("password", DemoUsers.PASSWORD))
				.as(name)
				.redirectedUrl()
				.isEqualTo("/login?locked");
		}
	}

	@Test
	void oneAddressGuessingManyNamesIsPausedAndOthersAreNot() {
		for (var i = 0; i < 20; i++) {
			var n = i;
			mvc.post().uri("/login").with(csrf()).with((request) -> {
				request.setRemoteAddr("192.0.2.7");
				return request;
			}).param("username", "doan." + n).param("password", "sai").exchange();
		}
		assertThat(mvc.post().uri("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr("192.0.2.7");
			return request;
		}).param("username", "bithu.cb03").param("password", DemoUsers.PASSWORD)).redirectedUrl()
			.isEqualTo("/login?locked");
		assertThat(mvc.post().uri("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr("192.0.2.8");
			return request;
		}).param("username", "bithu.cb03").param("password", DemoUsers.PASSWORD)).redirectedUrl().isEqualTo("/");
	}

	@Test
	void thePauseGrowsFromHalfAMinuteToAQuarterOfAnHour() {
		assertThat(LoginThrottle.pause(0)).hasSeconds(30);
		assertThat(LoginThrottle.pause(1)).hasSeconds(60);
		assertThat(LoginThrottle.pause(4)).hasMinutes(8);
		assertThat(LoginThrottle.pause(40)).hasMinutes(15);
	}

}
