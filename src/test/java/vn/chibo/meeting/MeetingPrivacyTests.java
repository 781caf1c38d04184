package vn.chibo.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.attendance.SelfCheckIn;
import vn.chibo.meeting.plan.MeetingChanges;

/**
 * Who sees what of a meeting: a member sees their own reason of absence, not the others';
 * the chi ủy's preparatory record is the executive's; a check-in counts only near the
 * meeting; the notice says what it sends to how many before it is sent, and a change that
 * moves nothing tells nobody. Each test on a committee of its own ({@link Fixtures}).
 */
@ChiboTest
class MeetingPrivacyTests {

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	SelfCheckIn checkIns;

	@Autowired
	MeetingChanges changes;

	@Autowired
	MeetingQueries queries;

	@Autowired
	CheckInTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A branch of a committee of the test's own, its secretary and two members. */
	private record Branch(CurrentUser secretary, CurrentUser member, long id) {
	}

	private Branch branch() {
		var committee = fixtures.committee();
		var member = fixtures.member(committee, committee.branch(1), "Lê Văn Tường", TheoryLevel.ELEMENTARY);
		fixtures.member(committee, committee.branch(1), "Hoàng Thị Hạnh", TheoryLevel.INTERMEDIATE);
		return new Branch(committee.secretary(1), committee.memberLogin(1, member), committee.branch(1));
	}

	private long meeting(Branch branch, LocalDate on, LocalTime startsAt) {
		var form = new MeetingForm();
		form.setBranchId(branch.id());
		form.setKind(MeetingKind.EXTRAORDINARY);
		form.setScheduledOn(on);
		form.setStartsAt(startsAt);
		form.setPlace("Phòng họp số 2");
		return meetings.schedule(branch.secretary(), form);
	}

	@Test
	void aMemberSeesOnlyTheirOwnReasonOfAbsenceAndNotTheExecutivesRecord() throws Exception {
		var branch = branch();
		var secretary = branch.secretary();
		var member = branch.member();
		var id = meeting(branch, LocalDate.of(2044, 3, 12), LocalTime.of(14, 0));
		// Before any minutes a member reads that there are none (a sentence, not an
		// empty definition list).
		var none = mvc.get().uri("/meetings/{id}/minutes", id).with(user(member)).exchange();
		var page = Jsoup.parse(none.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#minutes-form, dl.record")).isEmpty();
		assertThat(page.text()).contains("Chưa có biên bản.");
		attendance.snapshot(secretary, id);
		var other = queries.attendance(secretary, id)
			.stream()
			.filter((r) -> !member.isMember(r.memberId()))
			.findFirst()
			.orElseThrow();
		attendance.record(secretary, id, other.memberId(), AttendanceStatus.ABSENT_EXCUSED, "Điều trị bệnh dài ngày");
		attendance.record(secretary, id, member.memberId(), AttendanceStatus.ABSENT_EXCUSED, "Đi công tác Hà Nội");
		meetings.prepare(secretary, id, PreparationStep.EXECUTIVE_MEETING, null, null,
				"Chi ủy thống nhất nhắc nhở đồng chí chậm nộp đảng phí");

		assertThat(mvc.get().uri("/api/v1/meetings/{id}/attendance", id).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Đi công tác Hà Nội")
			.doesNotContain("Điều trị bệnh dài ngày");
		assertThat(mvc.get().uri("/meetings/{id}/attendance", id).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Đi công tác Hà Nội")
			.doesNotContain("Điều trị bệnh dài ngày");
		assertThat(mvc.get().uri("/api/v1/meetings/{id}/attendance", id).with(user(secretary))).bodyText()
			.contains("Điều trị bệnh dài ngày");
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(member))).hasStatusOk()
			.bodyText()
			.doesNotContain("chậm nộp đảng phí");
		assertThat(mvc.get().uri("/api/v1/meetings/{id}", id).with(user(member))).bodyText()
			.doesNotContain("chậm nộp đảng phí");
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(secretary))).bodyText().contains("chậm nộp đảng phí");
	}

	@Test
	void aCheckInCountsOnlyFromAnHourBeforeTheStart() {
		var branch = branch();
		var secretary = branch.secretary();
		var now = LocalTime.now(clock);
		// A meeting later today: its code, used now, is refused (when there is room
		// left in the day for a start more than an hour away).
		if (now.isBefore(LocalTime.of(21, 0))) {
			var id = meeting(branch, LocalDate.now(clock), now.plusHours(2).withSecond(0).withNano(0));
			attendance.snapshot(secretary, id);
			var token = tokens.issue(CheckInTokens.Purpose.MEETING, secretary.committeeId(), id);
			assertThatThrownBy(() -> checkIns.checkIn(branch.member(), token)).isInstanceOfSatisfying(
					BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("checkIn.tooEarly"));
			assertThat(queries.attendance(secretary, id)).allSatisfy((row) -> assertThat(row.status()).isNull());
		}
		// A code of yesterday's meeting, still in its lifetime, is refused too.
		var yesterday = meeting(branch, LocalDate.now(clock).minusDays(1), null);
		attendance.snapshot(secretary, yesterday);
		var old = tokens.issue(CheckInTokens.Purpose.MEETING, secretary.committeeId(), yesterday);
		assertThatThrownBy(() -> checkIns.checkIn(branch.member(), old)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("checkIn.notToday"));
	}

	@Test
	void theNoticeIsShownWithItsRecipientsAndAChangeThatMovesNothingTellsNobody() {
		var branch = branch();
		var secretary = branch.secretary();
		var id = meeting(branch, LocalDate.of(2044, 5, 12), LocalTime.of(14, 0));
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(secretary))).bodyText()
			.contains("Kính gửi đồng chí")
			.contains("Phòng họp số 2")
			.contains("Gửi thông báo tới ")
			.contains("data-confirm=\"Gửi thông báo này tới");
		var told = jdbc.sql("select count(*) from notification where link = :link")
			.param("link", "/meetings/" + id)
			.query(Long.class);
		assertThat(told.single()).isZero();
		changes.reschedule(secretary, id, LocalDate.of(2044, 5, 12), LocalTime.of(14, 0), " Phòng họp số 2 ");
		assertThat(told.single()).as("an unchanged meeting notifies nobody").isZero();
		assertThat(mvc.post().uri("/meetings/{id}/notice", id).with(user(secretary)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(told.single()).as("both members told").isEqualTo(2);
	}

}
