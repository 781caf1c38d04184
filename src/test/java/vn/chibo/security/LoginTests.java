package vn.chibo.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@ChiboTest
class LoginTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void passwordsAreStoredAsAdaptiveHashes() {
		var hash = jdbc.sql("select password_hash from app_user where username = 'vanphong'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(DemoUsers.PASSWORD);
	}

	@Test
	void loginChangesTheSessionId() {
		var session = new MockHttpSession();
		var before = session.getId();
		var result = mvc.post()
			.uri("/login")
			.session(session)
			.with(csrf())
			.param("username", "bithu.cb05")
			.param("password", DemoUsers.PASSWORD)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() {
		for (var i = 0; i < 5; i++) {
			assertThat(mvc.post()
				.uri("/login")
				.with(csrf())
				.param("username", "dangvien.cb07")
				.param("password", "doan-sai-" + i)).redirectedUrl().isEqualTo("/login?error");
		}
		assertThat(mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "dangvien.cb07")
			.param("password", DemoUsers.PASSWORD)).redirectedUrl().isEqualTo("/login?locked");
		assertThat(mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "dangvien.cb08")
			.param("password", DemoUsers.PASSWORD)).redirectedUrl().isEqualTo("/");
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

}
