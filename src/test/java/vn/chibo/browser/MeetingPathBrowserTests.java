package vn.chibo.browser;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageIO;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.TestImages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a branch meeting, as its people do it: the secretary plans it on a
 * phone, members check in with the QR code, the secretary calls the roll, writes the
 * minutes, chair and minute-taker sign, the minutes are exported, and the next meeting
 * finds the tasks and targets to review.
 */
@ChiboTest
class MeetingPathBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MeetingAttendance attendance;

	@Test
	void fromPlanToSignedMinutesAndTheNextMeetingsReview() throws Exception {
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		// A committee of its own: the secretary of its Chi bộ Nghiệp vụ and a member.
		var people = fixtures.people();
		var branch = people.otherBranch();
		var secretaryLogin = fixtures.account(people.otherSecretary());
		var memberLogin = fixtures.account(people.otherMember());
		var memberId = Objects.requireNonNull(people.otherMember().memberId());
		var secretary = login(secretaryLogin, 360, 740);
		var meetingId = schedule(secretary, branch, today, "REGULAR");
		// The notice: in chibo and by e-mail, and the step is recorded.
		var email = "cao-van-son-" + people.committee().id() + "@chibo.test";
		jdbc.sql("update member set email = :email where id = :id")
			.param("email", email)
			.param("id", memberId)
			.update();
		// The notice's text and its recipients are shown; sending asks first.
		assertThat(secretary.locator("#notice-preview")).containsText("Kính gửi đồng chí");
		Browser.screenshot(secretary, "phone-meeting-notice-preview");
		assertAccessible(secretary);
		secretary.onceDialog((dialog) -> dialog.accept());
		secretary.locator("#send-notice").click();
		assertThat(secretary.locator("#preparation li").nth(2)).containsText(secretaryLogin);
		assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
		assertThat(Arrays.stream(mail.getReceivedMessages()).anyMatch((m) -> {
			try {
				return m.getAllRecipients()[0].toString().equals(email)
						&& m.getSubject().startsWith("Thông báo sinh hoạt thường kỳ — Chi bộ Nghiệp vụ");
			}
			catch (MessagingException ex) {
				return false;
			}
		})).isTrue();

		// Check-in by QR code on the member's phone.
		secretary.locator("#open-attendance").click();
		secretary.locator("#show-qr").click();
		secretary.waitForFunction("() => document.getElementById('qr-image').naturalWidth > 0");
		var png = secretary.request().get(secretary.locator("#qr-image").evaluate("img => img.src").toString());
		var checkInUrl = TestImages.qrText(png.body());
		var member = login(memberLogin, 360, 740);
		member.navigate(checkInUrl);
		member.locator("#check-in-button").click();
		assertThat(member.locator("#check-in-done")).isVisible();
		var memberName = "Cao Văn Sơn";

		// Roll call for everyone else: one tap a member.
		secretary.navigate(url("/meetings/" + meetingId + "/attendance"));
		var rows = secretary.locator("#roll > li");
		for (var i = 0; i < rows.count(); i++) {
			var row = rows.nth(i);
			if (row.locator(".status").count() == 0) {
				row.locator("label", new Locator.LocatorOptions().setHasText("Có mặt")).click();
				assertThat(secretary.locator("#roll > li").nth(i).locator(".status")).isVisible();
			}
		}
		assertThat(secretary.locator("#counts")).containsText("chưa điểm danh: 0");

		// Minutes.
		saveMinutes(secretary, meetingId, Objects.requireNonNull(people.otherSecretary().memberId()), memberId,
				"Quán triệt Chỉ thị 50-CT/TW về sinh hoạt chi bộ.",
				"Chi bộ thống nhất các nhiệm vụ trọng tâm tháng tới.",
				"Hoàn thành rà soát hồ sơ tham mưu trước ngày 20.", 2);
		secretary.locator("#speakerId").selectOption(String.valueOf(memberId));
		secretary.locator("#speech-content").fill("Đề nghị chi bộ phân công rõ người theo dõi hồ sơ.");
		secretary.locator("#speech-form button[type=submit]").click();
		assertThat(secretary.locator("#speech-list")).containsText(memberName);
		secretary.locator("#target").fill("100% hồ sơ được rà soát");
		secretary.locator("#targets button[type=submit]").last().click();
		assertThat(secretary.locator("#target-list")).containsText("100% hồ sơ được rà soát");
		secretary.locator("#taskMember").selectOption(String.valueOf(memberId));
		secretary.locator("#taskContent").fill("Rà soát hồ sơ tham mưu quý IV");
		secretary.locator("#taskDue").fill(today.plusDays(20).format(DATE));
		secretary.locator("#task-form button[type=submit]").click();
		assertThat(secretary.locator("#task-list")).containsText("Rà soát hồ sơ tham mưu quý IV");
		// The branch's first meeting has no earlier targets to review before signing
		// (the next one, below, has).
		assertThat(secretary.locator("#previous-targets > li")).hasCount(0);
		secretary.locator("#sign-minutes").click();
		assertThat(secretary.locator("#signatures")).containsText("đã ký");
		assertThat(secretary.locator("#minutes-state")).containsText("Chủ trì đã ký, thư ký chưa ký");
		Browser.screenshot(secretary, "phone-meeting-minutes");

		member.navigate(url("/meetings/" + meetingId + "/minutes"));
		member.locator("#sign-minutes").click();
		assertThat(member.locator("#minutes-state")).containsText("Đã ký, đã khóa");
		assertThat(member.locator("#seal")).containsText("đúng như bản đã ký");
		Browser.screenshot(member, "phone-minutes-signed-sealed");
		assertAccessible(member);
		member.context().close();

		// The agenda of signed minutes is amended with its reason, not edited.
		secretary.navigate(url("/meetings/" + meetingId + "#agenda"));
		secretary.locator("#agenda summary").click();
		var agendaText = secretary.locator("#agenda-text");
		agendaText.fill(agendaText.inputValue() + "\nTrao Huy hiệu Đảng");
		secretary.locator("#agenda-amend-why").fill("Bổ sung mục đã làm tại buổi sinh hoạt");
		Browser.screenshot(secretary, "phone-agenda-amendment");
		secretary.locator("#agenda-form button[type=submit]").first().click();
		assertThat(secretary.locator("#agenda-items")).containsText("Trao Huy hiệu Đảng");

		// Export: the Vietnamese headings and the names present.
		secretary.navigate(url("/meetings/" + meetingId + "/minutes"));
		var docx = secretary.request().get(url("/meetings/" + meetingId + "/minutes.docx"));
		var pdf = secretary.request().get(url("/meetings/" + meetingId + "/minutes.pdf"));
		String docxText;
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				var extractor = new XWPFWordExtractor(word)) {
			docxText = extractor.getText();
		}
		String pdfText;
		try (var document = Loader.loadPDF(pdf.body())) {
			pdfText = new PDFTextStripper().getText(document);
			ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
					Browser.SCREENSHOTS.resolve("minutes-pdf-page1.png").toFile());
		}
		for (var text : new String[] { docxText, pdfText }) {
			assertThat(text.replaceAll("\\s+", " ")).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BIÊN BẢN",
					"sinh hoạt chi bộ thường kỳ tháng", "CHI BỘ NGHIỆP VỤ", "I. NỘI DUNG", "II. Ý KIẾN THẢO LUẬN",
					memberName, "Rà soát hồ sơ tham mưu quý IV", "PHỤ LỤC: ĐÍNH CHÍNH SAU KHI KÝ",
					"Bổ sung mục đã làm tại buổi sinh hoạt");
		}

		// The next meeting reviews the targets and finds the task carried over.
		var nextId = schedule(secretary, branch, today.plusDays(1), "REGULAR");
		secretary.navigate(url("/meetings/" + nextId + "/minutes"));
		assertThat(secretary.locator("#previous-targets")).containsText("100% hồ sơ được rà soát");
		assertThat(secretary.locator("#carried-tasks")).containsText("Rà soát hồ sơ tham mưu quý IV");
		// Last meeting's targets are reviewed before the chair may sign: the page lists
		// them as still missing until then (the roll called, the minutes written).
		attendance.snapshot(people.otherSecretary(), nextId);
		attendance.everyonePresent(people.otherSecretary(), nextId);
		saveMinutes(secretary, nextId, Objects.requireNonNull(people.otherSecretary().memberId()), memberId,
				"Kiểm điểm việc thực hiện nghị quyết tháng trước.", "Chi bộ hoàn thành các chỉ tiêu.",
				"Tiếp tục rà soát hồ sơ.", 2);
		assertThat(secretary.locator("#sign-missing")).containsText("chưa đánh giá");
		assertThat(secretary.locator("#sign-minutes")).hasCount(0);
		Browser.screenshot(secretary, "phone-minutes-missing-before-signing");
		assertAccessible(secretary);
		secretary.locator("#previous-targets input[value=true]").first().check();
		secretary.locator("#previous-targets button[type=submit]").first().click();
		assertThat(secretary.locator("#targets-share")).containsText("1/1");
		secretary.setViewportSize(1280, 900);
		Browser.screenshot(secretary, "meeting-minutes-review");
		secretary.context().close();
	}

	/** Schedules a meeting of the secretary's branch and opens it; answers its id. */
	private long schedule(Page page, long branchId, LocalDate on, String kind) {
		page.navigate(url("/meetings/new?branchId=" + branchId));
		page.locator("#kind").selectOption(kind);
		page.locator("#scheduledOn").fill(on.format(DATE));
		// Now, so that the check-in is open whenever the test runs.
		page.locator("#startsAt")
			.fill(LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("HH:mm")));
		page.locator("#place").fill("Phòng họp tầng 3");
		page.locator("#meeting-form button[type=submit]").click();
		page.locator("#meeting-list tr", new Page.LocatorOptions().setHasText(on.format(DATE)))
			.last()
			.locator("a")
			.click();
		var path = page.url().replaceAll("^.*/meetings/", "");
		return Long.parseLong(path.replaceAll("[^0-9].*$", ""));
	}

}
