package vn.chibo.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An anonymous visitor reads the news on a phone and finds an article again without
 * diacritics.
 */
@ChiboTest
class NewsBrowserTests extends BrowserTestSupport {

	@Test
	void aVisitorReadsAndSearchesTheNewsOnAPhone() {
		var page = browser.page(360, 740);
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

}
