package vn.chibo.browser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.MemberImportTestFiles;
import vn.chibo.shared.security.CurrentUser;

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

	@Autowired
	Fixtures fixtures;

	@Test
	void aFileWithBadRowsShowsTheErrorsAndImportsNothing() throws Exception {
		var office = fixtures.committee().office();
		var file = MemberImportTestFiles
			.xlsx(List.of(List.of("Họ và tên", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Chi bộ"),
					List.of("Lương Văn Tốt", "Nam", "01/01/2014", "01/01/2015", "T01"),
					List.of("Lương Thị Lỗi", "Nữ", "32/13/2014", "", "T01"),
					List.of("Lương Văn Sớm", "Nam", "01/01/2014", "01/06/2014", "T01")));
		var page = login(fixtures.account(office), 1280, 900);
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
		assertThat(count(office)).isZero();
		page.context().close();
	}

	@Test
	void aGoodFileShowsProgressAndImportsEveryRow() {
		var people = fixtures.people();
		var before = count(people.secretary());
		var csv = new StringBuilder("Họ và tên,Giới tính,Ngày vào Đảng,Ngày chính thức,Chi bộ\n");
		for (var i = 0; i < 40; i++) {
			csv.append("Trịnh Văn Số%s,Nam,01/01/2014,01/01/2015,T01\n".formatted((char) ('A' + i % 26) + "" + i));
		}
		var page = login(fixtures.account(people.secretary()), 360, 740);
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
		assertThat(count(people.secretary())).isEqualTo(before + 40);
		page.context().close();
	}

	@Test
	void aSecretaryUpdatesMembersByCardSeesTheChangesFirstAndUndoesTheImport() {
		// A committee of its own whose member Lê Thị Hoa has a party card.
		var people = fixtures.people();
		var office = people.committee().office();
		var memberId = Objects.requireNonNull(people.member().memberId());
		fixtures.record(people.committee(), memberId, (form) -> form.setCardNo("40000001"));
		var member = new String[] { "40000001", "Lê Thị Hoa", null };
		var secretary = people.secretary();
		var before = count(secretary);
		var csv = """
				Họ và tên;Giới tính;Ngày vào Đảng;Số thẻ đảng viên;Số điện thoại;Chức vụ
				;;;%s;0977 123 456;Phó trưởng phòng
				Quách Thị Mới Vào;Nữ;02/09/2020;;;
				""".formatted(member[0]);
		var page = login(fixtures.account(secretary), 360, 740);
		page.navigate(url("/members/import"));
		page.locator("#file")
			.setInputFiles(new FilePayload("cap-nhat.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.locator("#branchId").selectOption(String.valueOf(people.branch()));
		page.locator("#updateExisting").check();
		page.locator("#import-form button[type=submit]").click();
		assertThat(page.locator("#import-ready")).isVisible();
		assertThat(page.locator("#count-added")).containsText("1");
		assertThat(page.locator("#count-updated")).containsText("1");
		assertThat(page.locator("#preview-updated")).containsText(member[1]);
		assertThat(page.locator("#preview-updated")).containsText("0977 123 456");
		assertThat(page.locator("#preview-updated")).containsText("Phó trưởng phòng");
		assertAccessible(page);
		Browser.screenshot(page, "phone-import-update-preview");
		assertThat(count(secretary)).isEqualTo(before);
		page.locator("#import-confirm").click();
		assertThat(page.locator("#import-done")).isVisible();
		assertThat(count(secretary)).isEqualTo(before + 1);

		page.navigate(url("/members/import"));
		var batch = page.locator("#batches li").first();
		assertThat(batch).containsText("cap-nhat.csv");
		assertAccessible(page);
		page.onceDialog((dialog) -> dialog.accept());
		batch.locator("button").click();
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.locator("#batches li").first()).containsText("Đã hoàn tác");
		Browser.screenshot(page, "phone-import-undone");
		assertThat(count(secretary)).isEqualTo(before);
		assertThat(jdbc.sql("select coalesce(phone, '') from member where id = :id")
			.param("id", memberId)
			.query(String.class)
			.single()).isEqualTo((member[2] != null) ? member[2] : "");
		page.context().close();
	}

	private long count(CurrentUser user) {
		return jdbc.sql("select count(*) from member where committee_id = :c")
			.param("c", user.committeeId())
			.query(Long.class)
			.single();
	}

}
