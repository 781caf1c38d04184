package vn.chibo.meeting;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.plan.MeetingComments;

/**
 * The superior committee member who follows a branch views its meetings and comments, but
 * writes nothing of the branch's record.
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
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private CurrentUser followerOf(String branch) {
		var username = jdbc.sql("""
				select u.username from member_post p join app_user u on u.member_id = p.member_id
				where p.organization_id = :branch and p.post = 'FOLLOWER' and p.ended_on is null
				""").param("branch", demo.branchId(branch)).query(String.class).single();
		return demo.user(username);
	}

	@Test
	void theFollowerViewsTheBranchsMeetingsAndCommentsButDoesNotWrite() {
		var follower = followerOf("CB01");
		assertThat(follower.username()).isNotEqualTo("bithu.cb01");
		var form = new MeetingForm();
		form.setBranchId(demo.branchId("CB01"));
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.of(2041, 3, 25));
		var id = meetings.schedule(demo.user("bithu.cb01"), form);

		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(follower))).hasStatusOk()
			.bodyText()
			.contains("cấp ủy viên phụ trách chi bộ này")
			.doesNotContain("send-notice");
		assertThat(mvc.post()
			.uri("/meetings/{id}/comments", id)
			.with(user(follower))
			.with(csrf())
			.param("comment", "Đề nghị chi bộ chuẩn bị kỹ nội dung kiểm điểm.")).hasStatus3xxRedirection();
		assertThat(comments.comments(demo.user("bithu.cb01"), id)).singleElement()
			.satisfies((c) -> assertThat(c.author()).isEqualTo(follower.username()));
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(follower))).hasStatusOk()
			.bodyText()
			.doesNotContain("minutes-form");
		assertThat(mvc.get().uri("/meetings?year=2041").with(user(follower))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ Hải quan CKQT Cầu Treo");
		assertThatThrownBy(() -> attendance.snapshot(follower, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.updateAgenda(follower, id, "x")).isInstanceOf(NotFoundException.class);

		// Members of the branch read; others neither read nor comment.
		assertThatThrownBy(() -> comments.add(demo.user("dangvien.cb01"), id, "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(demo.user("dangvien.cb01")))).hasStatusOk();
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(demo.user("bithu.cb03"))))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThatThrownBy(() -> comments.add(demo.user("bithu.cb03"), id, "x")).isInstanceOf(NotFoundException.class);
	}

}
