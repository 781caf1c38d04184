package vn.chibo.classification;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The self-review starts from what chibo knows of the member's year (docs/domain.md §7
 * step 1): each fact against a query of its own over the records, and the draft in the
 * form while the member has written nothing.
 */
@ChiboTest
class YearFactsTests {

	@Autowired
	YearFacts facts;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private int count(String sql, long committee, long member, int year) {
		return jdbc.sql(sql).param("c", committee).param("m", member).param("y", year).query(Integer.class).single();
	}

	@Test
	void theFactsOfAMembersYearAgreeWithTheRecords() {
		var member = demo.user("dangvien.cb01");
		var c = member.committeeId();
		var m = member.memberId();
		var year = 2025;
		var f = facts.own(member, year, false);
		assertThat(f.present()).isPositive().isEqualTo(count("""
				select count(*) from meeting_attendance a join meeting g on g.committee_id = a.committee_id
				and g.id = a.meeting_id where a.committee_id = :c and a.member_id = :m and g.status <> 'CANCELLED'
				and extract(year from g.scheduled_on) = :y and a.status in ('PRESENT', 'LATE')
				""", c, m, year));
		assertThat(f.excused() + f.unexcused()).isEqualTo(count("""
				select count(*) from meeting_attendance a join meeting g on g.committee_id = a.committee_id
				and g.id = a.meeting_id where a.committee_id = :c and a.member_id = :m and g.status <> 'CANCELLED'
				and extract(year from g.scheduled_on) = :y and a.status in ('ABSENT_EXCUSED', 'ABSENT_UNEXCUSED')
				""", c, m, year));
		assertThat(f.tasks()).isEqualTo(count("""
				select count(*) from meeting_task where committee_id = :c and member_id = :m
				and extract(year from due_on) = :y
				""", c, m, year));
		assertThat(f.tasksOnTime() + f.tasksLate() + f.tasksOpen()).isEqualTo(f.tasks());
		assertThat(f.study().called()).isEqualTo(count("""
				select count(*) from study_attendance a join study_session s on s.committee_id = a.committee_id
				and s.id = a.session_id where a.committee_id = :c and a.member_id = :m and not a.exempted
				and a.status is not null and extract(year from s.held_on) = :y
				""", c, m, year));
		assertThat(f.study().handedIn()).isEqualTo(count("""
				select count(*) from study_reflection r join study_session s on s.committee_id = r.committee_id
				and s.id = r.session_id where r.committee_id = :c and r.member_id = :m
				and r.status in ('SUBMITTED', 'GRADED') and extract(year from s.held_on) = :y
				""", c, m, year));
		assertThat(f.awards()).hasSize(
				count("""
						select count(*) from award where committee_id = :c and member_id = :m and extract(year from decided_on) = :y
						""",
						c, m, year));
		var draft = facts.draft(f);
		assertThat(draft).startsWith("Sinh hoạt chi bộ năm 2025: dự " + f.present() + " buổi")
			.contains("Nhiệm vụ chi bộ giao có hạn trong năm: " + f.tasks() + " việc",
					"nộp " + f.study().handedIn() + " bài thu hoạch", "Trong năm không bị kỷ luật.");
	}

	@Test
	void anOpenYearsSelfReviewIsPrefilledWithTheDraft() {
		// A member whose review of this year no other test writes.
		var member = demo.user("dangvien.cb05");
		var year = LocalDate.now().getYear();
		var expected = facts.draft(facts.own(member, year, false));
		assertThat(mvc.get().uri("/classification/me?year=" + year).with(user(member))).hasStatusOk()
			.bodyText()
			.contains(expected.lines().findFirst().orElseThrow())
			.contains("chibo viết sẵn những điều đã ghi nhận trong năm");
	}

	@Autowired
	CollectiveFacts collective;

	@Autowired
	OrganizationReviews organizations;

	@Test
	void theCollectiveReportsDraftHoldsTheBranchsYearFromTheRecords() {
		var office = demo.user("vanphong");
		var branch = demo.branchId("CB03");
		var view = organizations.year(office, 2025);
		var drafts = collective.drafts(office, 2025, view.rows());
		var regular = jdbc.sql("""
				select count(*) from meeting where committee_id = :c and branch_id = :b and kind = 'REGULAR'
				and status = 'HELD' and extract(year from scheduled_on) = 2025
				""").param("c", office.committeeId()).param("b", branch).query(Integer.class).single();
		var admitted = jdbc.sql("""
				select count(*) from member where committee_id = :c and branch_id = :b
				and extract(year from admission_date) = 2025
				""").param("c", office.committeeId()).param("b", branch).query(Integer.class).single();
		assertThat(drafts.get(branch)).startsWith("Năm 2025 tổ chức " + regular + " cuộc sinh hoạt thường kỳ")
			.contains("Kết nạp " + admitted + " đảng viên");
		var committee = view.rows().stream().filter(OrganizationReviews.Row::committee).findFirst().orElseThrow();
		var allRegular = jdbc.sql("""
				select count(*) from meeting where committee_id = :c and kind = 'REGULAR' and status = 'HELD'
				and extract(year from scheduled_on) = 2025
				""").param("c", office.committeeId()).query(Integer.class).single();
		assertThat(drafts.get(committee.organizationId()))
			.startsWith("Năm 2025 tổ chức " + allRegular + " cuộc sinh hoạt thường kỳ");
		// This year's branch report starts from the draft while its secretary has written
		// none.
		var year = LocalDate.now().getYear();
		assertThat(mvc.get().uri("/classification/organizations?year=" + year).with(user(demo.user("bithu.cb03"))))
			.hasStatusOk()
			.bodyText()
			.contains("Năm " + year + " tổ chức");
	}

}
