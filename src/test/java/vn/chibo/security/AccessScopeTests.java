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
import vn.chibo.Fixtures;

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
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private String fullName(long memberId) {
		return jdbc.sql("select full_name from member where id = :id")
			.param("id", memberId)
			.query(String.class)
			.single();
	}

	@Test
	void anonymousVisitorsAreSentToLogin() {
		assertThat(mvc.get().uri("/members")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/api/v1/members")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/login")).hasStatusOk();
	}

	@Test
	void secretaryCannotOpenAnotherBranchsMemberPage() {
		var people = fixtures.people();
		var other = people.otherMember().memberId();
		assertThat(mvc.get().uri("/members/{id}", other).with(user(people.secretary())))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/members/{id}/edit", other).with(user(people.secretary())))
			.hasStatus(HttpStatus.NOT_FOUND);
		var own = people.member().memberId();
		assertThat(mvc.get().uri("/members/{id}", own).with(user(people.secretary()))).hasStatusOk();
		// Nor is a member of another committee seen, even by its office.
		assertThat(mvc.get().uri("/members/{id}", own).with(user(fixtures.committee().office())))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void secretaryCannotChangeAnotherBranchsMember() {
		var people = fixtures.people();
		var other = people.otherMember().memberId();
		var before = fullName(other);
		assertThat(mvc.post()
			.uri("/members/{id}", other)
			.with(user(people.secretary()))
			.with(csrf())
			.param("fullName", "Tên Bị Sửa")
			.param("gender", "MALE")
			.param("admissionDate", "01/01/2010")
			.param("officialDate", "01/01/2011")
			.param("branchId", String.valueOf(people.branch()))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/members/{id}/leave", other)
			.with(user(people.secretary()))
			.with(csrf())
			.param("status", "STRUCK_OFF")
			.param("on", "01/01/2026")
			.param("reason", "x")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(fullName(other)).isEqualTo(before);
	}

	@Test
	void secretaryListAndSearchShowOnlyTheirBranch() {
		var people = fixtures.people();
		var login = fixtures.account(people.secretary());
		var result = mvc.get().uri("/api/v1/members?size=200").with(httpBasic(login, DemoUsers.PASSWORD));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(2);
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].branchId")
			.asArray()
			.containsOnly((int) people.branch());
		var filtered = mvc.get()
			.uri("/api/v1/members?branchId={b}", people.otherBranch())
			.with(httpBasic(login, DemoUsers.PASSWORD));
		assertThat(filtered).bodyJson().extractingPath("$.total").isEqualTo(0);
	}

	@Test
	void apiRefusesOtherBranchsMemberByIdForReadAndWrite() {
		var people = fixtures.people();
		var login = fixtures.account(people.secretary());
		var other = people.otherMember().memberId();
		assertThat(mvc.get().uri("/api/v1/members/{id}", other).with(httpBasic(login, DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put()
			.uri("/api/v1/members/{id}", other)
			.with(httpBasic(login, DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName":"Tên Bị Sửa","gender":"MALE","admissionDate":"2010-01-01","officialDate":"2011-01-01","branchId":%d}
							"""
						.formatted(people.branch())))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/orgs/{id}", people.otherBranch()).with(httpBasic(login, DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(fullName(other)).isEqualTo("Cao Văn Sơn");
	}

	@Test
	void secretaryCannotCreateAMemberInAnotherBranch() {
		var people = fixtures.people();
		var result = mvc.post()
			.uri("/api/v1/members")
			.with(httpBasic(fixtures.account(people.secretary()), DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName":"Lê Văn Lạc","gender":"MALE","admissionDate":"2010-01-01","officialDate":"2011-01-01","branchId":%d}
							"""
						.formatted(people.otherBranch()));
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("branchId");
	}

	@Test
	void ordinaryMemberSeesOwnRecordAndRosterButNotOthersRecords() {
		var people = fixtures.people();
		var member = people.member();
		assertThat(mvc.get().uri("/members/{id}", member.memberId()).with(user(member))).hasStatusOk();
		var colleague = people.secretary().memberId();
		assertThat(mvc.get().uri("/members/{id}", colleague).with(user(member))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get()
			.uri("/api/v1/members/{id}", colleague)
			.with(httpBasic(fixtures.account(member), DemoUsers.PASSWORD))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/orgs/{id}/roster", people.branch()).with(user(member))).hasStatusOk();
		assertThat(mvc.get().uri("/orgs/{id}", people.otherBranch()).with(user(member)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/members/new").with(user(member))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void onlyOfficeAndAdminReadTheAuditTrailAndChangeTheTree() {
		var people = fixtures.people();
		assertThat(mvc.get().uri("/audit").with(user(people.committee().office()))).hasStatusOk();
		assertThat(mvc.get().uri("/audit").with(user(people.committee().admin()))).hasStatusOk();
		assertThat(mvc.get().uri("/audit").with(user(people.secretary()))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/orgs/{id}/edit", people.branch()).with(user(people.secretary())))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/orgs/{id}/close", people.branch())
			.with(user(people.secretary()))
			.with(csrf())
			.param("closedOn", "01/01/2026")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() {
		var people = fixtures.people();
		assertThat(mvc.post()
			.uri("/members/{id}/exempt", people.member().memberId())
			.with(user(people.secretary()))
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
		var people = fixtures.people();
		var secretary = people.secretary();
		var other = people.otherMember().memberId();
		var before = fullName(other);
		for (var path : List.of("/members/{id}", "/members/{id}/edit")) {
			assertThat(mvc.get().uri(path, other).with(user(secretary))).as(path).hasStatus(HttpStatus.NOT_FOUND);
		}
		var actions = Map.of("/members/{id}/official", Map.of("officialDate", "01/01/2026"), "/members/{id}/exempt",
				Map.of("since", "01/01/2026", "reason", "x"), "/members/{id}/exempt/end", Map.of("on", "01/01/2026"),
				"/members/{id}/transfers",
				Map.of("kind", "PERMANENT_OUT", "otherOrganization", "x", "on", "01/01/2026"), "/members/{id}/leave",
				Map.of("status", "STRUCK_OFF", "on", "01/01/2026", "reason", "x"), "/members/{id}/posts",
				Map.of("organizationId", String.valueOf(people.branch()), "post", "SECRETARY", "from", "01/01/2026"),
				"/members/{id}/posts/1/end", Map.of("on", "01/01/2026"), "/members/{id}/transfers/1/end",
				Map.of("on", "01/01/2026"));
		actions.forEach((path, params) -> {
			var request = mvc.post().uri(path, other).with(user(secretary)).with(csrf());
			params.forEach((name, value) -> request.param(name, value));
			assertThat(request).as(path).hasStatus(HttpStatus.NOT_FOUND);
		});
		assertThat(fullName(other)).isEqualTo(before);
		var status = jdbc.sql("select status from member where id = :id")
			.param("id", other)
			.query(String.class)
			.single();
		assertThat(status).isEqualTo("OFFICIAL");
	}

	@Test
	void everyOrganizationPageRefusesABranchOutsideTheScope() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var other = people.otherBranch();
		for (var path : List.of("/orgs/{id}", "/orgs/{id}/roster")) {
			assertThat(mvc.get().uri(path, other).with(user(secretary))).as(path).hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(mvc.get().uri("/orgs/{id}", people.branch()).with(user(secretary))).hasStatusOk();
		assertThat(mvc.get().uri("/members/new?branchId={id}", other).with(user(secretary))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ Văn phòng")
			.doesNotContain("Chi bộ Nghiệp vụ");
	}

	@Test
	void exportHoldsOnlyTheScopeAndIsRefusedToOrdinaryMembers() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var own = mvc.get().uri("/members/export.xlsx").with(user(secretary)).exchange();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(own.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).as("a heading and the branch's two members").isEqualTo(2);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var result = mvc.get()
			.uri("/members/export.xlsx?branchId={b}", people.otherBranch())
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
		assertThat(mvc.get().uri("/members/export.xlsx").with(user(people.member()))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/members/import").with(user(people.member()))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theApiDocumentNeedsALogin() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(HttpStatus.UNAUTHORIZED);
		var office = fixtures.account(fixtures.committee().office());
		assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic(office, DemoUsers.PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("/api/v1/members");
	}

}
