package vn.chibo.meeting;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.minutes.MinutesEntries;
import vn.chibo.meeting.minutes.MinutesFollowUp;
import vn.chibo.meeting.minutes.MinutesForm;

/**
 * A meeting's minutes from the first save to the signatures, amendments, tasks and
 * proposals, through the pages and the API. Each test on a committee of its own.
 */
@ChiboTest
class MeetingMinutesTests {

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
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	private static final String TAKER_NAME = "Lê Thị Ghi";

	/**
	 * The first branch of a committee of the test's own ({@link Fixtures}), with twelve
	 * members.
	 */
	private long branch;

	/** The branch's secretary, who chairs its meetings. */
	private CurrentUser secretary;

	/** The member who takes the minutes. */
	private CurrentUser minuteTaker;

	/** The second branch's secretary and one of its members. */
	private CurrentUser otherSecretary;

	private CurrentUser otherMember;

	private CurrentUser committeeOffice;

	/**
	 * The accounts of the secretary, the minute-taker and the other member, for the API.
	 */
	private String secretaryLogin;

	private String takerLogin;

	private String otherMemberLogin;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var committee = fixtures.committee();
		branch = committee.branch(1);
		var chair = fixtures.member(committee, branch, "Nguyễn Văn Chủ", TheoryLevel.INTERMEDIATE);
		var taker = fixtures.member(committee, branch, TAKER_NAME, TheoryLevel.ELEMENTARY);
		for (var name : List.of("Trần Văn An", "Phạm Thị Bình", "Hoàng Văn Cường", "Võ Thị Dung", "Bùi Văn Đức",
				"Đặng Thị Hằng", "Ngô Văn Khoa", "Dương Thị Lan", "Lý Văn Minh", "Hồ Thị Nga")) {
			fixtures.member(committee, branch, name, TheoryLevel.ELEMENTARY);
		}
		var other = fixtures.member(committee, committee.branch(2), "Cao Văn Sơn", TheoryLevel.ELEMENTARY);
		var otherChair = fixtures.member(committee, committee.branch(2), "Đỗ Văn Khánh", TheoryLevel.ELEMENTARY);
		secretary = committee.secretary(1, chair);
		minuteTaker = committee.memberLogin(1, taker);
		otherSecretary = committee.secretary(2, otherChair);
		otherMember = committee.memberLogin(2, other);
		committeeOffice = committee.office();
		secretaryLogin = fixtures.account(secretary);
		takerLogin = fixtures.account(minuteTaker);
		otherMemberLogin = fixtures.account(otherMember);
	}

	/** A held regular meeting of the branch with everyone's attendance recorded. */
	private long heldMeeting(LocalDate on) {
		var form = new MeetingForm();
		form.setBranchId(branch);
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(on);
		var id = meetings.schedule(secretary, form);
		attendance.snapshot(secretary, id);
		for (var row : meetingQueries.attendance(secretary, id)) {
			attendance.record(secretary, id, row.memberId(), AttendanceStatus.PRESENT, null);
		}
		return id;
	}

	private MinutesForm record(int version) {
		var form = new MinutesForm();
		form.setVersion(version);
		form.setStartTime(LocalTime.of(14, 0));
		form.setEndTime(LocalTime.of(15, 45));
		form.setPlace("Phòng họp Chi cục");
		form.setChairMemberId(secretary.memberId());
		form.setMinuteTakerMemberId(minuteTaker.memberId());
		form.setInformation("Thông tin về Chỉ thị 50-CT/TW\r\n\r\nvà Hướng dẫn 42-HD/BTCTW  ");
		form.setConclusions("Chi bộ hoàn thành nhiệm vụ tháng.");
		form.setResolution("Tập trung hoàn thành chỉ tiêu thu ngân sách.");
		form.setVotesFor(10);
		form.setVotesAgainst(0);
		form.setVotesAbstain(0);
		return form;
	}

	@Test
	void minutesAreWrittenSignedByChairAndMinuteTakerThenChangedOnlyByAmendment() throws Exception {
		var taker = minuteTaker;
		var id = heldMeeting(LocalDate.of(2039, 1, 25));
		assertThat(minutes.save(secretary, id, record(0))).isOne();
		var saved = queries.minutes(secretary, id).orElseThrow();
		assertThat(saved.information()).isEqualTo("Thông tin về Chỉ thị 50-CT/TW\n\nvà Hướng dẫn 42-HD/BTCTW");
		assertThat(saved.durationMinutes()).isEqualTo(105);
		assertThat(meetingQueries.meeting(secretary, id).status()).isEqualTo(MeetingStatus.HELD);
		var speech = entries.addSpeech(secretary, id, taker.memberId(), null,
				"Đề nghị tăng cường kiểm tra sau thông quan.");
		assertThat(queries.speeches(secretary, id)).extracting(MinutesView.Speech::speakerName)
			.containsExactly(TAKER_NAME);
		entries.addSpeech(secretary, id, null, "Lê Văn Khách", "Ghi nhận kết quả của chi bộ.");
		assertThatThrownBy(() -> entries.addSpeech(secretary, id, null, " ", "x"))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("speaker"));

		// Neither a member nor another branch's secretary signs; incomplete minutes wait.
		assertThatThrownBy(() -> minutes.sign(otherSecretary, id)).isInstanceOf(NotFoundException.class);
		var incomplete = record(1);
		incomplete.setEndTime(null);
		minutes.save(secretary, id, incomplete);
		assertThatThrownBy(() -> minutes.sign(secretary, id)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("minutes.sign.incomplete"));
		minutes.save(secretary, id, record(2));
		minutes.sign(secretary, id);
		// A change after one signature voids it: both sign the same text.
		var changed = record(3);
		changed.setConclusions("Kết luận đã sửa.");
		minutes.save(secretary, id, changed);
		assertThat(queries.minutes(secretary, id).orElseThrow().chairSignedAt()).isNull();
		minutes.sign(secretary, id);
		assertThat(mvc.post().uri("/meetings/{id}/minutes/sign", id).with(user(taker)).with(csrf()))
			.hasStatus3xxRedirection();
		var signed = queries.minutes(secretary, id).orElseThrow();
		assertThat(signed.locked()).isTrue();
		assertThat(signed.takerSignedBy()).isEqualTo(takerLogin);

		// Locked: the parts are frozen, the record changes only with a reason.
		assertThatThrownBy(() -> entries.removeSpeech(secretary, id, speech)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("minutes.locked"));
		var amendment = record(signed.version());
		amendment.setConclusions("Kết luận đã sửa.");
		amendment.setVotesFor(9);
		assertThatThrownBy(() -> minutes.save(secretary, id, amendment)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("amendmentReason"));
		amendment.setAmendmentReason("Ghi nhầm số phiếu tán thành");
		minutes.save(secretary, id, amendment);
		var amended = queries.minutes(secretary, id).orElseThrow();
		assertThat(amended.locked()).isTrue();
		assertThat(amended.votesFor()).isEqualTo(9);
		assertThat(queries.amendments(secretary, id)).singleElement().satisfies((a) -> {
			assertThat(a.reason()).isEqualTo("Ghi nhầm số phiếu tán thành");
			assertThat(a.before()).contains("10");
			assertThat(a.after()).contains("9").doesNotContain("conclusions");
		});
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(minuteTaker))).hasStatusOk()
			.bodyText()
			.contains("Ghi nhầm số phiếu tán thành")
			.contains("Đề nghị tăng cường kiểm tra sau thông quan.")
			.doesNotContain("minutes-form");
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(otherMember))).hasStatus(HttpStatus.NOT_FOUND);

		// The Party's layout, in DOCX and PDF, with the names present.
		var present = TAKER_NAME;
		var docx = mvc.get().uri("/meetings/{id}/minutes.docx", id).with(user(taker)).exchange();
		assertThat(docx.getResponse().getStatus()).isEqualTo(200);
		assertThat(docx.getResponse().getHeader("Content-Disposition"))
			.contains("bien-ban-chi-bo-van-phong-2039-01-25.docx");
		String docxText;
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
				var extractor = new XWPFWordExtractor(word)) {
			docxText = extractor.getText();
		}
		var pdf = mvc.get().uri("/meetings/{id}/minutes.pdf", id).with(user(secretary)).exchange();
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		String pdfText;
		try (var document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			pdfText = new PDFTextStripper().getText(document);
		}
		for (var text : new String[] { docxText, pdfText }) {
			assertThat(text.replaceAll("\\s+", " ")).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ VĂN PHÒNG", "BIÊN BẢN",
					"sinh hoạt chi bộ thường kỳ tháng 01 năm 2039", "Hà Tĩnh, ngày 25 tháng 01 năm 2039",
					"II. Ý KIẾN THẢO LUẬN", "III. KẾT LUẬN CỦA CHỦ TRÌ", "THƯ KÝ", "CHỦ TRÌ", present,
					"Kết luận đã sửa.", "tán thành 9/");
		}
	}

	@Test
	void aSecondSaveFromAnOlderVersionIsRefusedAndKeepsItsText() {
		var id = heldMeeting(LocalDate.of(2039, 5, 25));
		minutes.save(secretary, id, record(0));
		var office = record(1);
		office.setPlace("Hội trường Cục");
		assertThat(minutes.save(committeeOffice, id, office)).isEqualTo(2);
		var stale = record(1);
		stale.setReview("Nội dung của người sửa thứ hai");
		assertThatThrownBy(() -> minutes.save(secretary, id, stale)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> {
					assertThat(ex.messageKey()).isEqualTo("minutes.conflict");
					assertThat(ex.arguments()).containsExactly(committeeOffice.username());
				});
		assertThat(mvc.post()
			.uri("/meetings/{id}/minutes", id)
			.with(user(secretary))
			.with(csrf())
			.param("version", "2")
			.param("review", "Nội dung của người sửa thứ hai")
			.param("startTime", "14:00")
			.param("endTime", "13:00")).hasStatusOk().bodyText().contains("Giờ kết thúc phải sau giờ bắt đầu");
		assertThat(mvc.post()
			.uri("/meetings/{id}/minutes", id)
			.with(user(secretary))
			.with(csrf())
			.param("version", "1")
			.param("review", "Nội dung của người sửa thứ hai")).hasStatusOk()
			.bodyText()
			.contains(committeeOffice.username())
			.contains("Nội dung của người sửa thứ hai");
		assertThat(queries.minutes(secretary, id).orElseThrow().review()).isNull();
		assertThat(
				mvc.post().uri("/meetings/{id}/minutes", id).with(user(minuteTaker)).with(csrf()).param("version", "2"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void targetsAreReviewedAndTasksCarryOverUntilVerified() {
		CurrentUser member = minuteTaker;
		var first = heldMeeting(LocalDate.of(2039, 8, 25));
		minutes.save(secretary, first, record(0));
		var t1 = entries.addTarget(secretary, first, "Thu ngân sách đạt 10% kế hoạch năm");
		entries.addTarget(secretary, first, "100% đảng viên học tập Nghị quyết");
		var task = entries.addTask(secretary, first, member.memberId(), "Báo cáo chuyên đề chống buôn lậu",
				LocalDate.of(2039, 9, 20));
		assertThatThrownBy(() -> entries.addTask(secretary, first, member.memberId(), "x", LocalDate.of(2039, 8, 1)))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("taskDue"));

		var second = heldMeeting(LocalDate.of(2039, 9, 25));
		var meeting = meetingQueries.meeting(secretary, second);
		assertThat(queries.previousRegular(secretary, meeting)).map(MeetingRow::id).contains(first);
		var previousTargets = queries.targets(secretary, first);
		entries.reviewTarget(secretary, second, t1, true, null);
		entries.reviewTarget(secretary, second, previousTargets.get(1).id(), false, "Hai đồng chí đi công tác");
		assertThat(queries.targets(secretary, first)).extracting(MinutesView.Target::met).containsExactly(true, false);
		// The branch's tasks still to review include this one (and any older ones still
		// open).
		assertThat(queries.tasksToReview(secretary, meeting)).filteredOn((t) -> t.meetingId() == first)
			.extracting(MinutesView.Task::id)
			.containsExactly(task);
		assertThat(queries.tasksToReview(secretary, meeting)
			.stream()
			.filter((t) -> t.id() == task)
			.findFirst()
			.orElseThrow()
			.overdue(LocalDate.of(2039, 9, 25))).isTrue();

		// The member marks it done; the secretary verifies it at the next meeting.
		assertThatThrownBy(() -> followUp.setTaskStatus(member, task, TaskStatus.VERIFIED, second))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(mvc.post()
			.uri("/meetings/tasks/{k}/status", task)
			.with(user(member))
			.with(csrf())
			.param("status", "DONE")).hasRedirectedUrl("/meetings/tasks/mine");
		assertThat(mvc.get().uri("/meetings/tasks/mine").with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Báo cáo chuyên đề chống buôn lậu");
		followUp.setTaskStatus(secretary, task, TaskStatus.VERIFIED, second);
		assertThat(queries.tasksToReview(secretary, meeting)).filteredOn((t) -> t.id() == task)
			.singleElement()
			.extracting(MinutesView.Task::status)
			.isEqualTo(TaskStatus.VERIFIED);
		var third = heldMeeting(LocalDate.of(2039, 10, 25));
		assertThat(queries.tasksToReview(secretary, meetingQueries.meeting(secretary, third)))
			.noneMatch((t) -> t.id() == task);
		assertThat(mvc.get().uri("/meetings/{id}/minutes", second).with(user(secretary))).hasStatusOk()
			.bodyText()
			.contains("Đạt 1/2 chỉ tiêu (50%)");
	}

	@Test
	void theApiWritesMinutesUnderTheSameRulesAndAnswersConflicts() {
		var id = heldMeeting(LocalDate.of(2040, 1, 25));
		var body = """
				{"version": %d, "startTime": "14:00", "endTime": "16:00", "conclusions": "Kết luận qua API",
				 "chairMemberId": %d, "minuteTakerMemberId": %d}
				""";
		var chair = secretary.memberId();
		var taker = minuteTaker.memberId();
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/minutes", id)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content(body.formatted(0, chair, taker))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.minutes.version")
			.isEqualTo(1);
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/minutes", id)
			.with(httpBasic(secretaryLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content(body.formatted(0, chair, taker).replace("qua API", "lần hai"))).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("minutes.conflict");
		assertThat(mvc.put()
			.uri("/api/v1/meetings/{id}/minutes", id)
			.with(httpBasic(takerLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content(body.formatted(1, chair, taker))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/meetings/{id}/minutes", id).with(httpBasic(takerLogin, DemoUsers.PASSWORD)))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.minutes.conclusions")
			.isEqualTo("Kết luận qua API");
		assertThat(mvc.get()
			.uri("/api/v1/meetings/{id}/minutes", id)
			.with(httpBasic(otherMemberLogin, DemoUsers.PASSWORD))).hasStatus(HttpStatus.NOT_FOUND);
		var task = entries.addTask(secretary, id, taker, "Việc giao qua API", LocalDate.of(2040, 2, 10));
		assertThat(mvc.put()
			.uri("/api/v1/meetings/tasks/{k}/status", task)
			.with(httpBasic(takerLogin, DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"status\": \"DONE\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.content == 'Việc giao qua API')].status")
			.asArray()
			.containsExactly("DONE");
	}

	@Test
	void proposalsGoToTheCommitteeAndTheBranchSeesTheAnswer() {
		var id = heldMeeting(LocalDate.of(2039, 11, 25));
		var proposal = entries.addProposal(secretary, id, "Nguyễn Văn Hải", "Đề nghị bổ sung máy soi container");
		assertThat(mvc.get().uri("/meetings/proposals").with(user(committeeOffice))).hasStatusOk()
			.bodyText()
			.contains("Đề nghị bổ sung máy soi container");
		assertThatThrownBy(() -> followUp.answerProposal(secretary, proposal, "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> followUp.answerProposal(committeeOffice, proposal, " "))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("answer"));
		assertThat(mvc.post()
			.uri("/meetings/proposals/{p}/answer", proposal)
			.with(user(committeeOffice))
			.with(csrf())
			.param("answer", "Đảng ủy đã đề xuất Cục bố trí trong quý I")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/meetings/{id}/minutes", id).with(user(minuteTaker))).hasStatusOk()
			.bodyText()
			.contains("Đảng ủy đã đề xuất Cục bố trí trong quý I");
	}

}
