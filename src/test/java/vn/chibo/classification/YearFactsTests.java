package vn.chibo.classification;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The self-review starts from what chibo knows of the member's year (DOMAIN.md §7 step
 * 1): each fact against a query of its own over the records, and the draft in the form
 * while the member has written nothing.
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
		var year = java.time.LocalDate.now().getYear();
		var expected = facts.draft(facts.own(member, year, false));
		assertThat(mvc.get().uri("/classification/me?year=" + year).with(user(member))).hasStatusOk()
			.bodyText()
			.contains(expected.lines().findFirst().orElseThrow())
			.contains("chibo viết sẵn những điều đã ghi nhận trong năm");
	}

}
