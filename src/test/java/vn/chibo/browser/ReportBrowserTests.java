package vn.chibo.browser;

import org.junit.jupiter.api.Test;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The year's report on a phone: the office finds it from the study page, reads last
 * year's figures and downloads the PDF; on a desktop, the report and a contest's ranking.
 */
@ChiboTest
class ReportBrowserTests extends BrowserTestSupport {

	@Test
	void theOfficeReadsTheYearReportOnAPhoneAndDownloadsIt() throws Exception {
		var office = login("vanphong", 360, 740);
		office.navigate(url("/study?year=2024"));
		office.locator(".year-report-link").click();
		assertThat(office.locator("#year-report")).containsText("I. HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT");
		assertThat(office.locator("#year-report")).containsText("Hội thi Bí thư chi bộ giỏi năm 2024");
		assertAccessible(office);
		Browser.screenshot(office, "phone-year-report");
		var download = office.waitForDownload(() -> office.locator("#year-report-pdf").click());
		org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
			.isEqualTo("bao-cao-hoc-tap-dao-tao-khen-thuong-2024.pdf");
		java.nio.file.Files.copy(download.path(), java.nio.file.Path.of("target/screenshots/year-report-2024.pdf"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		office.context().close();
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
