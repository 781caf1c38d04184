package vn.chibo.browser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.PrintedPages;
import vn.chibo.TestDocuments;
import vn.chibo.TestImages;
import vn.chibo.meeting.DocumentKind;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.preparation.MeetingDocuments;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.minutes.MinutesEntries;
import vn.chibo.meeting.MeetingService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's month on a phone (360 px), as its people do it, with axe-core clean on
 * every page they see: the member finds the next meeting, checks in, reads a document and
 * reports a task done; the secretary plans, prepares, prints the notice, calls the roll
 * with "everyone present" and two exceptions, writes and signs the minutes and finds the
 * meeting's score; the office reads its warnings, the members, the quality, the plans,
 * the year report and the audit trail. Their screens are the help guide's pictures
 * ({@link Browser#helpPicture}).
 */
@ChiboTest
class MonthWalkBrowserTests extends BrowserTestSupport {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingDocuments documents;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingMinutes minutes;

	@Autowired
	MinutesEntries entries;

	/** The screen is whole and accessible, and the help guide shows it. */
	private static void step(Page page, String picture) {
		page.waitForLoadState();
		assertAccessible(page);
		if (picture != null) {
			// The guide shows the screen as it opens, from its top.
			page.evaluate("window.scrollTo(0, 0)");
			Browser.helpPicture(page, picture);
		}
	}

	@Test
	void aMemberFindsTheNextMeetingChecksInReadsADocumentAndReportsATaskDone() throws Exception {
		// The branch's secretary has prepared today's meeting: a draft shared, a task
		// given.
		var secretary = demo.user("bithu.cb04");
		var memberId = demo.user("dangvien.cb04").memberId();
		var today = LocalDate.now(ZONE);
		var form = new MeetingForm();
		form.setBranchId(demo.branchId("CB04"));
		form.setKind(MeetingKind.EXTRAORDINARY);
		form.setScheduledOn(today);
		form.setStartsAt(LocalTime.now(ZONE).withSecond(0).withNano(0));
		form.setPlace("Phòng họp số 4, tầng 2");
		var meetingId = meetings.schedule(secretary, form);
		documents.upload(secretary, meetingId, DocumentKind.DRAFT_RESOLUTION, "Dự thảo nghị quyết tháng.docx",
				TestDocuments.docx("Chi bộ thống nhất đẩy mạnh chuyển đổi số trong công tác đảng viên."));
		documents.share(secretary, meetingId);
		attendance.snapshot(secretary, meetingId);
		entries.addTask(secretary, meetingId, memberId, "Nộp bản tự kiểm điểm trước ngày 20", today.plusDays(10));

		// 1. The start page: the next meeting, its document, the task.
		var member = login("dangvien.cb04", 360, 740);
		assertThat(member.locator("#home-next-meeting")).containsText("Phòng họp số 4, tầng 2");
		assertThat(member.locator("#next-documents")).containsText("Dự thảo nghị quyết tháng.docx");
		assertThat(member.locator("#my-open-tasks")).containsText("Nộp bản tự kiểm điểm trước ngày 20");
		step(member, "member-1");

		// 2. Check-in with the QR code the secretary shows.
		var screen = login("bithu.cb04", 360, 740);
		screen.navigate(url("/meetings/" + meetingId + "/attendance"));
		screen.locator("#show-qr").click();
		screen.waitForFunction("() => document.getElementById('qr-image').naturalWidth > 0");
		var png = screen.request().get(screen.locator("#qr-image").evaluate("img => img.src").toString());
		var checkIn = TestImages.qrText(png.body());
		screen.context().close();
		member.navigate(checkIn);
		assertThat(member.locator("main")).containsText("Chi bộ");
		step(member, "member-2");
		member.locator("#check-in-button").click();
		assertThat(member.locator("#check-in-done")).containsText("Đã điểm danh có mặt");
		step(member, null);

		// 3. The document read on the phone.
		member.navigate(url("/"));
		member.locator("#next-documents a.document-read").first().click();
		assertThat(member.locator("#document-text")).containsText("chuyển đổi số trong công tác đảng viên");
		step(member, "member-3");

		// 4. The task reported done.
		member.navigate(url("/meetings/tasks/mine"));
		var task = member.locator("#my-tasks > li",
				new Page.LocatorOptions().setHasText("Nộp bản tự kiểm điểm trước ngày 20"));
		task.locator("button[type=submit]").click();
		assertThat(member.locator("#my-tasks > li",
				new Page.LocatorOptions().setHasText("Nộp bản tự kiểm điểm trước ngày 20")))
			.containsText("Đã xong");
		step(member, "member-4");

		// 5. The member's own record, with this year's attendance.
		member.navigate(url("/members/" + memberId));
		assertThat(member.locator("h1")).isVisible();
		step(member, "member-5");
		member.navigate(url("/help"));
		assertThat(member.locator("#help-member img.help-picture")).hasCount(5);
		step(member, null);
		member.context().close();
	}

	@Test
	void aSecretaryPlansPreparesCallsTheRollWritesAndSignsTheMinutes() throws Exception {
		var today = LocalDate.now(ZONE);
		var page = login("bithu.cb07", 360, 740);
		// 6. The branch's start page says what is due.
		assertThat(page.locator("#home-branch")).isVisible();
		step(page, "secretary-6");

		// 1. The year's plan of the branch.
		page.navigate(url("/meetings?branchId=" + demo.branchId("CB07")));
		assertThat(page.locator("#meeting-list")).isVisible();
		step(page, "secretary-1");

		// 2. A meeting prepared: a step marked, a draft attached and shared, the notice
		// printed.
		page.navigate(url("/meetings/new?branchId=" + demo.branchId("CB07")));
		page.locator("#kind").selectOption("REGULAR");
		page.locator("#scheduledOn").fill(today.format(DATE));
		page.locator("#startsAt").fill(LocalTime.now(ZONE).format(DateTimeFormatter.ofPattern("HH:mm")));
		page.locator("#place").fill("Phòng họp số 7, tầng 1");
		page.locator("#meeting-form button[type=submit]").click();
		page.locator("#meeting-list tr", new Page.LocatorOptions().setHasText(today.format(DATE)))
			.last()
			.locator("a")
			.first()
			.click();
		var meetingId = Long.parseLong(page.url().replaceAll("^.*/meetings/(\\d+).*$", "$1"));
		page.locator("#preparation summary").first().click();
		page.locator("#note-EXECUTIVE_MEETING").fill("Chi ủy họp sáng nay");
		page.locator("#preparation button[type=submit]").first().click();
		assertThat(page.locator("#preparation li").first()).containsText("bithu.cb07");
		page.locator("#document-file")
			.setInputFiles(new FilePayload("Dự thảo nghị quyết.docx",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					TestDocuments.docx("Chi bộ tập trung hoàn thành chỉ tiêu quý IV.")));
		page.locator("#attach-form button[type=submit]").click();
		assertThat(page.locator("#document-list")).containsText("Dự thảo nghị quyết.docx");
		page.locator("#share-documents").click();
		step(page, "secretary-2");
		var notice = page.request().get(url("/meetings/" + meetingId + "/notice.pdf"));
		assertThat(notice.status()).isEqualTo(200);
		assertThat(PrintedPages.read(notice.body()).find("THÔNG BÁO").page()).isEqualTo(1);

		// 3. The roll: everyone present, then two exceptions.
		page.locator("#open-attendance").click();
		if (page.locator("#start-attendance").count() > 0) {
			page.locator("#start-attendance").click();
		}
		page.locator("#everyone-present").click();
		assertThat(page.locator("#flash")).containsText("Đã ghi có mặt");
		var rows = page.locator("#roll > li");
		var excused = rows.nth(1);
		var excusedId = excused.getAttribute("id");
		excused.locator("input[name=reason]").fill("Đi học lớp trung cấp lý luận");
		excused.locator("label", new Locator.LocatorOptions().setHasText("Vắng có LD")).click();
		assertThat(page.locator("#" + excusedId)).containsText("Vắng có lý do — Đi học lớp trung cấp lý luận");
		var late = rows.nth(2);
		var lateId = late.getAttribute("id");
		late.locator("label", new Locator.LocatorOptions().setHasText("Muộn")).click();
		assertThat(page.locator("#" + lateId)).containsText("Đến muộn");
		assertThat(page.locator("#counts")).containsText("Vắng có lý do: 1");
		assertThat(page.locator("#counts")).containsText("chưa điểm danh: 0");
		step(page, "secretary-3");

		// 4. The minutes, signed by the chair.
		saveMinutes(page, meetingId, "bithu.cb07", "dangvien.cb07", "Quán triệt nhiệm vụ trọng tâm quý IV.",
				"Chi bộ thống nhất phân công nhiệm vụ cho từng đảng viên.", "Hoàn thành chỉ tiêu quý IV trước ngày 25.",
				8);
		reviewPreviousTargets(page);
		page.locator("#sign-minutes").click();
		assertThat(page.locator("#minutes-state")).containsText("Chủ trì đã ký, thư ký chưa ký");
		step(page, "secretary-4");

		// 5. The meeting's quality, scored from the record.
		page.navigate(url("/meetings/" + meetingId));
		page.locator("#open-evaluation").click();
		// The score is computed when the record changes, just after the signing: it
		// shows within seconds.
		for (var tries = 0; page.locator("section.score").count() == 0 && tries < 40; tries++) {
			page.waitForTimeout(250);
			page.reload();
		}
		assertThat(page.locator("section.score").first()).isVisible();
		step(page, "secretary-5");
		page.context().close();
	}

	@Test
	void theOfficeReadsItsWarningsPlansAndReports() {
		var page = login("vanphong", 360, 740);
		// 1. The committee's week and its warnings.
		assertThat(page.locator("#home-committee")).isVisible();
		step(page, "office-1");
		// 2. The members.
		page.navigate(url("/members"));
		assertThat(page.locator("main table, main ul").first()).isVisible();
		step(page, "office-2");
		// 3. The quality of the branches' meetings, and the warnings.
		page.navigate(url("/evaluation"));
		step(page, "office-3");
		page.navigate(url("/evaluation/warnings"));
		step(page, null);
		// 4. The plans: the meetings of the year and the inspection programme.
		page.navigate(url("/meetings"));
		step(page, null);
		page.navigate(url("/inspection"));
		step(page, "office-4");
		// 5. The year report, printed in the Party's layout.
		page.navigate(url("/reports/year"));
		step(page, "office-5");
		var lastYear = LocalDate.now(ZONE).getYear() - 1;
		var report = page.request().get(url("/reports/year/" + lastYear + ".pdf"));
		assertThat(report.status()).isEqualTo(200);
		assertThat(PrintedPages.read(report.body()).find("T/M ĐẢNG ỦY")).isNotNull();
		// 6. Who changed what.
		page.navigate(url("/audit"));
		step(page, "office-6");
		page.context().close();
	}

}
