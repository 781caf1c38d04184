package vn.chibo.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class AccountTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void adminCreatesASecretaryWhoSeesOnlyTheirBranch() {
		var people = fixtures.people();
		var admin = people.committee().admin();
		var username = "phobithu-" + people.committee().id();
		var created = mvc.post()
			.uri("/accounts")
			.with(user(admin))
			.with(csrf())
			.param("username", username)
			.param("displayName", "Phó Bí thư Chi bộ Văn phòng")
			.param("role", "SECRETARY")
			.param("scopeOrganizationId", String.valueOf(people.branch()))
			.param("password", "mat-khau-moi-1");
		assertThat(created).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/accounts");
		var list = mvc.get().uri("/api/v1/members?size=200").with(httpBasic(username, "mat-khau-moi-1"));
		assertThat(list).hasStatusOk();
		assertThat(list).bodyJson()
			.extractingPath("$.items[*].fullName")
			.asArray()
			.containsExactly("Nguyễn Văn Chủ", "Lê Thị Hoa");
		assertThat(mvc.get().uri("/accounts").with(user(admin))).hasStatusOk().bodyText().contains(username);
		// Another committee's administrator does not list it.
		assertThat(mvc.get().uri("/accounts").with(user(fixtures.committee().admin()))).hasStatusOk()
			.bodyText()
			.doesNotContain(username);
	}

	@Test
	void aMemberAccountMustBeThatMembersBranch() {
		var people = fixtures.people();
		var result = mvc.post()
			.uri("/accounts")
			.with(user(people.committee().admin()))
			.with(csrf())
			.param("username", "sai.chibo")
			.param("displayName", "Sai chi bộ")
			.param("role", "MEMBER")
			.param("scopeOrganizationId", String.valueOf(people.branch()))
			.param("memberId", String.valueOf(people.otherMember().memberId()))
			.param("password", "mat-khau-moi-1");
		assertThat(result).hasStatusOk().hasViewName("account/form");
		assertThat(result).bodyText().contains("Phạm vi của tài khoản đảng viên phải là chi bộ của đồng chí đó.");
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("sai.chibo", "mat-khau-moi-1")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void onlyTheAdministratorManagesAccounts() {
		var people = fixtures.people();
		assertThat(mvc.get().uri("/accounts").with(user(people.committee().office()))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/accounts")
			.with(user(people.secretary()))
			.with(csrf())
			.param("username", "ke.gian")
			.param("displayName", "x")
			.param("role", "ADMIN")
			.param("scopeOrganizationId", String.valueOf(people.branch()))
			.param("password", "mat-khau-moi-1")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aPasswordResetReplacesTheOldPassword() {
		var people = fixtures.people();
		var admin = fixtures.signedIn(people.committee().admin());
		var target = fixtures.signedIn(people.member());
		var login = target.username();
		assertThat(mvc.post()
			.uri("/accounts/{id}/password", target.userId())
			.with(user(admin))
			.with(csrf())
			.param("password", "ngan")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic(login, DemoUsers.PASSWORD))).hasStatusOk();
		assertThat(mvc.post()
			.uri("/accounts/{id}/password", target.userId())
			.with(user(admin))
			.with(csrf())
			.param("password", "mat-khau-dai-hon")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic(login, "mat-khau-dai-hon"))).hasStatusOk();
		// The old password, remembered for API calls a minute before, no longer opens.
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic(login, DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		// Another committee's administrator resets nothing of it.
		assertThat(mvc.post()
			.uri("/accounts/{id}/password", target.userId())
			.with(user(fixtures.signedIn(fixtures.committee().admin())))
			.with(csrf())
			.param("password", "mat-khau-cua-ke-khac")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic(login, "mat-khau-dai-hon"))).hasStatusOk();
	}

	@Test
	void theAdministratorCannotLockThemself() {
		var admin = fixtures.signedIn(fixtures.committee().admin());
		var result = mvc.post()
			.uri("/accounts/{id}", admin.userId())
			.with(user(admin))
			.with(csrf())
			.param("username", admin.username())
			.param("displayName", "Quản trị hệ thống")
			.param("role", "ADMIN")
			.param("scopeOrganizationId", String.valueOf(admin.scopeOrganizationId()))
			// An unticked "active" box, as the browser sends it: only Spring's marker
			// field.
			.param("_enabled", "on");
		assertThat(result).hasStatusOk().bodyText().contains("Không thể tự khóa");
	}

}
