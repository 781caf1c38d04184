package vn.chibo.classification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.HeldMeeting;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.member.TheoryLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The self-review starts from what chibo knows of the member's year (docs/domain.md §7
 * step 1): each fact as the records of a year built for the test give it, and the draft
 * in the form while the member has written nothing.
 */
@ChiboTest
class YearFactsTests {

	@Autowired
	YearFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CollectiveFacts collective;

	@Autowired
	OrganizationReviews organizations;

	/**
	 * A branch's 2025: four regular meetings — the member present at two (once late),
	 * absent with a reason at one and without at one — and two tasks given to the member,
	 * one done by its date and one still open; the other branch met once.
	 */
	private Fixtures.People year2025() {
		var people = fixtures.people();
		var committee = people.committee();
		var secretary = people.secretary().memberId();
		var member = people.member().memberId();
		fixtures.held(committee, people.branch(), LocalDate.of(2025, 2, 10),
				Map.of(secretary, AttendanceStatus.PRESENT, member, AttendanceStatus.PRESENT), true, List.of());
		fixtures.held(committee, people.branch(), LocalDate.of(2025, 4, 10),
				Map.of(secretary, AttendanceStatus.PRESENT, member, AttendanceStatus.LATE), true,
				List.of(new HeldMeeting.Task(member, "Báo cáo công tác đoàn thể", LocalDate.of(2025, 5, 5),
						TaskStatus.DONE)));
		fixtures.held(committee, people.branch(), LocalDate.of(2025, 6, 10),
				Map.of(secretary, AttendanceStatus.PRESENT, member, AttendanceStatus.ABSENT_EXCUSED), true,
				List.of(new HeldMeeting.Task(member, "Rà soát hồ sơ đảng viên", LocalDate.of(2025, 7, 5),
						TaskStatus.OPEN)));
		fixtures.held(committee, people.branch(), LocalDate.of(2025, 8, 11),
				Map.of(secretary, AttendanceStatus.PRESENT, member, AttendanceStatus.ABSENT_UNEXCUSED), true,
				List.of());
		fixtures.held(committee, people.otherBranch(), LocalDate.of(2025, 3, 12),
				Map.of(people.otherSecretary().memberId(), AttendanceStatus.PRESENT), true, List.of());
		return people;
	}

	@Test
	void theFactsOfAMembersYearAreThoseOfItsRecords() {
		var member = year2025().member();
		var f = facts.own(member, 2025, false);
		assertThat(f.present()).isEqualTo(2);
		assertThat(f.excused()).isOne();
		assertThat(f.unexcused()).isOne();
		assertThat(f.tasks()).isEqualTo(2);
		assertThat(f.tasksOnTime()).isOne();
		assertThat(f.tasksLate()).isZero();
		assertThat(f.tasksOpen()).isOne();
		assertThat(f.study().called()).isZero();
		assertThat(f.study().handedIn()).isZero();
		assertThat(f.awards()).isEmpty();
		// Another year of the same member holds none of it.
		assertThat(facts.own(member, 2024, false).present()).isZero();
		var draft = facts.draft(f);
		assertThat(draft).startsWith("Sinh hoạt chi bộ năm 2025: dự 2 buổi")
			.contains("Nhiệm vụ chi bộ giao có hạn trong năm: 2 việc", "nộp 0 bài thu hoạch",
					"Trong năm không bị kỷ luật.");
	}

	@Test
	void anOpenYearsSelfReviewIsPrefilledWithTheDraft() {
		var member = year2025().member();
		var year = LocalDate.now().getYear();
		var expected = facts.draft(facts.own(member, year, false));
		assertThat(mvc.get().uri("/classification/me?year=" + year).with(user(member))).hasStatusOk()
			.bodyText()
			.contains(expected.lines().findFirst().orElseThrow())
			.contains("chibo viết sẵn những điều đã ghi nhận trong năm");
	}

	@Test
	void theCollectiveReportsDraftHoldsTheBranchsYearFromTheRecords() {
		var people = year2025();
		var committee = people.committee();
		// One member admitted in 2025 (official a year later).
		var admitted = fixtures.member(committee, people.branch(), "Phan Thị Mới", TheoryLevel.ELEMENTARY);
		fixtures.record(committee, admitted, (form) -> {
			form.setAdmissionDate(LocalDate.of(2025, 9, 2));
			form.setOfficialDate(LocalDate.of(2026, 9, 2));
		});
		var office = committee.office();
		var view = organizations.year(office, 2025);
		var drafts = collective.drafts(office, 2025, view.rows());
		assertThat(drafts.get(people.branch())).startsWith("Năm 2025 tổ chức 4 cuộc sinh hoạt thường kỳ")
			.contains("Kết nạp 1 đảng viên");
		assertThat(drafts.get(people.otherBranch())).startsWith("Năm 2025 tổ chức 1 cuộc sinh hoạt thường kỳ")
			.contains("Kết nạp 0 đảng viên");
		var whole = view.rows().stream().filter(OrganizationReviews.Row::committee).findFirst().orElseThrow();
		assertThat(drafts.get(whole.organizationId())).startsWith("Năm 2025 tổ chức 5 cuộc sinh hoạt thường kỳ");
		// This year's branch report starts from the draft while its secretary has written
		// none.
		var year = LocalDate.now().getYear();
		assertThat(mvc.get().uri("/classification/organizations?year=" + year).with(user(people.secretary())))
			.hasStatusOk()
			.bodyText()
			.contains("Năm " + year + " tổ chức");
	}

}
