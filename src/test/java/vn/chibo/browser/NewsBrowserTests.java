package vn.chibo.browser;

import java.awt.Color;
import java.nio.file.Files;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import vn.chibo.ChiboTest;
import vn.chibo.TestImages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An anonymous visitor reads the news on a phone and finds an article again without
 * diacritics.
 */
@ChiboTest
class NewsBrowserTests extends BrowserTestSupport {

	@Test
	void aVisitorReadsAndSearchesTheNewsOnAPhone() {
		var page = browser().page(360, 740);
		page.navigate(url("/tin-tuc"));
		assertThat(page.locator("h1")).hasText("Tin mới");
		Browser.screenshot(page, "phone-news-home");
		page.locator("#news-categories a", new Page.LocatorOptions().setHasText("Xây dựng Đảng")).click();
		assertThat(page.locator("h1")).hasText("Xây dựng Đảng");
		page.locator(".news-item a",
				new Page.LocatorOptions().setHasText("Chú trọng nâng cao chất lượng sinh hoạt đảng"))
			.first()
			.click();
		assertThat(page.locator("#news-article h1")).containsText("Chú trọng nâng cao chất lượng sinh hoạt đảng");
		assertThat(page.locator("#news-article")).containsText("Mỹ Hạnh – Chi bộ Nghiệp vụ");
		assertThat(page.locator("#related")).isVisible();
		Browser.screenshot(page, "phone-news-article");
		page.locator("#news-q").fill("hoc tap va lam theo bac");
		page.locator("header button[type=submit]").click();
		assertThat(page.locator(".news-item").first()).containsText("Học tập và làm theo Bác");
		page.setViewportSize(1280, 900);
		page.navigate(url("/tin-tuc"));
		Browser.screenshot(page, "news-home");
		page.context().close();
	}

