package vn.chibo.inspection;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingService;
import vn.chibo.inspection.supervision.Supervisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Regular supervision (docs/domain.md §10): the share of members supervised against a
 * fresh count and the committee's target, who records for which branch, what an
 * observation may name, a recommendation followed up once.
 */
@ChiboTest
class SupervisionTests {

	@Autowired
	Supervisions supervisions;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MeetingService meetings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theShareOfMembersSupervisedEqualsAFreshCountAgainstTheTarget() {
		var office = demo.user("vanphong");
		var year = LocalDate.now().getYear() - 1;
		var view = supervisions.year(office, year);
		assertThat(view.target()).isEqualTo(30);
		assertThat(view.branches()).hasSize(8);
		for (var c : view.branches()) {
			var fresh = jdbc.sql("""
					select count(distinct s.member_id) from supervision_note s join member m
					on m.committee_id = s.committee_id and m.id = s.member_id
					where s.branch_id = :b and m.branch_id = :b and m.status in ('OFFICIAL', 'PROBATIONARY')
					and extract(year from s.observed_on) = :y
					""").param("b", c.branchId()).param("y", year).query(Integer.class).single();
			assertThat(c.supervised()).as(c.branchName()).isEqualTo(fresh);
			assertThat(c.belowTarget()).as(c.branchName()).isEqualTo(c.percent() < 30);
		}
		// This year Vũng Áng is behind.
		assertThat(supervisions.year(office, year + 1).branches())
			.filteredOn((c) -> c.branchName().contains("Vũng Áng"))
			.singleElement()
			.satisfies((c) -> assertThat(c.belowTarget()).isTrue());
		assertThat(view.notes()).anyMatch((n) -> n.meetingId() != null);
	}

	@Test
	void aSecretaryRecordsForTheBranchOnlyAndARecommendationIsFollowedUpOnce() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var member = people.member().memberId();
		var page = mvc.get().uri("/inspection/supervision").with(user(secretary)).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Chi bộ Văn phòng");
		assertThat(page).bodyText().doesNotContain("Chi bộ Nghiệp vụ");
		var today = LocalDate.now();
		var date = today.getDayOfMonth() + "/" + today.getMonthValue() + "/" + today.getYear();
		assertThat(mvc.post()
			.uri("/inspection/supervision")
			.with(user(secretary))
			.with(csrf())
			.param("branchId", String.valueOf(people.branch()))
			.param("memberId", String.valueOf(member))
			.param("observedOn", date)
			.param("kind", "DIALOGUE")
			.param("note", "Trao đổi thử với đảng viên")
			.param("recommendation", "Kiến nghị thử")).flash().containsKey("flashSuccess");
		// Another branch, a member of another branch, another branch's meeting: refused,
		// named.
		assertThat(mvc.post()
			.uri("/inspection/supervision")
			.with(user(secretary))
			.with(csrf())
			.param("branchId", String.valueOf(people.otherBranch()))
			.param("observedOn", date)
			.param("kind", "REPORT")
			.param("note", "x")).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/inspection/supervision")
			.with(user(secretary))
			.with(csrf())
			.param("branchId", String.valueOf(people.branch()))
			.param("memberId", String.valueOf(people.otherMember().memberId()))
			.param("observedOn", date)
			.param("kind", "REPORT")
			.param("note", "x")).flash().containsKey("flashError");
		var form = new MeetingForm();
		form.setBranchId(people.otherBranch());
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(today.minusDays(3));
		var foreignMeeting = meetings.schedule(people.otherSecretary(), form);
		assertThat(mvc.post()
			.uri("/inspection/supervision")
			.with(user(secretary))
			.with(csrf())
			.param("branchId", String.valueOf(people.branch()))
			.param("observedOn", date)
			.param("kind", "MEETING")
			.param("meetingId", String.valueOf(foreignMeeting))
			.param("note", "x")).flash().containsKey("flashError");
		var id = jdbc.sql("select id from supervision_note where committee_id = :c")
			.param("c", secretary.committeeId())
			.query(Long.class)
			.single();
		assertThat(mvc.post()
			.uri("/inspection/supervision/" + id + "/follow-up")
			.with(user(secretary))
			.with(csrf())
			.param("on", date)
			.param("text", "Đã làm")).flash().containsKey("flashSuccess");
		assertThat(mvc.post()
			.uri("/inspection/supervision/" + id + "/follow-up")
			.with(user(secretary))
			.with(csrf())
			.param("on", date)
			.param("text", "Lần hai")).flash().containsKey("flashError");
		// Another branch's secretary cannot follow it up; it is not even there.
		assertThat(mvc.post()
			.uri("/inspection/supervision/" + id + "/follow-up")
			.with(user(people.otherSecretary()))
			.with(csrf())
			.param("on", date)
			.param("text", "x")).hasStatus(404);
	}

	@Test
	void theCommitteeFollowsAndSetsTheTargetMembersAndTheSuperiorSeeNothing() {
		var people = fixtures.people();
		var office = people.committee().office();
		assertThat(mvc.get().uri("/inspection/supervision").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ Văn phòng", "Chi bộ Nghiệp vụ")
			.doesNotContain("id=\"note-form\"");
		assertThat(mvc.post()
			.uri("/inspection/supervision")
			.with(user(office))
			.with(csrf())
			.param("branchId", String.valueOf(people.branch()))
			.param("observedOn", "1/1/2026")
			.param("kind", "REPORT")
			.param("note", "x")).hasStatus(403);
		var year = LocalDate.now().getYear() + 1;
		assertThat(mvc.post()
			.uri("/inspection/supervision/target")
			.with(user(office))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("percent", "150")).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/inspection/supervision/target")
			.with(user(office))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("percent", "40%")).flash().containsKey("flashSuccess");
		assertThat(supervisions.year(office, year).target()).isEqualTo(40);
		assertThat(supervisions.year(fixtures.committee().office(), year).target()).as("another committee's").isNull();
		assertThat(mvc.post()
			.uri("/inspection/supervision/target")
			.with(user(people.secretary()))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("percent", "10")).hasStatus(403);
		for (var reader : List.of(people.member(), people.committee().observer())) {
			assertThat(mvc.get().uri("/inspection/supervision").with(user(reader))).as(reader.username())
				.hasStatus(403);
			assertThat(mvc.get().uri("/api/v1/supervision?year=2025").with(user(reader))).as(reader.username())
				.hasStatus(403);
		}
	}

}
