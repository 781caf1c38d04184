package vn.chibo.classification;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Step 2 at the branch's year-end review meeting (docs/domain.md §7): a meeting of its
 * own kind in chibo's calendar, where each proposal is voted; a vote at another meeting
 * or with more votes than members rated is refused. The demo's proposals of last year
 * were voted at its December meeting.
 */
@ChiboTest
class ReviewMeetingTests {

	@Autowired
	MemberReviews reviews;

	@Autowired
	ReviewProposals proposals;

	@Autowired
	MeetingService meetings;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theBranchVotesEachProposalAtItsYearEndReviewMeeting() {
		// A branch of five.
		var people = fixtures.people();
		var secretary = people.secretary();
		var branch = people.branch();
		for (var name : List.of("Trần Văn An", "Phạm Thị Bình", "Hoàng Văn Cường")) {
			fixtures.member(people.committee(), branch, name, TheoryLevel.ELEMENTARY);
		}
		var year = LocalDate.now().getYear();
		// The branch page offers to plan the meeting while there is none.
		assertThat(mvc.get().uri("/classification/branches/" + branch + "?year=" + year).with(user(secretary)))
			.hasStatusOk()
			.bodyText()
			.contains("Chi bộ chưa có cuộc họp kiểm điểm cuối năm trong lịch.", "kind=YEAR_REVIEW");
		var form = new MeetingForm();
		form.setBranchId(branch);
		form.setKind(MeetingKind.YEAR_REVIEW);
		form.setScheduledOn(LocalDate.of(year, 12, 18));
		var meeting = meetings.schedule(secretary, form);
		var regular = proposals.reviewMeetings(secretary, branch, year).stream().map((m) -> m.id()).toList();
		assertThat(regular).containsExactly(meeting);
		var rated = reviews.branch(secretary, branch, year).reviews();
		assertThat(rated).hasSize(5);
		var member = rated.getFirst().memberId();

		assertThat(mvc.post()
			.uri("/classification/branches/" + branch + "/proposals")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("memberId", String.valueOf(member))
			.param("level", "GOOD")
			.param("opinion", "Chi bộ thống nhất")
			.param("meetingId", String.valueOf(meeting))
			.param("votesFor", String.valueOf(rated.size() - 2))
			.param("votesAgainst", "1")).hasStatus3xxRedirection().flash().containsKey("flashSuccess");
		assertThat(reviews.branch(secretary, branch, year).reviews()).filteredOn((r) -> r.memberId() == member)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.meetingId()).isEqualTo(meeting);
				assertThat(r.votesFor()).isEqualTo(rated.size() - 2);
				assertThat(r.votesAgainst()).isEqualTo(1);
			});
		assertThat(mvc.get().uri("/classification/branches/" + branch + "?year=" + year).with(user(secretary)))
			.hasStatusOk()
			.bodyText()
			.contains("Biểu quyết tại cuộc họp kiểm điểm ngày 18/12/" + year + ": " + (rated.size() - 2)
					+ " tán thành, 1 không tán thành.");

		// Another meeting of the branch, or more votes than members rated: refused.
		var regularForm = new MeetingForm();
		regularForm.setBranchId(branch);
		regularForm.setKind(MeetingKind.REGULAR);
		regularForm.setScheduledOn(LocalDate.of(year, 11, 20));
		var other = meetings.schedule(secretary, regularForm);
		assertThatThrownBy(() -> proposals.propose(secretary, branch, year, member, ReviewLevel.GOOD, null,
				new ReviewProposals.Vote(other, 1, 0)))
			.hasMessageContaining("classification.vote.meeting");
		assertThatThrownBy(() -> proposals.propose(secretary, branch, year, member, ReviewLevel.GOOD, null,
				new ReviewProposals.Vote(meeting, rated.size(), 1)))
			.hasMessageContaining("classification.vote.count");
		assertThat(mvc.post()
			.uri("/classification/branches/" + branch + "/proposals")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("memberId", String.valueOf(member))
			.param("level", "GOOD")
			.param("meetingId", String.valueOf(meeting))).flash().containsKey("flashError");
		// A branch's meeting is not another branch's to vote at.
		assertThatThrownBy(() -> proposals.propose(people.committee().office(), people.otherBranch(), year,
				people.otherMember().memberId(), ReviewLevel.GOOD, null, new ReviewProposals.Vote(meeting, 1, 0)))
			.hasMessageContaining("classification.vote.meeting");
	}

	@Test
	void lastYearsProposalsWereVotedAtTheDecemberMeeting() {
		var office = demo.user("vanphong");
		var year = LocalDate.now().getYear() - 1;
		var branch = demo.branchId("CB02");
		var meetingsOfYear = proposals.reviewMeetings(office, branch, year);
		assertThat(meetingsOfYear).singleElement().satisfies((m) -> {
			assertThat(m.scheduledOn().getMonthValue()).isEqualTo(12);
			assertThat(m.kind()).isEqualTo(MeetingKind.YEAR_REVIEW);
		});
		assertThat(reviews.branch(office, branch, year).reviews()).allSatisfy((r) -> {
			assertThat(r.meetingId()).isEqualTo(meetingsOfYear.getFirst().id());
			assertThat(r.votesFor()).isPositive();
		});
	}

}
