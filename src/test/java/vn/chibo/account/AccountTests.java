package vn.chibo.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class AccountTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Test
	void adminCreatesASecretaryWhoSeesOnlyTheirBranch() {
		var created = mvc.post()
			.uri("/accounts")
			.with(user(demo.user("admin")))
			.with(csrf())
			.param("username", "phobithu.cb07")
			.param("displayName", "Phó Bí thư Chi bộ Xuân Hải")
			.param("role", "SECRETARY")
			.param("scopeOrganizationId", String.valueOf(demo.branchId("CB07")))
			.param("password", "mat-khau-moi-1");
		assertThat(created).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/accounts");
		var list = mvc.get().uri("/api/v1/members?size=200").with(httpBasic("phobithu.cb07", "mat-khau-moi-1"));
		assertThat(list).hasStatusOk();
		assertThat(list).bodyJson()
			.extractingPath("$.items[*].branchId")
			.asArray()
			.isNotEmpty()
			.containsOnly((int) demo.branchId("CB07"));
		assertThat(mvc.get().uri("/accounts").with(user(demo.user("admin")))).hasStatusOk()
			.bodyText()
			.contains("phobithu.cb07");
	}

	@Test
	void aMemberAccountMustBeThatMembersBranch() {
		var memberOfCb02 = demo.memberOf("CB02", null);
		var result = mvc.post()
			.uri("/accounts")
			.with(user(demo.user("admin")))
			.with(csrf())
			.param("username", "sai.chibo")
			.param("displayName", "Sai chi bộ")
			.param("role", "MEMBER")
			.param("scopeOrganizationId", String.valueOf(demo.branchId("CB03")))
			.param("memberId", String.valueOf(memberOfCb02))
			.param("password", "mat-khau-moi-1");
		assertThat(result).hasStatusOk().hasViewName("account/form");
		assertThat(result).bodyText().contains("Phạm vi của tài khoản đảng viên phải là chi bộ của đồng chí đó.");
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("sai.chibo", "mat-khau-moi-1")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void onlyTheAdministratorManagesAccounts() {
		assertThat(mvc.get().uri("/accounts").with(user(demo.user("vanphong")))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/accounts")
			.with(user(demo.user("bithu.cb01")))
			.with(csrf())
			.param("username", "ke.gian")
			.param("displayName", "x")
			.param("role", "ADMIN")
			.param("scopeOrganizationId", String.valueOf(demo.branchId("CB01")))
			.param("password", "mat-khau-moi-1")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aPasswordResetReplacesTheOldPassword() {
		var admin = demo.user("admin");
		var target = demo.user("dangvien.cb06");
		assertThat(mvc.post()
			.uri("/accounts/{id}/password", target.userId())
			.with(user(admin))
			.with(csrf())
			.param("password", "ngan")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("dangvien.cb06", DemoUsers.PASSWORD))).hasStatusOk();
		assertThat(mvc.post()
			.uri("/accounts/{id}/password", target.userId())
			.with(user(admin))
			.with(csrf())
			.param("password", "mat-khau-dai-hon")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("dangvien.cb06", "mat-khau-dai-hon"))).hasStatusOk();
		// The old password, remembered for API calls a minute before, no longer opens.
		assertThat(mvc.get().uri("/api/v1/orgs").with(httpBasic("dangvien.cb06", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		// The demo's password back, for the tests that sign in as this member.
		assertThat(mvc.post()
			.uri("/accounts/{id}/password", target.userId())
			.with(user(admin))
			.with(csrf())
			.param("password", DemoUsers.PASSWORD)).hasStatus(HttpStatus.FOUND);
	}

	@Test
	void theAdministratorCannotLockThemself() {
		var admin = demo.user("admin");
		var result = mvc.post()
			.uri("/accounts/{id}", admin.userId())
			.with(user(admin))
			.with(csrf())
			.param("username", "admin")
			.param("displayName", "Quản trị hệ thống")
			.param("role", "ADMIN")
			.param("scopeOrganizationId", String.valueOf(admin.scopeOrganizationId()))
			// An unticked "active" box, as the browser sends it: only Spring's marker
			// field.
			.param("_enabled", "on");
		assertThat(result).hasStatusOk().bodyText().contains("Không thể tự khóa");
	}

}
