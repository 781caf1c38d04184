package vn.chibo.browser;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a spreadsheet through the page: errors by row and column, all or nothing,
 * progress to done.
 */
@ChiboTest
class ImportBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFileWithBadRowsShowsTheErrorsAndImportsNothing() throws Exception {
		var before = count();
		var file = vn.chibo.member.MemberImportTestFiles
			.xlsx(List.of(List.of("Họ và tên", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Chi bộ"),
					List.of("Lương Văn Tốt", "Nam", "01/01/2014", "01/01/2015", "CB03"),
					List.of("Lương Thị Lỗi", "Nữ", "32/13/2014", "", "CB03"),
					List.of("Lương Văn Sớm", "Nam", "01/01/2014", "01/06/2014", "CB03")));
		var page = login("vanphong", 1280, 900);
		page.navigate(url("/members"));
		page.locator("#import-link").click();
		page.locator("#file")
			.setInputFiles(new FilePayload("danh-sach.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
		page.locator("#import-form button[type=submit]").click();
		assertThat(page.locator("#import-errors")).isVisible();
		assertThat(page.locator("#import-errors")).containsText("32/13/2014");
		assertThat(page.locator("#import-errors")).containsText("Ngày chính thức");
		assertThat(page.locator("#import-errors tbody tr")).hasCount(2);
		Browser.screenshot(page, "import-errors");
		assertThat(count()).isEqualTo(before);
		page.context().close();
	}

	@Test
	void aGoodFileShowsProgressAndImportsEveryRow() {
		var before = count();
		var csv = new StringBuilder("Họ và tên,Giới tính,Ngày vào Đảng,Ngày chính thức,Chi bộ\n");
		for (var i = 0; i < 40; i++) {
			csv.append("Trịnh Văn Số%s,Nam,01/01/2014,01/01/2015,CB04\n".formatted((char) ('A' + i % 26) + "" + i));
		}
		var page = login("bithu.cb04", 360, 740);
		page.navigate(url("/members/import"));
		Browser.screenshot(page, "phone-import");
		page.locator("#file")
			.setInputFiles(new FilePayload("ds.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
		page.locator("#import-form button[type=submit]").click();
		// Checked first, shown, written only when confirmed.
		assertThat(page.locator("#import-ready")).containsText("40");
		Browser.screenshot(page, "phone-import-ready");
		page.locator("#import-confirm").click();
		assertThat(page.locator("#import-done")).containsText("40");
		Browser.screenshot(page, "import-done");
		assertThat(count()).isEqualTo(before + 40);
		page.context().close();
	}

	private long count() {
		return jdbc.sql("select count(*) from member").query(Long.class).single();
	}

}
