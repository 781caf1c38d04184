package vn.chibo.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.TestImages;
import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.attendance.AttendanceRow;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.attendance.SelfCheckIn;

/**
 * A meeting's agenda and roll call, the members' self check-in with the QR code, the
 * absence warnings and the API's same rules. Each test on a committee of its own.
 */
@ChiboTest
class MeetingAttendanceTests {

	@Autowired
	AttendanceWarnings attendanceWarnings;

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	SelfCheckIn checkIns;

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

	/** The first branch of a committee of the test's own ({@link Fixtures}). */
	private long branch;

	/** The branch's secretary, a member and a fellow member of theirs. */
	private CurrentUser secretary;

	private CurrentUser member;

	private long colleague;

	/** The second branch's secretary and one of its members. */
	private CurrentUser otherSecretary;

	private CurrentUser otherMember;

	/** The committee's administrator, who reads every branch and is no member. */
	private CurrentUser admin;

	/** Their accounts, for the API's HTTP Basic sign-in. */
	private String secretaryLogin;

	private String memberLogin;

	private String otherSecretaryLogin;

	private String otherMemberLogin;

	private String adminLogin;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var people = fixtures.people();
		var committee = people.committee();
		branch = people.branch();
		secretary = people.secretary();
		member = people.member();
		colleague = fixtures.member(committee, branch, "Trần Văn An", TheoryLevel.ELEMENTARY);
		fixtures.member(committee, branch, "Phạm Thị Bình", TheoryLevel.ELEMENTARY);
		otherSecretary = people.otherSecretary();
		otherMember = people.otherMember();
		admin = committee.admin();
		secretaryLogin = fixtures.account(secretary);
		memberLogin = fixtures.account(member);
		otherSecretaryLogin = fixtures.account(otherSecretary);
		otherMemberLogin = fixtures.account(otherMember);
		adminLogin = fixtures.account(admin);
	}

	private long meeting(MeetingKind kind, LocalDate on) {
		var form = new MeetingForm();
		form.setBranchId(branch);
		form.setKind(kind);
		form.setScheduledOn(on);
		if (kind == MeetingKind.THEMATIC) {
			form.setTopic("Chủ đề");
			form.setTopicGroup(TopicGroup.OTHER);
		}
		return meetings.schedule(secretary, form);
	}

	private AttendanceRow row(long meetingId, long memberId) {
		return queries.attendance(admin, meetingId)
			.stream()
			.filter((r) -> r.memberId() == memberId)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theAgendaFollowsTheRuleSetInForceOnTheMeetingDateAndCanBeEdited() {
		var old = meeting(MeetingKind.REGULAR, LocalDate.of(2021, 4, 25));
		var current = meeting(MeetingKind.REGULAR, LocalDate.of(2026, 4, 25));
		assertThat(queries.meeting(secretary, old).ruleSet()).isEqualTo(MeetingRuleSet.HD12_2018);
		assertThat(queries.agenda(secretary, old)).hasSize(7).last().asString().doesNotContain("tự đánh giá");
		assertThat(queries.agenda(secretary, current)).hasSize(7)
			.satisfies((items) -> assertThat(items.getFirst()).contains("đảng phí"))
			.last()
			.asString()
			.contains("tự đánh giá chất lượng");
		meetings.updateAgenda(secretary, current, "Khai mạc\n\n  Thông tin thời sự  \r\nBế mạc");
		assertThat(queries.agenda(secretary, current)).containsExactly("Khai mạc", "Thông tin thời sự", "Bế mạc");
		assertThatThrownBy(() -> meetings.updateAgenda(secretary, current, " \n ")).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("meeting.agenda.empty"));
		meetings.resetAgenda(secretary, current);
		assertThat(queries.agenda(secretary, current)).hasSize(7);
		var thematic = meeting(MeetingKind.THEMATIC, LocalDate.of(2026, 5, 12));
		assertThat(queries.agenda(secretary, thematic)).anySatisfy((item) -> assertThat(item).contains("chuyên đề"));
		assertThatThrownBy(() -> meetings.updateAgenda(otherSecretary, current, "x"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void everyonePresentMarksTheRestAndKeepsTheExceptions() {
		var id = meeting(MeetingKind.REGULAR, LocalDate.of(2037, 3, 25));
		attendance.snapshot(secretary, id);
		var rows = queries.attendance(secretary, id);
		var absent = rows.get(0).memberId();
		attendance.record(secretary, id, absent, AttendanceStatus.ABSENT_EXCUSED, "Đi công tác");
		var expected = rows.stream().filter((r) -> !r.exempted() && !r.temporaryOut()).count();
		// Another branch's secretary cannot, nor a member.
		assertThatThrownBy(() -> attendance.everyonePresent(otherSecretary, id)).isInstanceOf(NotFoundException.class);
		assertThat(mvc.post().uri("/meetings/{id}/attendance/everyone-present", id).with(user(member)).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/meetings/{id}/attendance/everyone-present", id).with(user(secretary)).with(csrf()))
			.hasRedirectedUrl("/meetings/" + id + "/attendance")
			.flash()
			.containsKey("flashSuccess");
		var after = queries.attendance(secretary, id);
		assertThat(after).filteredOn((r) -> r.status() == AttendanceStatus.PRESENT).hasSize((int) expected - 1);
		assertThat(row(id, absent).status()).isEqualTo(AttendanceStatus.ABSENT_EXCUSED);
		assertThat(row(id, absent).reason()).isEqualTo("Đi công tác");
		assertThat(after).filteredOn((r) -> r.exempted() || r.temporaryOut())
			.allSatisfy((r) -> assertThat(r.status()).isNull());
		assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action = 'everyonePresent'")
			.param("id", id)
			.query(Long.class)
			.single()).isOne();
		// Nobody left: nothing more is marked, nothing audited.
		assertThat(attendance.everyonePresent(secretary, id)).isZero();
	}

	@Test
	void theRollCallRecordsEachMemberAndCountsAgainstTheDenominator() {
		var id = meeting(MeetingKind.REGULAR, LocalDate.of(2036, 6, 25));
		assertThat(queries.attendance(secretary, id)).isEmpty();
		assertThat(mvc.get().uri("/meetings/{id}/attendance", id).with(user(secretary))).hasStatusOk();
		assertThat(queries.attendance(secretary, id)).isEmpty();
		assertThat(mvc.post().uri("/meetings/{id}/attendance/start", id).with(user(secretary)).with(csrf()))
			.hasRedirectedUrl("/meetings/" + id + "/attendance");
		var rows = queries.attendance(secretary, id);
		var roster = jdbc.sql("""
				select count(*) from member where branch_id = :branch and status in ('OFFICIAL', 'PROBATIONARY')
				""").param("branch", branch).query(Long.class).single();
		assertThat(rows).hasSize(roster.intValue());
		var first = rows.get(0).memberId();
		var second = rows.get(1).memberId();
		attendance.record(secretary, id, first, AttendanceStatus.PRESENT, "ignored");
		assertThatThrownBy(() -> attendance.record(secretary, id, second, AttendanceStatus.ABSENT_EXCUSED, " "))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("reason");
				assertThat(ex.arguments()).containsExactly(rows.get(1).fullName());
			});
		attendance.record(secretary, id, second, AttendanceStatus.ABSENT_EXCUSED, "Đi công tác");
		assertThat(row(id, first).reason()).isNull();
		assertThat(row(id, first).method()).isEqualTo("ROLL_CALL");
		assertThat(row(id, second).reason()).isEqualTo("Đi công tác");
		var counts = AttendanceCounts.of(queries.attendance(secretary, id));
		assertThat(counts.attended()).isEqualTo(1);
		assertThat(counts.absentExcused()).isEqualTo(1);
		assertThat(counts.unrecorded()).isEqualTo(counts.expected() - 2);
		// The page posts one row at a time and names the row in its errors.
		assertThat(mvc.post()
			.uri("/meetings/{id}/attendance/{m}", id, second)
			.with(user(secretary))
			.with(csrf())
			.param("status", "ABSENT_UNEXCUSED")).hasStatus3xxRedirection();
		assertThat(row(id, second).status()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
		assertThat(row(id, second).reason()).isNull();
		// Only the branch's own secretary takes it; members only read it.
		assertThatThrownBy(() -> attendance.record(otherSecretary, id, first, AttendanceStatus.LATE, null))
			.isInstanceOf(NotFoundException.class);
		assertThat(mvc.post()
			.uri("/meetings/{id}/attendance/{m}", id, first)
			.with(user(member))
			.with(csrf())
			.param("status", "ABSENT_UNEXCUSED")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/meetings/{id}/attendance", id).with(user(member))).hasStatusOk()
			.bodyText()
			.contains(rows.get(1).fullName())
			.doesNotContain("roll-form");
		assertThat(mvc.get().uri("/meetings/{id}/attendance", id).with(user(otherMember)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void membersCheckInOnceWithTheQrCodeShownAtTheMeeting() throws Exception {
		var today = LocalDate.now(clock);
		var id = meeting(MeetingKind.REGULAR, today);
		// No roster, no code: "show the QR code" takes the roster first.
		assertThat(mvc.get().uri("/meetings/{id}/check-in-code.png", id).with(user(secretary)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/meetings/{id}/check-in-code", id).with(user(secretary)).with(csrf()))
			.hasRedirectedUrl("/meetings/" + id + "/check-in-code");
		var png = mvc.get().uri("/meetings/{id}/check-in-code.png", id).with(user(secretary)).exchange();
		assertThat(png.getResponse().getStatus()).isEqualTo(200);
		assertThat(png.getResponse().getHeader("Cache-Control")).contains("no-store");
		var url = TestImages.qrText(png.getResponse().getContentAsByteArray());
		assertThat(URI.create(url).getPath()).isEqualTo("/check-in");
		var token = UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst("t");

		assertThat(mvc.get().uri("/check-in?t={t}", token).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("check-in-button");
		assertThat(mvc.post().uri("/check-in").with(user(member)).with(csrf()).param("t", token)).hasStatusOk()
			.bodyText()
			.contains("check-in-done")
			.contains("Chi bộ");
		var mine = row(id, member.memberId());
		assertThat(mine.status()).isEqualTo(AttendanceStatus.PRESENT);
		assertThat(mine.selfCheckedIn()).isTrue();
		// Once: the second scan says when the first was.
		assertThatThrownBy(() -> checkIns.checkIn(member, token)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("checkIn.already"));
		assertThat(jdbc.sql("select count(*) from meeting_attendance where meeting_id = :id and member_id = :m")
			.param("id", id)
			.param("m", member.memberId())
			.query(Long.class)
			.single()).isOne();
		// Expired, tampered and foreign codes are refused with their own message.
		var expired = tokens.issue(CheckInTokens.Purpose.MEETING, member.committeeId(), id,
				clock.instant().minusSeconds(1));
		assertThat(mvc.post().uri("/check-in").with(user(secretary)).with(csrf()).param("t", expired)).hasStatusOk()
			.bodyText()
			.contains("check-in-error")
			.contains("hết hạn");
		var tampered = token.replaceFirst("\\." + id + "\\.", "." + (id + 1) + ".");
		assertThatThrownBy(() -> checkIns.checkIn(secretary, tampered)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("checkIn.token.invalid"));
		assertThatThrownBy(() -> checkIns.checkIn(otherMember, token))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("checkIn.notOnRoster");
				assertThat(ex.arguments()).containsExactly(queries.meeting(secretary, id).branchName());
			});
		assertThatThrownBy(() -> checkIns.checkIn(admin, token)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("checkIn.notMember"));
		// The secretary's own check-in with a late start is recorded late.
		jdbc.sql("update meeting set starts_at = :t where id = :id")
			.param("t", LocalTime.now(clock).minusMinutes(30))
			.param("id", id)
			.update();
		if (LocalTime.now(clock).isAfter(LocalTime.of(0, 31))) {
			assertThat(checkIns.checkIn(secretary, token).status()).isEqualTo(AttendanceStatus.LATE);
		}
		// No QR code for a meeting on another day, nor for members.
		var later = meeting(MeetingKind.EXTRAORDINARY, today.plusDays(2));
		assertThatThrownBy(() -> checkIns.checkInToken(secretary, later)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("checkIn.notToday"));
		assertThat(mvc.get().uri("/meetings/{id}/check-in-code.png", id).with(user(member)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void absencesRaiseWarningsForTheMemberAndTheBranch() {
		var ids = new long[4];
		for (var i = 0; i < 4; i++) {
			ids[i] = meeting(MeetingKind.REGULAR, LocalDate.of(2037, i + 1, 25));
			attendance.snapshot(secretary, ids[i]);
			attendance.record(secretary, ids[i], member.memberId(), AttendanceStatus.ABSENT_EXCUSED, "Ốm");
		}
		var unexcused = new long[3];
		for (var i = 0; i < 3; i++) {
			unexcused[i] = meeting(MeetingKind.REGULAR, LocalDate.of(2037, i + 6, 25));
			attendance.snapshot(secretary, unexcused[i]);
			attendance.record(secretary, unexcused[i], member.memberId(), AttendanceStatus.ABSENT_UNEXCUSED, null);
		}
		var warnings = attendanceWarnings.ofMember(secretary, 2037, member.memberId());
		assertThat(warnings).extracting(AttendanceWarning::kind)
			.containsExactly(AttendanceWarning.Kind.CONSECUTIVE_EXCUSED, AttendanceWarning.Kind.ABSENT_UNEXCUSED,
					AttendanceWarning.Kind.ABSENT_UNEXCUSED, AttendanceWarning.Kind.ABSENT_UNEXCUSED,
					AttendanceWarning.Kind.CHARTER_THREE_MONTHS);
		assertThat(warnings.getFirst().meetingId()).isEqualTo(ids[2]);
		assertThat(warnings.getLast().count()).isEqualTo(3);
		// The member sees their own history; another member does not; the branch page
		// lists the warnings for the secretary.
		assertThat(mvc.get().uri("/meetings/attendance/mine?year=2037").with(user(member)))
			.hasRedirectedUrl("/meetings/attendance/members/" + member.memberId() + "?year=2037");
		assertThat(mvc.get().uri("/meetings/attendance/members/{m}?year=2037", member.memberId()).with(user(member)))
			.hasStatusOk()
			.bodyText()
			.contains("Điều 8")
			.contains("Ốm");
		var other = colleague;
		assertThat(mvc.get().uri("/meetings/attendance/members/{m}?year=2037", other).with(user(member)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/meetings/attendance/members/{m}?year=2037", member.memberId())
			.with(user(otherSecretary))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/meetings?year=2037&branchId={b}", branch).with(user(secretary))).hasStatusOk()
			.bodyText()
			.contains("attendance-warnings")
			.contains("3 lần liên tiếp");
		assertThat(mvc.get().uri("/meetings?year=2037&branchId={b}", branch).with(user(member))).hasStatusOk()
			.bodyText()
			.doesNotContain("attendance-warnings");
	}

	@Test
	void theApiPlansTakesAttendanceAndChecksInUnderTheSameRules() throws Exception {
		var today = LocalDate.now(clock);
		var created = mvc.post()
			.uri("/api/v1/meetings")
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("""
					{"branchId": %d, "kind": "REGULAR", "scheduledOn": "%s", "place": "Phòng họp"}
					""".formatted(branch, today))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.agenda").asArray().hasSize(7);
		var id = Long.parseLong(created.getResponse().getHeader("Location").replaceAll(".*/", ""));
		var code = mvc.post()
			.uri("/api/v1/meetings/{id}/check-in-code", id)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.exchange();
		assertThat(code).hasStatusOk();
		var token = JsonPath.read(code.getResponse().getContentAsString(), "$.token").toString();
		assertThat(mvc.post()
			.uri("/api/v1/meetings/{id}/check-in-code", id)
			.with(httpBasic(memberLogin, DemoUsers.PASSWORD))).hasStatus(HttpStatus.FORBIDDEN);
		var checkIn = "{\"token\": \"" + token + "\"}";
		assertThat(mvc.post()
			.uri("/api/v1/meetings/check-in")
			.with(httpBasic(memberLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content(checkIn)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("PRESENT");
		assertThat(mvc.post()
			.uri("/api/v1/meetings/check-in")
			.with(httpBasic(memberLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content(checkIn)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("checkIn.already");
		assertThat(mvc.post()
			.uri("/api/v1/meetings/check-in")
			.with(httpBasic(otherMemberLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content(checkIn)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("checkIn.notOnRoster");
		var other = colleague;
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/attendance/{m}", id, other)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"status\": \"ABSENT_EXCUSED\"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("reason");
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/attendance/{m}", id, other)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"status\": \"ABSENT_EXCUSED\", \"reason\": \"Nghỉ phép\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.counts.attended")
			.isEqualTo(1);
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/attendance/{m}", id, other)
			.with(httpBasic(memberLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"status\": \"PRESENT\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get()
			.uri("/api/v1/meetings/{id}/attendance", id)
			.with(httpBasic(otherSecretaryLogin, DemoUsers.PASSWORD))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/api/v1/meetings?year={y}&branchId={b}", today.getYear(), branch)
			.with(httpBasic(memberLogin, DemoUsers.PASSWORD))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.contains((int) id);
		assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic(adminLogin, DemoUsers.PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("/api/v1/meetings/check-in");
	}

}
