package vn.chibo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.options.SelectOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.report.ReportTextForm;
import vn.chibo.report.ReportTexts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The year's report on a phone: the office finds it from the study page, reads last
 * year's figures and downloads the PDF; on a desktop, the report and a contest's ranking.
 */
@ChiboTest
class ReportBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReportTexts texts;

	@Test
	void theOfficeReadsTheYearReportOnAPhoneAndDownloadsIt() throws Exception {
		var office = login("vanphong", 360, 740);
		office.navigate(url("/study?year=2024"));
		office.locator(".year-report-link").click();
		assertThat(office.locator("#year-report")).containsText("3. Học tập, quán triệt nghị quyết");
		assertThat(office.locator("#year-report")).containsText("Hội thi Bí thư chi bộ giỏi năm 2024");
		assertAccessible(office);
		Browser.screenshot(office, "phone-year-report");
		var download = office.waitForDownload(() -> office.locator("#year-report-pdf").click());
		Assertions.assertThat(download.suggestedFilename()).isEqualTo("bao-cao-cong-tac-xay-dung-dang-2024.pdf");
		Files.copy(download.path(), Path.of("target/screenshots/year-report-2024.pdf"),
				StandardCopyOption.REPLACE_EXISTING);
		office.context().close();
	}

	@Test
	void theOfficeWritesTheYearsAssessmentOnAPhoneWithLastYearsBesideIt() {
		// A committee of its own that wrote last year's assessment.
		var people = fixtures.people();
		var last = new ReportTextForm();
		last.setShortcomings("Nhiệm vụ chuyên môn tăng, đảng viên làm việc theo ca.");
		var lastYear = String.valueOf(LocalDate.now().getYear() - 1);
		texts.save(people.committee().office(), ReportTexts.Kind.YEAR, lastYear, last);
		var office = login(fixtures.account(people.committee().office()), 360, 740);
		office.navigate(url("/reports/year"));
		office.locator("#year-report-text").click();
		assertThat(office.locator("#report-text-form")).containsText("Đã viết kỳ " + lastYear);
		assertThat(office.locator("#report-text-form")).containsText("Nhiệm vụ chuyên môn tăng");
		office.locator("#shortcomings").fill("Chi bộ cửa khẩu có tháng sinh hoạt muộn.\nBài thu hoạch chưa đều.");
		office.locator("#tasks").fill("Đảng ủy viên dự sinh hoạt với chi bộ đông đảng viên.");
		assertAccessible(office);
		Browser.screenshot(office, "phone-report-text");
		office.locator("#report-text-save").click();
		assertThat(office.locator("#flash")).containsText("Đã lưu phần đánh giá");
		var report = office.locator("#year-report");
		assertThat(report).containsText("2. Hạn chế, khuyết điểm");
		assertThat(report).containsText("Bài thu hoạch chưa đều.");
		assertThat(report).containsText("Đảng ủy viên dự sinh hoạt với chi bộ đông đảng viên.");
		// A figure leads to the list it counts: the branch's meetings of the year.
		report.locator("a[href^='/meetings?year=']").first().click();
		assertThat(office).hasURL(Pattern.compile("/meetings\\?year=\\d+&branchId=\\d+"));
		office.context().close();
	}

	@Test
	void theTermReportReadsYearByYearAndDownloadsForTheCongress() throws Exception {
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/reports/year?year=2025"));
		office.locator("#year-report-term").click();
		var report = office.locator("#term-report");
		assertThat(report).containsText("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020–2025");
		assertThat(report).containsText("Cả nhiệm kỳ 2020–2025");
		assertThat(report).containsText("Nhiệm kỳ 2015–2020");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-term-report");
		var docx = office.waitForDownload(() -> office.locator("#term-report-docx").click());
		Assertions.assertThat(docx.suggestedFilename()).isEqualTo("bao-cao-tong-ket-nhiem-ky-2020-2025.docx");
		var pdf = office.waitForDownload(() -> office.locator("#term-report-pdf").click());
		Files.copy(pdf.path(), Path.of("target/screenshots/term-report-2020-2025.pdf"),
				StandardCopyOption.REPLACE_EXISTING);
		// Each year's figure opens that year's report.
		report.locator("a[href='/reports/year?year=2023']").first().click();
		assertThat(office.locator("#year-report")).containsText("NĂM 2023");
		office.context().close();
		var phone = login("vanphong", 360, 740);
		phone.navigate(url("/reports/term"));
		phone.locator("#term-report-select").selectOption(new SelectOption().setLabel("2015–2020"));
		phone.locator("#term-report-choose button").click();
		assertThat(phone.locator("#term-report")).containsText("Bốn là, xây dựng đội ngũ cán bộ kiểm tra");
		assertAccessible(phone);
		Browser.screenshot(phone, "phone-term-report");
		phone.context().close();
	}

	@Test
	void theYearReportAndAContestReadWellOnADesktop() {
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/reports/year?year=2025"));
		assertThat(office.locator("#year-report")).containsText("Hội thi kể chuyện về Bác Hồ năm 2025");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-year-report");
		office.navigate(url("/recognition/contests?year=2024"));
		office.locator("#contest-list a").first().click();
		assertThat(office.locator("#contest-table")).containsText("Giải Nhất");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-contest");
		office.context().close();
	}

}
