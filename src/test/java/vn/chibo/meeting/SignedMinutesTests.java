package vn.chibo.meeting;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.Gender;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberService;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.attendance.AttendanceRow;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.minutes.MinutesEntries;
import vn.chibo.meeting.minutes.MinutesDocument;
import vn.chibo.meeting.minutes.MinutesExport;
import vn.chibo.meeting.minutes.MinutesFollowUp;
import vn.chibo.meeting.minutes.MinutesForm;

/**
 * Signed means final: everything the minutes show — attendance, roster, guests, agenda as
 * well as the text — holds after the chair and the minute-taker have signed, through the
 * pages, htmx and the API; only amendments change the text, and follow-up (task status,
 * answers to proposals) goes on. Each test on a branch of a committee of its own.
 */
@ChiboTest
class SignedMinutesTests {

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingMinutes minutes;

	@Autowired
	MinutesEntries entries;

	@Autowired
	MinutesFollowUp followUp;

	@Autowired
	MinutesQueries queries;

	@Autowired
	MeetingQueries meetingQueries;

	@Autowired
	MinutesExport export;

	@Autowired
	MemberService members;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/** The branch of a committee of the test's own ({@link Fixtures}). */
	private long branch;

	/** The branch's secretary, who chairs the meetings. */
	private CurrentUser secretary;

	/** The secretary's account, for the API's HTTP Basic sign-in. */
	private String secretaryLogin;

	/** A member of the branch, who takes the minutes. */
	private CurrentUser member;

	private CurrentUser office;

	@BeforeEach
	void aBranchOfItsOwn() {
		var committee = fixtures.committee();
		branch = committee.branch(1);
		var chair = fixtures.member(committee, branch, "Nguyễn Văn Chủ", TheoryLevel.INTERMEDIATE);
		var taker = fixtures.member(committee, branch, "Lê Thị Ghi", TheoryLevel.ELEMENTARY);
		for (var name : List.of("Trần Văn An", "Phạm Thị Bình", "Hoàng Văn Cường")) {
			fixtures.member(committee, branch, name, TheoryLevel.ELEMENTARY);
		}
		secretary = committee.secretary(1, chair);
		secretaryLogin = fixtures.account(secretary);
		member = committee.memberLogin(1, taker);
		office = committee.office();
	}

	private long meeting(LocalDate on) {
		var form = new MeetingForm();
		form.setBranchId(branch);
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(on);
		var id = meetings.schedule(secretary, form);
		attendance.snapshot(secretary, id);
		return id;
	}

	private void everyonePresent(long id) {
		for (var row : meetingQueries.attendance(secretary, id)) {
			attendance.record(secretary, id, row.memberId(), AttendanceStatus.PRESENT, null);
		}
	}

	private MinutesForm record(int version) {
		var form = new MinutesForm();
		form.setVersion(version);
		form.setStartTime(LocalTime.of(14, 0));
		form.setEndTime(LocalTime.of(15, 45));
		form.setChairMemberId(secretary.memberId());
		form.setMinuteTakerMemberId(member.memberId());
		form.setConclusions("Chi bộ hoàn thành nhiệm vụ tháng.");
		return form;
	}

	private void signByBoth(long id) {
		minutes.sign(secretary, id);
		minutes.sign(member, id);
	}

	/**
	 * A member of the branch admitted long before, added now (as a transfer in would be).
	 */
	private long lateAddition(String name, String card) {
		return members.create(office,
				new MemberForm(name, Gender.MALE, LocalDate.of(1985, 5, 6), "Hà Tĩnh", null, "Kinh", null, null, null,
						null, null, null, null, TheoryLevel.ELEMENTARY, card, null, LocalDate.of(2010, 1, 10),
						LocalDate.of(2011, 1, 10), branch, null, null));
	}

