package vn.chibo.browser;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.TestDocuments;
import vn.chibo.shared.print.PdfDocuments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library as its users meet it: the office adds a document with its PDF on a
 * computer; a member finds it on a phone by a word of the file typed without diacritics,
 * sees the passage and opens the PDF in the browser.
 */
@ChiboTest
class LibraryBrowserTests extends BrowserTestSupport {

	@Autowired
	PdfDocuments pdf;

	@Autowired
	Fixtures fixtures;

	@Test
	void theOfficeAddsADocumentAndAMemberFindsItOnAPhoneByAWordOfItsFile() {
		var content = TestDocuments.pdf(pdf,
				"Mỗi chi bộ tổ chức cho đảng viên viết bài thu hoạch sau hội nghị quán triệt.",
				"Bài thu hoạch nêu rõ việc làm cụ thể của bản thân theo tấm gương đạo đức của Bác.");
		var people = fixtures.people();
		var office = login(fixtures.account(people.committee().office()), 1280, 900);
		office.navigate(url("/library"));
		office.locator("#library-new").click();
		office.locator("#number").fill("77-HD/BTGTW");
		office.locator("#kind").selectOption("GUIDANCE");
		office.locator("#issuedOn").fill("3/2/2026");
		office.locator("#title").fill("Về học tập chuyên đề năm 2026");
		office.locator("#issuer").fill("Ban Tuyên giáo Trung ương");
		office.locator("#summary").fill("Hướng dẫn tổ chức học tập chuyên đề và viết bài thu hoạch.");
		office.locator("#file").setInputFiles(new FilePayload("77-HD-BTGTW.pdf", "application/pdf", content));
		office.locator("#library-form button[type=submit]").click();
		assertThat(office.locator("#in-force")).containsText("Còn hiệu lực");
		assertThat(office.locator("#files")).containsText("77-HD-BTGTW.pdf");
		Browser.screenshot(office, "library-document");
		office.context().close();

		var member = login(fixtures.account(people.member()), 360, 740);
		member.navigate(url("/library"));
		member.locator("#q").fill("tam guong dao duc cua bac");
		member.locator("#library-search button[type=submit]").click();
		var first = member.locator("#library-results li").first();
		assertThat(first).containsText("77-HD/BTGTW");
		assertThat(first.locator("mark").first()).isVisible();
		assertThat(first).containsText("77-HD-BTGTW.pdf, trang 1");
		assertAccessible(member);
		Browser.screenshot(member, "phone-library-search");
		first.locator("a").first().click();
		assertThat(member.locator("#files a").first()).hasText("Đọc");
		assertAccessible(member);
		var opened = member.request()
			.get(member.locator("#files a").first().getAttribute("href").startsWith("http")
					? member.locator("#files a").first().getAttribute("href")
					: url(member.locator("#files a").first().getAttribute("href")));
		assertThat(opened.headers().get("content-type")).isEqualTo("application/pdf");
		assertThat(opened.headers().get("content-disposition")).startsWith("inline");
		Browser.screenshot(member, "phone-library-document");
		member.context().close();
	}

}
