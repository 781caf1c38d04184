package vn.chibo;

import jakarta.servlet.http.Cookie;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.UserAccounts;

/** Demo accounts and records that tests act as or look up. */
public class DemoUsers {

	public static final String PASSWORD = "chibo-demo";

	private final UserAccounts accounts;

	private final JdbcClient jdbc;

	DemoUsers(UserAccounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	public CurrentUser user(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	public long branchId(String code) {
		return jdbc.sql("select id from organization where code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** Some active member of a branch other than the given account's own record. */
	public long memberOf(String branchCode, @Nullable Long except) {
		return jdbc.sql("""
				select m.id from member m join organization o on o.committee_id = m.committee_id and o.id = m.branch_id
				where o.code = :code and m.status = 'OFFICIAL' and m.id <> coalesce(:except, -1) order by m.id limit 1
				""").param("code", branchCode).param("except", except).query(Long.class).single();
	}

	public Optional<String> fullName(long memberId) {
		return jdbc.sql("select full_name from member where id = :id")
			.param("id", memberId)
			.query(String.class)
			.optional();
	}

	/**
	 * Logs in through the login form, as a browser does, and answers the cookie of the
	 * session it opened (kept in PostgreSQL).
	 */
	public static Cookie formLogin(MockMvcTester mvc, String username, String password) {
		var result = mvc.post()
			.uri("/login")
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", username)
			.param("password", password)
			.exchange();
		Assertions.assertThat(result).as(username).redirectedUrl().isEqualTo("/");
		var cookie = result.getResponse().getCookie("JSESSIONID");
		Assertions.assertThat(cookie).as(username + "'s session cookie").isNotNull();
		return cookie;
	}

}
