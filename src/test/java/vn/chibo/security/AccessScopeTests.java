package vn.chibo.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A branch secretary sees and changes only their branch; a member only their own record
 * and roster — through every page, URL id, and API call.
 */
@ChiboTest
class AccessScopeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousVisitorsAreSentToLogin() {
		assertThat(mvc.get().uri("/members")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/api/v1/members")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/login")).hasStatusOk();
	}

	@Test
	void secretaryCannotOpenAnotherBranchsMemberPage() {
		var other = demo.memberOf("CB02", null);
		assertThat(mvc.get().uri("/members/{id}", other).with(user(demo.user("bithu.cb01"))))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/members/{id}/edit", other).with(user(demo.user("bithu.cb01"))))
			.hasStatus(HttpStatus.NOT_FOUND);
		var own = demo.memberOf("CB01", null);
		assertThat(mvc.get().uri("/members/{id}", own).with(user(demo.user("bithu.cb01")))).hasStatusOk();
	}

	@Test
	void secretaryCannotChangeAnotherBranchsMember() {
		var other = demo.memberOf("CB02", null);
		var before = demo.fullName(other).orElseThrow();
		assertThat(mvc.post()
			.uri("/members/{id}", other)
			.with(user(demo.user("bithu.cb01")))
			.with(csrf())
			.param("fullName", "Tên Bị Sửa")
			.param("gender", "MALE")
			.param("admissionDate", "01/01/2010")
			.param("officialDate", "01/01/2011")
			.param("branchId", String.valueOf(demo.branchId("CB01")))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/members/{id}/leave", other)
			.with(user(demo.user("bithu.cb01")))
			.with(csrf())
			.param("status", "STRUCK_OFF")
			.param("on", "01/01/2026")
			.param("reason", "x")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(demo.fullName(other)).contains(before);
	}

	@Test
	void secretaryListAndSearchShowOnlyTheirBranch() {
		var result = mvc.get().uri("/api/v1/members?size=200").with(httpBasic("bithu.cb01", DemoUsers.PASSWORD));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].branchId")
			.asArray()
			.containsOnly((int) demo.branchId("CB01"));
		var filtered = mvc.get()
			.uri("/api/v1/members?branchId={b}", demo.branchId("CB02"))
			.with(httpBasic("bithu.cb01", DemoUsers.PASSWORD));
		assertThat(filtered).bodyJson().extractingPath("$.total").isEqualTo(0);
	}

	@Test
	void apiRefusesOtherBranchsMemberByIdForReadAndWrite() {
		var other = demo.memberOf("CB02", null);
		assertThat(mvc.get().uri("/api/v1/members/{id}", other).with(httpBasic("bithu.cb01", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put()
			.uri("/api/v1/members/{id}", other)
			.with(httpBasic("bithu.cb01", DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName":"Tên Bị Sửa","gender":"MALE","admissionDate":"2010-01-01","officialDate":"2011-01-01","branchId":%d}
							"""
						.formatted(demo.branchId("CB01"))))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/api/v1/orgs/{id}", demo.branchId("CB02"))
			.with(httpBasic("bithu.cb01", DemoUsers.PASSWORD))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void secretaryCannotCreateAMemberInAnotherBranch() {
		var result = mvc.post()
			.uri("/api/v1/members")
			.with(httpBasic("bithu.cb01", DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName":"Lê Văn Lạc","gender":"MALE","admissionDate":"2010-01-01","officialDate":"2011-01-01","branchId":%d}
							"""
						.formatted(demo.branchId("CB02")));
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("branchId");
	}

	@Test
	void ordinaryMemberSeesOwnRecordAndRosterButNotOthersRecords() {
		var member = demo.user("dangvien.cb03");
		assertThat(mvc.get().uri("/members/{id}", member.memberId()).with(user(member))).hasStatusOk();
		var colleague = demo.memberOf("CB03", member.memberId());
		assertThat(mvc.get().uri("/members/{id}", colleague).with(user(member))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				mvc.get().uri("/api/v1/members/{id}", colleague).with(httpBasic("dangvien.cb03", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/orgs/{id}/roster", demo.branchId("CB03")).with(user(member))).hasStatusOk();
		assertThat(mvc.get().uri("/orgs/{id}", demo.branchId("CB04")).with(user(member)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/members/new").with(user(member))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void onlyOfficeAndAdminReadTheAuditTrailAndChangeTheTree() {
		assertThat(mvc.get().uri("/audit").with(user(demo.user("vanphong")))).hasStatusOk();
		assertThat(mvc.get().uri("/audit").with(user(demo.user("bithu.cb01")))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/orgs/{id}/edit", demo.branchId("CB01")).with(user(demo.user("bithu.cb01"))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/orgs/{id}/close", demo.branchId("CB01"))
			.with(user(demo.user("bithu.cb01")))
			.with(csrf())
			.param("closedOn", "01/01/2026")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() {
		var own = demo.memberOf("CB01", null);
		assertThat(mvc.post()
			.uri("/members/{id}/exempt", own)
			.with(user(demo.user("bithu.cb01")))
			.param("since", "01/01/2026")
			.param("reason", "x")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
		var result = mvc.get().uri("/login");
		assertThat(result).headers()
			.hasValue("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
							+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
		assertThat(result).headers().hasValue("X-Frame-Options", "DENY");
	}

	@Test
	void everyMemberPageAndActionRefusesAnotherBranchsMember() {
		var secretary = demo.user("bithu.cb01");
		var other = demo.memberOf("CB02", null);
		var before = demo.fullName(other).orElseThrow();
		for (var path : List.of("/members/{id}", "/members/{id}/edit")) {
			assertThat(mvc.get().uri(path, other).with(user(secretary))).as(path).hasStatus(HttpStatus.NOT_FOUND);
		}
		var actions = Map.of("/members/{id}/official", Map.of("officialDate", "01/01/2026"), "/members/{id}/exempt",
				Map.of("since", "01/01/2026", "reason", "x"), "/members/{id}/exempt/end", Map.of("on", "01/01/2026"),
				"/members/{id}/transfers",
				Map.of("kind", "PERMANENT_OUT", "otherOrganization", "x", "on", "01/01/2026"), "/members/{id}/leave",
				Map.of("status", "STRUCK_OFF", "on", "01/01/2026", "reason", "x"), "/members/{id}/posts",
				Map.of("organizationId", String.valueOf(demo.branchId("CB01")), "post", "SECRETARY", "from",
						"01/01/2026"),
				"/members/{id}/posts/1/end", Map.of("on", "01/01/2026"), "/members/{id}/transfers/1/end",
				Map.of("on", "01/01/2026"));
		actions.forEach((path, params) -> {
			var request = mvc.post().uri(path, other).with(user(secretary)).with(csrf());
			params.forEach((name, value) -> request.param(name, value));
			assertThat(request).as(path).hasStatus(HttpStatus.NOT_FOUND);
		});
		assertThat(demo.fullName(other)).contains(before);
		var status = jdbc.sql("select status from member where id = :id")
			.param("id", other)
			.query(String.class)
			.single();
		assertThat(status).isEqualTo("OFFICIAL");
	}

	@Test
	void everyOrganizationPageRefusesABranchOutsideTheScope() {
		var secretary = demo.user("bithu.cb01");
		var other = demo.branchId("CB02");
		for (var path : List.of("/orgs/{id}", "/orgs/{id}/roster")) {
			assertThat(mvc.get().uri(path, other).with(user(secretary))).as(path).hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(mvc.get().uri("/orgs/{id}", demo.branchId("CB01")).with(user(secretary))).hasStatusOk();
		assertThat(mvc.get().uri("/members/new?branchId={id}", other).with(user(secretary))).hasStatusOk()
			.bodyText()
			.doesNotContain("Chi bộ Hải quan CK Cảng Vũng Áng");
	}

	@Test
	void exportHoldsOnlyTheScopeAndIsRefusedToOrdinaryMembers() {
		var secretary = demo.user("bithu.cb01");
		var result = mvc.get()
			.uri("/members/export.xlsx?branchId={b}", demo.branchId("CB02"))
			.with(user(secretary))
			.exchange();
		assertThat(result).hasStatusOk();
		var body = result.getResponse().getContentAsByteArray();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(mvc.get().uri("/members/export.xlsx").with(user(demo.user("dangvien.cb01"))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/members/import").with(user(demo.user("dangvien.cb01"))))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theApiDocumentNeedsALogin() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic("vanphong", DemoUsers.PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("/api/v1/members");
	}

}
