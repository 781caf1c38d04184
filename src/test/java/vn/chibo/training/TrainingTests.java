package vn.chibo.training;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.TestSheets;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class TrainingTests {

	@Autowired
	TrainingService training;

	@Autowired
	TrainingQueries queries;

	@Autowired
	MemberQueries members;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private long course(CurrentUser office, TheoryLevel level, LocalDate start) {
		var form = new CourseForm();
		form.setKind(CourseKind.THEORY);
		form.setLevel(level);
		form.setTitle("Lớp thử " + level + " " + start);
		form.setProvider("Trường Chính trị tỉnh");
		form.setStartsOn(start);
		form.setMode(CourseMode.PART_TIME);
		return training.createCourse(office, form);
	}

	@Test
	void completingATheoryCourseRaisesTheMembersLevelWithItsHistoryAndNeverLowersIt() {
		var committee = fixtures.committee();
		var office = committee.office();
		var member = fixtures.member(committee, committee.branch(1), "Nguyễn Văn Học", TheoryLevel.ELEMENTARY);
		var intermediate = course(office, TheoryLevel.INTERMEDIATE, LocalDate.of(2025, 2, 1));
		var enrolment = training.propose(office, intermediate, member, 2025, "Quy hoạch chi ủy");
		assertThatThrownBy(() -> training.propose(office, intermediate, member, 2025, null))
			.hasFieldOrPropertyWithValue("messageKey", "training.member.taken");
		training.change(office, enrolment, EnrolmentStatus.APPROVED, null, null, null);
		training.change(office, enrolment, EnrolmentStatus.ENROLLED, null, null, null);
		assertThatThrownBy(() -> training.change(office, enrolment, EnrolmentStatus.COMPLETED, null,
				LocalDate.of(2025, 12, 1), null))
			.hasFieldOrPropertyWithValue("messageKey", "training.certificate.required");
		assertThatThrownBy(() -> training.change(office, enrolment, EnrolmentStatus.COMPLETED, "TC-1",
				LocalDate.of(2024, 12, 1), null))
			.hasFieldOrPropertyWithValue("messageKey", "training.completedOn.range");
		// Through the page, as the office does it: the level is raised after the commit.
		assertThat(mvc.post()
			.uri("/training/enrolments/" + enrolment)
			.with(user(office))
			.with(csrf())
			.param("status", "COMPLETED")
			.param("certificateNo", "TC-2025-0042")
			.param("completedOn", "19/12/2025")).hasStatus3xxRedirection();
		assertThat(members.find(office.committeeId(), member).orElseThrow().theoryLevel())
			.isEqualTo(TheoryLevel.INTERMEDIATE);
		assertThat(members.history(office.committeeId(), member)).anySatisfy((h) -> {
			assertThat(h.kind()).isEqualTo("THEORY_LEVEL");
			assertThat(h.fromValue()).isEqualTo("ELEMENTARY");
			assertThat(h.toValue()).isEqualTo("INTERMEDIATE");
			assertThat(h.effectiveOn()).isEqualTo(LocalDate.of(2025, 12, 19));
			assertThat(h.note()).contains("TC-2025-0042");
		});
		assertThatThrownBy(() -> training.change(office, enrolment, EnrolmentStatus.WITHDRAWN, null, null, null))
			.hasFieldOrPropertyWithValue("messageKey", "training.status.completed");
		// An elementary course completed later keeps the higher level; the course is in
		// the history.
		var elementary = course(office, TheoryLevel.ELEMENTARY, LocalDate.of(2026, 1, 5));
		var again = training.propose(office, elementary, member, 2026, null);
		training.change(office, again, EnrolmentStatus.COMPLETED, "SC-9", LocalDate.of(2026, 2, 1), null);
		assertThat(members.find(office.committeeId(), member).orElseThrow().theoryLevel())
			.isEqualTo(TheoryLevel.INTERMEDIATE);
		assertThat(members.history(office.committeeId(), member)).extracting((h) -> h.kind()).contains("THEORY_COURSE");
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'training' and entity_id = :id")
			.param("id", intermediate)
			.query(Long.class)
			.single()).as("create, propose, three changes").isEqualTo(5);
	}

	@Test
	void thePlanAgainstWhatWasDoneCountsAsAFreshCount() {
		var committee = fixtures.committee();
		var office = committee.office();
		var year = 2026;
		var course = course(office, TheoryLevel.INTERMEDIATE, LocalDate.of(2025, 6, 1));
		var statuses = List.of(EnrolmentStatus.PROPOSED, EnrolmentStatus.APPROVED, EnrolmentStatus.ENROLLED,
				EnrolmentStatus.WITHDRAWN);
		for (var i = 0; i < statuses.size(); i++) {
			var member = fixtures.member(committee, committee.branch(1 + i % 2), "Trần Văn Kế " + (i + 1),
					TheoryLevel.ELEMENTARY);
			var enrolment = training.propose(office, course, member, year, null);
			if (statuses.get(i) != EnrolmentStatus.PROPOSED) {
				training.change(office, enrolment, statuses.get(i), null, null, null);
			}
		}
		var figures = queries.figures(office, year);
		var fresh = jdbc.sql("""
				select count(*) filter (where status <> 'WITHDRAWN'), count(*) filter (where status = 'WITHDRAWN')
				from training_enrolment where committee_id = :c and plan_year = :year
				""")
			.param("c", committee.id())
			.param("year", year)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		assertThat(figures.planned()).isEqualTo(fresh[0]).isEqualTo(3);
		assertThat(figures.withdrawn()).isEqualTo(fresh[1]).isOne();
		// A branch counts its own only: the first branch has the proposed and the
		// enrolled.
		var secretary = committee.secretary(1);
		assertThat(queries.figures(secretary, year).planned()).isEqualTo(2);
		assertThat(queries.plan(secretary, year)).extracting((e) -> e.branchName()).containsOnly("Chi bộ Văn phòng");
	}

	@Test
	void whoSeesAndChangesWhat() {
		var committee = fixtures.committee();
		var office = committee.office();
		var member = fixtures.member(committee, committee.branch(1), "Lê Văn Khóa", TheoryLevel.ELEMENTARY);
		var ordinary = committee.memberLogin(1,
				fixtures.member(committee, committee.branch(1), "Phan Thị Bạn", TheoryLevel.ELEMENTARY));
		var secretary = committee.secretary(1);
		var course = course(office, TheoryLevel.INTERMEDIATE, LocalDate.of(2026, 3, 3));
		var enrolment = training.propose(office, course, member, 2026, null);
		// Only the office keeps the plan.
		for (var login : List.of(secretary, ordinary)) {
			assertThatThrownBy(() -> training.change(login, enrolment, EnrolmentStatus.APPROVED, null, null, null))
				.as(login.username())
				.isInstanceOf(AccessDeniedException.class);
			assertThat(mvc.post()
				.uri("/training/courses/" + course + "/enrolments")
				.with(user(login))
				.with(csrf())
				.param("memberId", String.valueOf(member))).as(login.username()).hasStatus(403);
		}
		// The branch reads its member's enrolment; another branch does not.
		assertThat(queries.enrolments(secretary, course)).extracting((e) -> e.memberId()).contains(member);
		assertThat(queries.enrolments(committee.secretary(2), course)).isEmpty();
		assertThatThrownBy(() -> training.change(committee.admin(), -1, EnrolmentStatus.APPROVED, null, null, null))
			.isInstanceOf(NotFoundException.class);
		// A member reads its own line only.
		assertThat(queries.enrolments(ordinary, course)).extracting((e) -> e.memberId()).doesNotContain(member);
		for (var login : List.of(committee.admin(), office, secretary, ordinary)) {
			assertThat(mvc.get().uri("/training").with(user(login))).as(login.username()).hasStatusOk();
			assertThat(mvc.get().uri("/training/courses/" + course).with(user(login))).as(login.username())
				.hasStatusOk();
		}
		assertThat(mvc.get().uri("/training/levels").with(user(ordinary))).hasStatus(403);
		assertThat(mvc.get().uri("/training").with(user(committee.observer()))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/training/plan?year=2026").with(user(committee.observer()))).hasStatus(403);
		// A member of another branch cannot be proposed by a secretary's scope: the
		// office's is whole.
		assertThatThrownBy(() -> training.propose(office, course, null, 2026, null))
			.hasFieldOrPropertyWithValue("messageKey", "training.member.required");
	}

	@Test
	void theLevelsPageNamesASecretaryWithoutIntermediateTheory() {
		var committee = fixtures.committee();
		var office = committee.office();
		var name = "Võ Thị Lý Luận";
		var secretary = fixtures.member(committee, committee.branch(2), name, TheoryLevel.ELEMENTARY);
		fixtures.post(committee, secretary, committee.branch(2), Post.SECRETARY);
		assertThat(members.postsBelow(office, TrainingController.LEADING_POSTS, TheoryLevel.INTERMEDIATE))
			.anySatisfy((g) -> assertThat(g.memberId()).isEqualTo(secretary));
		assertThat(mvc.get().uri("/training/levels").with(user(office))).hasStatusOk().bodyText().contains(name);
		assertThat(mvc.get().uri("/training/levels").with(user(committee.secretary(1)))).hasStatusOk()
			.bodyText()
			.doesNotContain(name);
	}

	@Test
	void theApiCreatesACourseAndRefusesABadOneNamingTheField() {
		var office = fixtures.committee().office();
		var created = mvc.post()
			.uri("/api/v1/training/courses")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "PARTY_WORK", "title": "Tập huấn qua API", "provider": "Ban Tổ chức",
					 "startsOn": "2026-04-04", "mode": "SHORT"}
					""")
			.exchange();
		assertThat(created).hasStatus(201);
		var bad = mvc.post()
			.uri("/api/v1/training/courses")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "THEORY", "title": "Thiếu trình độ", "provider": "Trường", "startsOn": "2026-04-04",
					 "mode": "SHORT"}
					""")
			.exchange();
		assertThat(bad).hasStatus4xxClientError().bodyText().contains("level");
		assertThatThrownBy(() -> course(office, TheoryLevel.NONE, LocalDate.of(2026, 1, 1)))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void theYearsPlanExportsAsASpreadsheet() throws Exception {
		var committee = fixtures.committee();
		var office = committee.office();
		var member = fixtures.member(committee, committee.branch(1), "Trần Thị Thu", TheoryLevel.ELEMENTARY);
		var other = fixtures.member(committee, committee.branch(2), "Hồ Văn Bình", TheoryLevel.ELEMENTARY);
		var course = course(office, TheoryLevel.INTERMEDIATE, LocalDate.of(2025, 3, 1));
		var done = training.propose(office, course, member, 2025, null);
		training.change(office, done, EnrolmentStatus.COMPLETED, "TC-2025-7", LocalDate.of(2025, 11, 20), null);
		training.propose(office, course, other, 2025, null);
		var result = mvc.get().uri("/training/export.xlsx?year=2025").with(user(office)).exchange();
		assertThat(result).hasStatusOk();
		var rows = TestSheets.rows(result.getResponse().getContentAsByteArray());
		assertThat(rows).anySatisfy((r) -> assertThat(r).contains("Trần Thị Thu", "Chi bộ Văn phòng",
				"Lớp thử INTERMEDIATE 2025-03-01", "Đã hoàn thành", "TC-2025-7", "20/11/2025"));
		assertThat(rows).anySatisfy((r) -> assertThat(r).contains("Hồ Văn Bình").doesNotContain("Đã hoàn thành"));
		// Another year's plan holds neither.
		var before = TestSheets.rows(mvc.get()
			.uri("/training/export.xlsx?year=2024")
			.with(user(office))
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(before).noneSatisfy((r) -> assertThat(r).contains("Trần Thị Thu"));
	}

	@Test
	void theDemoHoldsTheSeedsGraduatesAndThisYearsPlan() {
		var office = demo.user("vanphong");
		var graduates = jdbc.sql("""
				select c.level, count(*) from training_enrolment e join training_course c
				on c.committee_id = e.committee_id and c.id = e.course_id
				where e.status = 'COMPLETED' and c.kind = 'THEORY' and e.completed_on between :from and :to
				group by c.level
				""")
			.param("from", LocalDate.of(2015, 1, 1))
			.param("to", LocalDate.of(2020, 12, 31))
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list();
		assertThat(graduates).contains("ADVANCED=5", "INTERMEDIATE=13");
		assertThat(queries.figures(office, LocalDate.now().getYear()).planned()).isPositive();
	}

}
