package vn.chibo.inspection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.Post;
import vn.chibo.shared.security.CurrentUser;

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

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyPageAndListAnswersEachRoleAsItShould() {
		var year = LocalDate.now().getYear();
		// A committee of its own: the inspection committee's member, a branch secretary
		// who is the committee's deputy secretary (a standing member), the other branch's
		// secretary and a member, the office, the administrator, the superior's observer.
		var people = fixtures.people();
		var committee = people.committee();
		fixtures.post(committee, people.secretary().memberId(), committee.grassroots(),
				Post.COMMITTEE_DEPUTY_SECRETARY);
		var logins = new LinkedHashMap<String, CurrentUser>();
		logins.put("inspector", fixtures.inspector(people));
		logins.put("standing secretary", people.secretary());
		logins.put("admin", committee.admin());
		logins.put("office", committee.office());
		logins.put("secretary", people.otherSecretary());
		logins.put("member", people.member());
		logins.put("observer", committee.observer());
		// The logins each address lets in, the others get 403.
		var everyone = List.of("inspector", "standing secretary", "admin", "office", "secretary", "member");
		var insiders = List.of("inspector", "standing secretary");
		var followers = List.of("inspector", "standing secretary", "admin", "office");
		var supervisors = List.of("inspector", "standing secretary", "admin", "office", "secretary");
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
			for (var login : logins.keySet()) {
				var status = mvc.get()
					.uri(address.getKey())
					.with(user(logins.get(login)))
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