	@Test
	void aMemberWritesTheOfficePublishesAndAVisitorReadsIt() throws Exception {
		var member = login("dangvien.cb07", 360, 740);
		member.navigate(url("/news"));
		member.locator("#new-article").click();
		member.locator("#categoryId").selectOption(new SelectOption().setLabel("Gương điển hình"));
		member.locator("#title").fill("Đảng viên Cảng Xuân Hải hiến máu nhân đạo");
		member.locator("#summary").fill("Mười đảng viên tham gia ngày hội hiến máu của tỉnh.");
		// The editor: type, select a word, make it bold.
		var editor = member.locator("#body-page");
		editor.click();
		editor.pressSequentially("Ngày hội có 120 đơn vị máu.");
		// Enter starts a second paragraph.
		editor.press("Enter");
		editor.pressSequentially("Chi bộ vận động được mười đảng viên tham gia.");
		editor.evaluate("""
				(page) => {
				  const text = page.querySelector('p').firstChild;
				  const start = text.textContent.indexOf('120');
				  const range = document.createRange();
				  range.setStart(text, start);
				  range.setEnd(text, start + 3);
				  const selection = window.getSelection();
				  selection.removeAllRanges();
				  selection.addRange(range);
				}""");
		member.locator(".editor-toolbar button[data-command=bold]").click();
		Browser.screenshot(member, "phone-news-editor");
		member.locator("#save-article").click();
		// A photo from the phone: its name says nothing; its content is a JPEG.
		var photo = Files.createTempFile("IMG_0042", ".HEIC");
		Files.write(photo, TestImages.jpeg(1600, 900, Color.RED));
		member.locator("#image-file").setInputFiles(photo);
		member.locator("#upload-image").click();
		assertThat(member.locator(".alert-danger")).containsText("chú thích");
		member.locator("#image-file").setInputFiles(photo);
		member.locator("#image-caption").fill("Đảng viên chi bộ tại điểm hiến máu");
		member.locator("#upload-image").click();
		assertThat(member.locator("#flash")).containsText("Đã thêm ảnh");
		assertThat(member.locator("#article-images figcaption")).hasText("Đảng viên chi bộ tại điểm hiến máu");
		assertThat(member.locator(".news-body figure img")).hasAttribute("width", "1200");
		// A line typed after the picture goes below it, not into its caption.
		member.locator("#edit-article").click();
		var after = member.locator("#body-page");
		after.evaluate("""
				(page) => {
				  const last = page.lastElementChild;
				  const range = document.createRange();
				  range.selectNodeContents(last);
				  range.collapse(false);
				  const selection = window.getSelection();
				  selection.removeAllRanges();
				  selection.addRange(range);
				  page.focus();
				}""");
		member.keyboard().type("Ảnh: Ban Tuyên giáo.");
		member.locator("#save-article").click();
		assertThat(member.locator(".news-body figcaption")).hasText("Đảng viên chi bộ tại điểm hiến máu");
		member.locator("#submit-article").click();
		assertThat(member.locator("#article-status")).hasText("Chờ duyệt");
		Browser.screenshot(member, "phone-news-draft");
		member.context().close();

		var office = login("vanphong", 1280, 900);
		office.navigate(url("/news"));
		office.locator("#desk a", new Page.LocatorOptions().setHasText("hiến máu nhân đạo")).first().click();
		office.locator("#publish-article").click();
		assertThat(office.locator("#article-status")).hasText("Đã đăng");
		Browser.screenshot(office, "news-review");
		office.context().close();

		var visitor = browser().page(360, 740);
		visitor.navigate(url("/tin-tuc/tim-kiem?q=hien mau nhan dao"));
		visitor.locator(".news-item a").first().click();
		assertThat(visitor.locator("#news-article")).containsText("Ngày hội có 120 đơn vị máu.");
		assertThat(visitor.locator("#news-article .news-body b")).hasText("120");
		// Two paragraphs typed, two paragraphs published; the line after the picture
		// below it.
		assertThat(visitor.locator("#news-article .news-body > p").first()).hasText("Ngày hội có 120 đơn vị máu.");
		assertThat(visitor.locator("#news-article .news-body > p").nth(1))
			.hasText("Chi bộ vận động được mười đảng viên tham gia.");
		assertThat(visitor.locator("#news-article .news-body figcaption"))
			.hasText("Đảng viên chi bộ tại điểm hiến máu");
		assertThat(visitor.locator("#news-article .news-body figure + p")).hasText("Ảnh: Ban Tuyên giáo.");
		assertThat(visitor.locator("#news-article script")).hasCount(0);
		var picture = visitor.locator("#news-article figure img");
		assertThat(picture).hasAttribute("height", "675");
		assertThat(visitor.locator("#news-article figcaption")).hasText("Đảng viên chi bộ tại điểm hiến máu");
		// The phone loads the small copy (srcset), and it is a real picture.
		visitor.waitForFunction("() => document.querySelector('#news-article figure img').naturalWidth > 0");
		Assertions.assertThat((String) picture.evaluate("img => img.currentSrc")).endsWith("/nho.jpg");
		Browser.screenshot(visitor, "phone-news-article-picture");
		// The category's feed has it, with its address.
		visitor.locator("#news-article a", new Page.LocatorOptions().setHasText("Gương điển hình")).first().click();
		var feedLink = visitor.locator("#news-categories li", new Page.LocatorOptions().setHasText("Gương điển hình"))
			.locator("a", new Locator.LocatorOptions().setHasText("Atom"));
		var feed = visitor.request().get(url(feedLink.getAttribute("href")));
		Assertions.assertThat(feed.headers().get("content-type")).contains("atom+xml");
		Assertions.assertThat(feed.text())
			.contains("<title>Đảng viên Cảng Xuân Hải hiến máu nhân đạo</title>")
			.contains("/tin-tuc/bai-viet/dang-vien-cang-xuan-hai-hien-mau-nhan-dao");
		visitor.context().close();
	}

}
