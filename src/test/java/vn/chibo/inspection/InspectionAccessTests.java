package vn.chibo.inspection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every page and list of the inspection module for every role (docs/domain.md §10): the
 * inspection committee member, a standing member whose account is a branch secretary's,
 * the administrator, the office, another branch's secretary, a member, the superior's
 * observer. What each may open answers 200; what it may not, 403 — the lists a reader may
 * open show only its part (tested in the module's other tests).
 */
@ChiboTest
class InspectionAccessTests {

	private static final List<String> LOGINS = List.of("ubkt", "bithu.cb05", "admin", "vanphong", "bithu.cb01",
			"dangvien.cb01", "captren");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Test
	void everyPageAndListAnswersEachRoleAsItShould() {
		var year = LocalDate.now().getYear();
		// The logins each address lets in, the others get 403.
		var everyone = List.of("ubkt", "bithu.cb05", "admin", "vanphong", "bithu.cb01", "dangvien.cb01");
		var insiders = List.of("ubkt", "bithu.cb05");
		var followers = List.of("ubkt", "bithu.cb05", "admin", "vanphong");
		var supervisors = List.of("ubkt", "bithu.cb05", "admin", "vanphong", "bithu.cb01");
		var expected = new LinkedHashMap<String, List<String>>();
		expected.put("/inspection", everyone);
		expected.put("/inspection?year=2022", everyone);
		expected.put("/inspection/new", insiders);
		expected.put("/inspection/export.xlsx?year=" + year, everyone);
		expected.put("/inspection/discipline", everyone);
		expected.put("/inspection/discipline/new", insiders);
		expected.put("/inspection/complaints", insiders);
		expected.put("/inspection/supervision", supervisors);
		expected.put("/inspection/report", followers);
		expected.put("/inspection/report.xlsx?year=2024", followers);
		expected.put("/inspection/report/2024.pdf", followers);
		expected.put("/api/v1/inspections?year=" + year, everyone);
		expected.put("/api/v1/inspections/figures/2024", followers);
		expected.put("/api/v1/discipline/cases", everyone);
		expected.put("/api/v1/discipline/complaints?year=2024", insiders);
		expected.put("/api/v1/supervision?year=2025", supervisors);
		var wrong = new LinkedHashMap<String, Integer>();
		for (Map.Entry<String, List<String>> address : expected.entrySet()) {
			for (var login : LOGINS) {
				var status = mvc.get()
					.uri(address.getKey())
					.with(user(demo.user(login)))
					.exchange()
					.getResponse()
					.getStatus();
				var allowed = address.getValue().contains(login);
				if (allowed ? status != 200 : status != 403) {
					wrong.put(login + " " + address.getKey(), status);
				}
			}
		}
		assertThat(wrong).as("addresses answering a role wrongly").isEmpty();
	}

}