	@Test
	void signedMinutesKeepTheirAttendanceGuestsAgendaAndRosterOnEveryPath() throws Exception {
		var id = meeting(LocalDate.of(2043, 1, 24));
		everyonePresent(id);
		var guest = attendance.addGuest(secretary, id, "Trần Văn Khách", "Đảng ủy viên");
		var task = entries.addTask(secretary, id, member.memberId(), "Báo cáo tình hình thu",
				LocalDate.of(2043, 2, 20));
		var proposal = entries.addProposal(secretary, id, "Nguyễn Văn Đề", "Bổ sung máy tính cho tổ nghiệp vụ");
		minutes.save(secretary, id, record(0));
		signByBoth(id);
		var roster = meetingQueries.attendance(secretary, id);
		var printed = export.document(secretary, id).text();
		var agenda = meetingQueries.agenda(secretary, id);
		var counts = AttendanceCounts.of(roster);
		assertThat(counts.attended()).isEqualTo(counts.expected()).isPositive();
		assertThat(printed).contains("Có mặt " + counts.attended() + "/" + counts.expected() + " ");

		// A member added later with an earlier admission date, then every path that
		// writes a part of the minutes.
		lateAddition("Hồ Văn Muộn", "SM-430001");
		var first = roster.getFirst().memberId();
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/attendance/{m}", id, first)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\": \"ABSENT_UNEXCUSED\"}")).hasStatus(422).bodyText().contains("Biên bản đã ký");
		assertThat(mvc.post()
			.uri("/meetings/{id}/attendance/{m}", id, first)
			.with(user(secretary))
			.with(csrf())
			.header("HX-Request", "true")
			.param("status", "ABSENT_UNEXCUSED")).hasStatus3xxRedirection();
		assertThat(mvc.post()
			.uri("/meetings/{id}/guests", id)
			.with(user(secretary))
			.with(csrf())
			.param("guestName", "Người Thêm Sau")).hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/meetings/{id}/guests/{g}/delete", id, guest).with(user(secretary)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(mvc.post()
			.uri("/meetings/{id}/agenda", id)
			.with(user(secretary))
			.with(csrf())
			.param("agenda", "Một mục khác")).hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/meetings/{id}/attendance/snapshot", id).with(user(secretary)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThatThrownBy(() -> attendance.rebuildRoster(secretary, id)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("minutes.locked.roster"));
		assertThatThrownBy(() -> meetings.resetAgenda(secretary, id)).isInstanceOf(BusinessRuleException.class);

		assertThat(meetingQueries.attendance(secretary, id)).isEqualTo(roster);
		assertThat(meetingQueries.guests(secretary, id)).extracting(MeetingQueries.Guest::name)
			.containsExactly("Trần Văn Khách");
		assertThat(meetingQueries.agenda(secretary, id)).isEqualTo(agenda);
		assertThat(export.document(secretary, id).text()).isEqualTo(printed);
		var page = mvc.get().uri("/meetings/{id}/minutes", id).with(user(secretary)).exchange();
		assertThat(page).bodyText()
			.contains("Đã ký, đã khóa")
			.contains("nội dung hiện tại đúng như bản đã ký")
			.doesNotContain("Chủ trì đã ký, thư ký chưa ký");
		assertThat(mvc.get().uri("/meetings/{id}/attendance", id).with(user(secretary))).bodyText()
			.contains("chỉ sửa bằng đính chính")
			.contains("Đính chính điểm danh")
			.doesNotContain("roll-form");

		// Follow-up goes on: the task's status and the committee's answer.
		followUp.setTaskStatus(member, task, TaskStatus.DONE, null);
		followUp.answerProposal(office, proposal, "Đã bố trí trong quý I.");
		assertThat(queries.tasksAssigned(secretary, meetingQueries.meeting(secretary, id)))
			.extracting(MinutesView.Task::status)
			.containsExactly(TaskStatus.DONE);

		// An amendment changes the text, is printed in an annex, and the page says the
		// signed copy is no longer what it shows.
		var amendment = record(queries.minutes(secretary, id).orElseThrow().version());
		amendment.setConclusions("Chi bộ hoàn thành tốt nhiệm vụ tháng.");
		amendment.setAmendmentReason("Ghi thiếu chữ trong kết luận");
		minutes.save(secretary, id, amendment);
		var amended = export.document(secretary, id);
		assertThat(amended.annex()).extracting(MinutesDocument.Line::text)
			.anySatisfy((line) -> assertThat(line).contains("Ghi thiếu chữ trong kết luận"))
			.anySatisfy((line) -> assertThat(line).contains("Kết luận của chủ trì")
				.contains("Chi bộ hoàn thành tốt nhiệm vụ tháng."));
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(secretary))).bodyText()
			.contains("khác bản đã ký do 1 lần đính chính");
		// A correction of the roll call is an amendment too, with its reason, in the
		// annex.
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/attendance/{m}", id, first)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\": \"LATE\", \"amendmentReason\": \"Đồng chí đến muộn 20 phút, ghi nhầm\"}"))
			.hasStatusOk();
		assertThat(meetingQueries.attendance(secretary, id).getFirst().status()).isEqualTo(AttendanceStatus.LATE);
		assertThat(export.document(secretary, id).annex()).extracting(MinutesDocument.Line::text)
			.anySatisfy((line) -> assertThat(line).contains("Đồng chí đến muộn 20 phút, ghi nhầm"))
			.anySatisfy((line) -> assertThat(line).contains("Điểm danh").contains("Có mặt").contains("Đến muộn"));
		// A guest forgotten in the record, added as an amendment.
		assertThat(mvc.post()
			.uri("/meetings/{id}/guests", id)
			.with(user(secretary))
			.with(csrf())
			.param("guestName", "Phan Văn Bổ Sung")
			.param("amendmentReason", "Bỏ sót đại biểu dự")).hasStatus3xxRedirection();
		assertThat(meetingQueries.guests(secretary, id)).extracting(MeetingQueries.Guest::name)
			.containsExactly("Trần Văn Khách", "Phan Văn Bổ Sung");
		assertThat(export.document(secretary, id).annex()).extracting(MinutesDocument.Line::text)
			.anySatisfy((line) -> assertThat(line).contains("Đại biểu").contains("Phan Văn Bổ Sung"));
		// The agenda as it was followed, amended with its reason; the meeting page offers
		// only the amendment.
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(secretary))).bodyText()
			.contains("Đính chính chương trình")
			.contains("agenda-amend-why");
		assertThat(mvc.post()
			.uri("/meetings/{id}/agenda", id)
			.with(user(secretary))
			.with(csrf())
			.param("agenda", String.join("\n", agenda) + "\nKết nạp đảng viên mới")
			.param("amendmentReason", "Chương trình ghi thiếu mục kết nạp đã làm tại buổi sinh hoạt"))
			.hasStatus3xxRedirection();
		assertThat(meetingQueries.agenda(secretary, id)).hasSize(agenda.size() + 1).endsWith("Kết nạp đảng viên mới");
		assertThat(export.document(secretary, id).annex()).extracting(MinutesDocument.Line::text)
			.anySatisfy((line) -> assertThat(line).contains("Chương trình ghi thiếu mục kết nạp"))
			.anySatisfy(
					(line) -> assertThat(line).contains("Chương trình sinh hoạt").contains("Kết nạp đảng viên mới"));
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(secretary))).bodyText()
			.contains("khác bản đã ký do 4 lần đính chính");
		var docx = mvc.get().uri("/meetings/{id}/minutes.docx", id).with(user(secretary)).exchange();
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()))) {
			assertThat(word.getParagraphs()).extracting((p) -> p.getText()).contains("PHỤ LỤC: ĐÍNH CHÍNH SAU KHI KÝ");
		}
	}

	@Test
	void theRosterIsTakenOnceAndTakenAgainOnlyOnPurpose() {
		var id = meeting(LocalDate.of(2043, 2, 24));
		var size = meetingQueries.attendance(secretary, id).size();
		var late = lateAddition("Hồ Văn Sau", "SM-430002");
		// The API's roll call takes the snapshot only when there is none.
		var first = meetingQueries.attendance(secretary, id).getFirst().memberId();
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/attendance/{m}", id, first)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\": \"PRESENT\"}")).hasStatusOk();
		assertThat(meetingQueries.attendance(secretary, id)).hasSize(size);
		attendance.snapshot(secretary, id);
		assertThat(meetingQueries.attendance(secretary, id)).hasSize(size);
		// Taking it again is explicit, and audited.
		assertThat(attendance.rebuildRoster(secretary, id)).containsExactly(1, 0);
		assertThat(meetingQueries.attendance(secretary, id)).hasSize(size + 1)
			.extracting(AttendanceRow::memberId)
			.contains(late);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where entity_type = 'meeting' and entity_id = :id
				and action = 'rebuildRoster'
				""").param("id", id).query(Integer.class).single()).isOne();
		// Opening the roll call page writes nothing.
		var other = meetings.schedule(secretary, formOn(LocalDate.of(2043, 3, 24)));
		assertThat(mvc.get().uri("/meetings/{id}/attendance", other).with(user(secretary))).bodyText()
			.contains("Bắt đầu điểm danh");
		assertThat(mvc.get().uri("/meetings/{id}/minutes", other).with(user(secretary))).hasStatusOk();
		assertThat(meetingQueries.attendance(secretary, other)).isEmpty();
		assertThat(mvc.post().uri("/meetings/{id}/attendance/start", other).with(user(secretary)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(meetingQueries.attendance(secretary, other)).hasSize(size + 1);
	}

	private MeetingForm formOn(LocalDate on) {
		var form = new MeetingForm();
		form.setBranchId(branch);
		form.setKind(MeetingKind.EXTRAORDINARY);
		form.setScheduledOn(on);
		return form;
	}

	@Test
	void oneSignatureIsShownAsSuchAndAChangeOfAttendanceVoidsIt() {
		var id = meeting(LocalDate.of(2043, 4, 24));
		everyonePresent(id);
		minutes.save(secretary, id, record(0));
		minutes.sign(secretary, id);
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(secretary))).bodyText()
			.contains("Chủ trì đã ký, thư ký chưa ký")
			.doesNotContain(">Chưa ký<");
		var first = meetingQueries.attendance(secretary, id).getFirst().memberId();
		attendance.record(secretary, id, first, AttendanceStatus.LATE, null);
		assertThat(queries.minutes(secretary, id).orElseThrow().signedByAnyone()).isFalse();
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(secretary))).bodyText().contains(">Chưa ký<");
	}

	@Test
	void signingListsWhatIsMissingAndThePrintoutTellsUnreviewedTargetsApart() {
		var previous = meeting(LocalDate.of(2043, 6, 24));
		entries.addTarget(secretary, previous, "Thu ngân sách đạt 100% kế hoạch tháng");
		entries.addTarget(secretary, previous, "Không có vụ việc vi phạm");
		var id = meeting(LocalDate.of(2043, 7, 24));
		minutes.save(secretary, id, record(0));
		var targets = queries.targets(secretary, previous);
		entries.reviewTarget(secretary, id, targets.getFirst().id(), false, "đạt 93%");
		assertThat(minutes.missing(secretary, id)).extracting(Flash.Message::key)
			.containsExactly("minutes.missing.rollCall", "minutes.missing.targets");
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(secretary))).bodyText()
			.contains("còn 1 chỉ tiêu chưa đánh giá")
			.doesNotContain("id=\"sign-minutes\"");
		assertThatThrownBy(() -> minutes.sign(secretary, id)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("minutes.sign.incomplete"));
		assertThat(export.document(secretary, id).text()).contains("Thu ngân sách đạt 100% kế hoạch tháng: chưa đạt")
			.contains("Không có vụ việc vi phạm: chưa được đánh giá.")
			.doesNotContain("Không có vụ việc vi phạm: chưa đạt");
		everyonePresent(id);
		entries.reviewTarget(secretary, id, targets.getLast().id(), true, null);
		assertThat(minutes.missing(secretary, id)).isEmpty();
		signByBoth(id);
		assertThat(queries.seal(secretary, id)).get()
			.satisfies((seal) -> assertThat(seal.hash()).isEqualTo(MinutesExport.seal(export.document(secretary, id))));
	}

}
