package vn.chibo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Inspection on a phone, as the inspection committee works: the year's programme with
 * plan against done, a new item, its decision, the steps, the conclusion, the notice of
 * the conclusion as PDF, a remedy reported by the branch's secretary and verified; the
 * programme on a desktop.
 */
@ChiboTest
class InspectionBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Test
	void fromTheProgrammeToTheRemedyVerifiedOnAPhone() throws Exception {
		var today = DATE.format(LocalDate.now());
		var year = LocalDate.now().getYear();
		var ubkt = login("ubkt", 360, 740);
		ubkt.navigate(url("/inspection"));
		assertThat(ubkt.locator("#inspection-months")).isVisible();
		assertThat(ubkt.locator("#inspection-overdue")).containsText("quá tháng kế hoạch");
		assertAccessible(ubkt);
		Browser.screenshot(ubkt, "phone-inspection-programme");
		ubkt.locator("#inspection-new").click();
		ubkt.locator("#kind").selectOption("INSPECTION");
		ubkt.locator("#body").selectOption("INSPECTION_COMMITTEE");
		ubkt.locator("#plannedMonth").selectOption("11");
		ubkt.locator("#branchId").selectOption(String.valueOf(demo.branchId("CB08")));
		ubkt.locator("#content").fill("Kiểm tra việc chấp hành chế độ sinh hoạt chi bộ");
		ubkt.locator("#period").fill("Năm " + year);
		ubkt.locator("#leadName").fill("Đoàn Văn Trưởng");
		assertAccessible(ubkt);
		ubkt.locator("#inspection-form button[type=submit]").click();
		assertThat(ubkt.locator("#flash")).containsText("Đã thêm vào chương trình");
		assertThat(ubkt.locator("#inspection-status")).containsText("Quá hạn");
		ubkt.locator("#decisionNo").fill("45-QĐ/UBKT");
		ubkt.locator("#signer").fill("Hồ Thị Chủ Nhiệm");
		assertAccessible(ubkt);
		ubkt.locator("#decision-form button[type=submit]").click();
		assertThat(ubkt.locator("#inspection-decision")).containsText("45-QĐ/UBKT");
		assertThat(ubkt.locator("#inspection-status")).containsText("Đang tiến hành");
		ubkt.locator("#step").selectOption("SELF_REPORT");
		ubkt.locator("#doneOn").fill(today);
		ubkt.locator("#note").fill("Chi bộ nộp báo cáo tự kiểm tra");
		ubkt.locator("#step-form button[type=submit]").click();
		assertThat(ubkt.locator("#inspection-steps")).containsText("Báo cáo tự kiểm tra của đối tượng");
		ubkt.locator("#concludedOn").fill(today);
		ubkt.locator("#findings").fill("Chi bộ duy trì sinh hoạt đều đặn");
		ubkt.locator("#recommendations").fill("Nâng cao chất lượng sinh hoạt chuyên đề");
		assertAccessible(ubkt);
		ubkt.locator("#conclusion-form button[type=submit]").click();
		assertThat(ubkt.locator("#inspection-status")).containsText("Đã kết luận");
		ubkt.locator("#remedy-content").fill("Xây dựng kế hoạch sinh hoạt chuyên đề năm tới");
		ubkt.locator("#dueOn").fill(DATE.format(LocalDate.now().plusMonths(2)));
		ubkt.locator("#remedy-form button[type=submit]").click();
		assertThat(ubkt.locator("#remedy-list")).containsText("Xây dựng kế hoạch sinh hoạt chuyên đề");
		ubkt.locator("#notification-form button[type=submit]").click();
		assertThat(ubkt.locator("#flash")).containsText("Đã ghi bước");
		Browser.screenshot(ubkt, "phone-inspection-concluded");
		var download = ubkt
			.waitForDownload(() -> ubkt.locator("#inspection-documents a[href$='conclusion.docx']").click());
		Assertions.assertThat(download.suggestedFilename()).endsWith(".docx");
		var id = ubkt.url().replaceAll(".*/inspection/(\\d+).*", "$1");
		var pdf = ubkt.request().get(url("/inspection/" + id + "/conclusion.pdf"));
		Files.write(Path.of("target/screenshots/inspection-conclusion.pdf"), pdf.body());
		try (var read = Loader.loadPDF(pdf.body())) {
			Assertions.assertThat(new PDFTextStripper().getText(read))
				.contains("THÔNG BÁO KẾT LUẬN")
				.contains("Chi bộ Hải quan Hồng Lĩnh")
				.contains("Chi bộ duy trì sinh hoạt đều đặn");
		}
		ubkt.context().close();

		// The branch's secretary reads the conclusion and reports the remedy done.
		var secretary = login("bithu.cb08", 360, 740);
		secretary.navigate(url("/inspection"));
		secretary.locator("#inspection-items a", new Page.LocatorOptions().setHasText("Chi bộ Hải quan Hồng Lĩnh"))
			.first()
			.click();
		assertThat(secretary.locator("#inspection-conclusion")).containsText("Chi bộ duy trì sinh hoạt đều đặn");
		assertThat(secretary.locator("#inspection-steps")).hasCount(0);
		secretary.locator(".remedy-report textarea").first().fill("Chi bộ đã xây dựng kế hoạch");
		assertAccessible(secretary);
		secretary.locator(".remedy-report button[type=submit]").first().click();
		assertThat(secretary.locator("#remedy-list")).containsText("Đã báo cáo, chờ xác nhận");
		Browser.screenshot(secretary, "phone-inspection-remedy-reported");
		secretary.context().close();

		var chair = login("bithu.cb06", 360, 740);
		chair.navigate(url("/inspection/" + id));
		chair.locator(".remedy-verify button[type=submit]").first().click();
		assertThat(chair.locator("#remedy-list")).containsText("Đã xác nhận");
		assertAccessible(chair);
		chair.context().close();
	}

	@Test
	void theOfficeFollowsTheProgrammeOnADesktop() {
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/inspection?year=" + (LocalDate.now().getYear() - 1)));
		assertThat(office.locator("#inspection-totals")).isVisible();
		assertThat(office.locator("#inspection-new")).hasCount(0);
		assertAccessible(office);
		Browser.screenshot(office, "desktop-inspection-programme");
		office.locator("#inspection-items a").first().click();
		assertThat(office.locator("#inspection-conclusion")).isVisible();
		assertThat(office.locator("#decision-form")).hasCount(0);
		assertAccessible(office);
		office.context().close();
	}

	@Test
	void aDisciplineCaseFromTheViolationToTheMembersPageOnAPhone() {
		var member = demo.user("dangvien.cb07");
		var name = demo.fullName(member.memberId()).orElseThrow();
		var today = DATE.format(LocalDate.now());
		var ubkt = login("ubkt", 360, 740);
		ubkt.navigate(url("/inspection"));
		ubkt.locator("#tab-discipline").click();
		assertThat(ubkt.locator("#case-list")).containsText("Vắng sinh hoạt chi bộ");
		assertAccessible(ubkt);
		ubkt.locator("#case-new").click();
		ubkt.locator("#memberId").selectOption(String.valueOf(member.memberId()));
		ubkt.locator("#violation").fill("Chậm nộp đảng phí 3 tháng trong năm");
		assertAccessible(ubkt);
		ubkt.locator("#case-form button[type=submit]").click();
		assertThat(ubkt.locator("#case-state")).containsText("Đang xem xét");
		assertThat(ubkt.locator("#self-review-form")).isVisible();
		assertThat(ubkt.locator("#appeal-form")).hasCount(0);
		ubkt.locator("#meeting-on").fill(today);
		ubkt.locator("#votesFor").fill("mười");
		ubkt.locator("#votesPresent").fill("12");
		ubkt.locator("#meeting-form button[type=submit]").click();
		assertThat(ubkt.locator("#flash")).containsText("Số phiếu đề nghị kỷ luật");
		ubkt.locator("#votesFor").fill("11");
		ubkt.locator("#votesPresent").fill("12");
		ubkt.locator("#meeting-form button[type=submit]").click();
		assertThat(ubkt.locator("#case-vote")).containsText("11/12");
		ubkt.locator("#form").selectOption("REPRIMAND");
		ubkt.locator("#decision-no").fill("02-QĐ/CB");
		assertAccessible(ubkt);
		ubkt.locator("#decision-form button[type=submit]").click();
		assertThat(ubkt.locator("#case-decision")).containsText("Khiển trách");
		assertThat(ubkt.locator("#self-review-form")).hasCount(0);
		assertThat(ubkt.locator("#appeal-form")).isVisible();
		Browser.screenshot(ubkt, "phone-discipline-case");
		ubkt.navigate(url("/inspection/complaints?year=2025"));
		assertThat(ubkt.locator("#complaint-list")).containsText("Trả lời quá hạn");
		assertAccessible(ubkt);
		Browser.screenshot(ubkt, "phone-complaints");
		ubkt.context().close();

		var own = login("dangvien.cb07", 360, 740);
		own.navigate(url("/members/" + member.memberId()));
		assertThat(own.locator("#member-discipline")).containsText("Khiển trách");
		assertThat(own.locator("h1")).containsText(name);
		assertAccessible(own);
		own.context().close();
	}

	@Test
	void aSecretaryRecordsRegularSupervisionOnAPhoneAndTheOfficeReadsTheYearsReport() {
		var secretary = login("bithu.cb02", 360, 740);
		secretary.navigate(url("/inspection"));
		secretary.locator("#tab-supervision").click();
		assertThat(secretary.locator("#coverage-table")).containsText("dưới chỉ tiêu");
		secretary.locator("#memberId").selectOption(new SelectOption().setIndex(3));
		secretary.locator("#kind").selectOption("MEETING");
		secretary.locator("#meetingId").selectOption(new SelectOption().setIndex(1));
		secretary.locator("#note").fill("Đồng chí phát biểu xây dựng, nhận nhiệm vụ mới");
		secretary.locator("#recommendation").fill("Hoàn thành báo cáo chuyên đề trước kỳ sau");
		assertAccessible(secretary);
		secretary.locator("#note-form button[type=submit]").click();
		assertThat(secretary.locator("#flash")).containsText("Đã ghi lần giám sát");
		assertThat(secretary.locator("#note-list")).containsText("Đồng chí phát biểu xây dựng");
		secretary.locator(".follow-up-form input[name=text]").first().fill("Đã nộp báo cáo");
		secretary.locator(".follow-up-form button[type=submit]").first().click();
		assertThat(secretary.locator("#flash")).containsText("Đã ghi kết quả");
		Browser.screenshot(secretary, "phone-supervision");
		assertAccessible(secretary);
		secretary.context().close();

		var office = login("vanphong", 1280, 900);
		office.navigate(url("/inspection/report?year=2024"));
		assertThat(office.locator("#inspection-report")).containsText("Khiển trách");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-inspection-report");
		office.context().close();
		var phone = login("vanphong", 360, 740);
		phone.navigate(url("/inspection/report?year=2022"));
		assertThat(phone.locator("#inspection-report")).containsText("1 cuộc kết luận có vi phạm");
		assertAccessible(phone);
		Browser.screenshot(phone, "phone-inspection-report");
		phone.context().close();
	}

}
