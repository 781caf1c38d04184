package vn.chibo.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.Post;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.calendar.CalendarFeeds;
import vn.chibo.meeting.notice.MeetingNotices;
import vn.chibo.meeting.plan.MeetingChanges;

/**
 * A meeting's notice, reminders and changes reach the members in chibo, by e-mail and in
 * their calendar feeds. Each test on a committee of its own.
 */
@ChiboTest
class MeetingNoticeTests {

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingNotices notices;

	@Autowired
	MeetingChanges changes;

	@Autowired
	MeetingQueries queries;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	/**
	 * The first branch of a committee of the test's own ({@link Fixtures}), and the
	 * second.
	 */
	private long branch;

	private long otherBranch;

	/** The first branch's secretary and one of its members. */
	private CurrentUser secretary;

	private CurrentUser member;

	/** A member of the second branch who follows the first for the committee. */
	private long follower;

	private CurrentUser office;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var people = fixtures.people();
		branch = people.branch();
		otherBranch = people.otherBranch();
		secretary = people.secretary();
		member = people.member();
		// The other branch's secretary follows this branch for the committee.
		follower = people.otherSecretary().memberId();
		fixtures.post(people.committee(), follower, branch, Post.FOLLOWER);
		office = people.committee().office();
	}

	private long meeting(LocalDate on) {
		return meetings.schedule(secretary, Fixtures.regularMeeting(branch, on, 8));
	}

	/** The member's e-mail address, set now. */
	private String address() {
		var email = "member" + member.memberId() + "@chibo.test";
		jdbc.sql("update member set email = :email where id = :id")
			.param("email", email)
			.param("id", member.memberId())
			.update();
		return email;
	}

	/**
	 * The mails GreenMail received for {@code address}, once at least {@code atLeast} are
	 * there.
	 */
	private MimeMessage[] mailTo(String address, int atLeast) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> received(address), (found) -> found.length >= atLeast);
	}

	private MimeMessage[] received(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((r) -> r.toString().equals(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	@Test
	void theNoticeReachesEveryMemberInChiboAndByEmailAndIsRecorded() throws Exception {
		var email = address();
		var id = meeting(LocalDate.of(2040, 3, 25));
		assertThat(mvc.post().uri("/meetings/{id}/notice", id).with(user(secretary)).with(csrf()))
			.hasStatus3xxRedirection();
		var received = mailTo(email, 1);
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject())
			.isEqualTo("Thông báo sinh hoạt thường kỳ — Chi bộ Văn phòng, ngày 25/03/2040");
		assertThat((String) received[0].getContent()).contains("08:00", "Hội trường",
				"http://chibo.test/meetings/" + id);
		var step = queries.preparation(secretary, id).get(2);
		assertThat(step.done()).isTrue();
		assertThat(step.note()).startsWith("Đã gửi thông báo tới");
		// The follower, a committee member of another branch, is among those told.
		assertThat(jdbc.sql("select count(*) from notification where member_id = :m and link = :link")
			.param("m", follower)
			.param("link", "/meetings/" + id)
			.query(Long.class)
			.single()).isOne();
		assertThat(mvc.get().uri("/notifications").with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Thông báo sinh hoạt thường kỳ của Chi bộ Văn phòng: ngày 25/03/2040");
		assertThat(mvc.get().uri("/notifications/count").with(user(member))).hasStatusOk()
			.bodyText()
			.contains("unread-count");
		assertThat(mvc.post().uri("/meetings/{id}/notice", id).with(user(member)).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void remindersGoOnceSevenAndOneDayBefore() throws Exception {
		var email = address();
		var today = LocalDate.now(clock);
		var id = meeting(today.plusDays(7));
		notices.sendReminders(today);
		notices.sendReminders(today);
		assertThat(reminders(id)).containsExactly(7);
		notices.sendReminders(today.plusDays(3));
		assertThat(reminders(id)).containsExactly(7);
		notices.sendReminders(today.plusDays(6));
		assertThat(reminders(id)).containsExactly(1, 7);
		var received = mailTo(email, 2);
		assertThat(received).extracting(MimeMessage::getSubject)
			.allMatch((subject) -> subject.startsWith("Nhắc lịch sinh hoạt thường kỳ — Chi bộ Văn phòng"));
		assertThat(received).hasSize(2);
	}

	@Test
	void theOfficeSetsTheReminderDaysOfTheCommittee() {
		notices.setReminderDays(office, "3; 10 ,1");
		assertThat(notices.reminderDays(office.committeeId())).containsExactly(10, 3, 1);
		assertThatThrownBy(() -> notices.setReminderDays(office, "7, 0")).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.arguments()).containsExactly("0"));
		assertThat(mvc.post().uri("/meetings/reminders").with(user(secretary)).with(csrf()).param("days", "2"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/meetings").with(user(office))).hasStatusOk().bodyText().contains("10, 3, 1");
	}

	private List<Integer> reminders(long meetingId) {
		return jdbc.sql("select days_before from meeting_reminder where meeting_id = :id order by days_before")
			.param("id", meetingId)
			.query(Integer.class)
			.list();
	}

	@Test
	void aMovedMeetingIsAnnouncedAndUpdatesTheCalendarFeedsInPlace() throws Exception {
		var email = address();
		var id = meeting(LocalDate.of(2040, 6, 25));
		var token = feeds.memberToken(member);
		var before = mvc.get().uri("/calendar/{t}.ics", token).exchange();
		assertThat(before.getResponse().getContentType()).startsWith("text/calendar");
		var uid = "UID:meeting-" + secretary.committeeId() + "-" + id + "@chibo";
		// The feed covers a year each way; the meeting is further: look at one that is
		// not.
		var near = meeting(LocalDate.now(clock).plusDays(40));
		var nearUid = "UID:meeting-" + secretary.committeeId() + "-" + near + "@chibo";
		var first = mvc.get().uri("/calendar/{t}.ics", token).exchange().getResponse().getContentAsString();
		assertThat(first).contains(nearUid, "SEQUENCE:0", "BEGIN:VCALENDAR\r\n", "LOCATION:Hội trường")
			.doesNotContain(uid);
		changes.reschedule(secretary, near, LocalDate.now(clock).plusDays(41), LocalTime.of(14, 30), "Phòng 201");
		var moved = mvc.get().uri("/calendar/{t}.ics", token).exchange().getResponse().getContentAsString();
		var event = moved.substring(moved.indexOf(nearUid));
		assertThat(event).contains("SEQUENCE:1", "T143000", "LOCATION:Phòng 201");
		assertThat(mailTo(email, 1)).extracting(MimeMessage::getSubject)
			.anyMatch((s) -> s.startsWith("Đổi lịch sinh hoạt thường kỳ"));
		assertThatThrownBy(() -> changes.cancel(secretary, near, " "))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("reason"));
		changes.cancel(secretary, near, "Trùng lịch hội nghị của Cục");
		var cancelled = mvc.get().uri("/calendar/{t}.ics", token).exchange().getResponse().getContentAsString();
		assertThat(cancelled.substring(cancelled.indexOf(nearUid))).contains("SEQUENCE:2", "STATUS:CANCELLED");
		assertThatThrownBy(() -> changes.reschedule(secretary, near, LocalDate.now(clock), null, null))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(mvc.get().uri("/calendar/{t}.ics", "not-a-feed")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/meetings/calendar-feeds").with(user(member))).hasStatusOk()
			.bodyText()
			.contains(token);
		// Another branch's feed is not offered: the page shows the member's own.
		assertThat(mvc.get().uri("/meetings/calendar-feeds?branchId={b}", otherBranch).with(user(secretary)))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("branchId=" + otherBranch)
			.doesNotContain("name=\"branchId\" value=\"" + otherBranch);
		assertThat(queries.meeting(secretary, id).status()).isEqualTo(MeetingStatus.PLANNED);
	}

}
