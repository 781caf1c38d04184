package vn.chibo.meeting;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.plan.MeetingComments;

/**
 * The superior committee member who follows a branch views its meetings and comments, but
 * writes nothing of the branch's record. On a committee of the test's own
 * ({@link Fixtures}): the follower is a member of the other branch.
 */
@ChiboTest
class MeetingFollowerTests {

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingComments comments;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theFollowerViewsTheBranchsMeetingsAndCommentsButDoesNotWrite() {
		var committee = fixtures.committee();
		var followerId = fixtures.member(committee, committee.branch(2), "Đặng Quốc Phụ", TheoryLevel.ADVANCED);
		fixtures.post(committee, followerId, committee.branch(1), Post.FOLLOWER);
		var follower = committee.secretary(2, followerId);
		var secretary = committee.secretary(1);
		var member = committee.memberLogin(1,
				fixtures.member(committee, committee.branch(1), "Võ Thị Lành", TheoryLevel.ELEMENTARY));
		var otherSecretary = committee.secretary(2);
		var form = new MeetingForm();
		form.setBranchId(committee.branch(1));
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.of(2041, 3, 25));
		var id = meetings.schedule(secretary, form);

		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(follower))).hasStatusOk()
			.bodyText()
			.contains("cấp ủy viên phụ trách chi bộ này")
			.doesNotContain("send-notice");
		assertThat(mvc.post()
			.uri("/meetings/{id}/comments", id)
			.with(user(follower))
			.with(csrf())
			.param("comment", "Đề nghị chi bộ chuẩn bị kỹ nội dung kiểm điểm.")).hasStatus3xxRedirection();
		assertThat(comments.comments(secretary, id)).singleElement()
			.satisfies((c) -> assertThat(c.author()).isEqualTo(follower.username()));
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(follower))).hasStatusOk()
			.bodyText()
			.doesNotContain("minutes-form");
		assertThat(mvc.get().uri("/meetings?year=2041").with(user(follower))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ Văn phòng");
		assertThatThrownBy(() -> attendance.snapshot(follower, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.updateAgenda(follower, id, "x")).isInstanceOf(NotFoundException.class);

		// Members of the branch read; others neither read nor comment.
		assertThatThrownBy(() -> comments.add(member, id, "x")).isInstanceOf(AccessDeniedException.class);
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(member))).hasStatusOk();
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(otherSecretary))).hasStatus(HttpStatus.NOT_FOUND);
		assertThatThrownBy(() -> comments.add(otherSecretary, id, "x")).isInstanceOf(NotFoundException.class);
	}

}
