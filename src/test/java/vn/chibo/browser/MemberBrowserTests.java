package vn.chibo.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.shared.text.VietnameseText;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The member screens as a person uses them in Chromium, at desktop and phone widths. */
@ChiboTest
class MemberBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Test
	void everyDemoRoleLogsInAndLandsOnItsStartPage() {
		for (var username : List.of("admin", "vanphong", "bithu.cb01", "dangvien.cb02")) {
			var page = login(username, 1366, 768);
			assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
			assertThat(page.locator("#userMenu")).isVisible();
			Browser.screenshot(page, "start-" + username);
			page.context().close();
		}
	}

	/** The user menu's logout ends the session: the next page asks for a login. */
	@Test
	void theUserMenuLogsOut() {
		var page = formLogin("dangvien.cb03", 1366, 768);
		page.locator("#userMenu").click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
		assertThat(page).hasURL(Pattern.compile(".*/login.*"));
		page.navigate(url("/members"));
		assertThat(page).hasURL(Pattern.compile(".*/login.*"));
		page.context().close();
	}

	@Test
	void wrongPasswordShowsAVietnameseMessage() {
		var page = browser().page(1280, 900);
		page.navigate(url("/login"));
		page.getByLabel("Tên đăng nhập").fill("vanphong");
		page.getByLabel("Mật khẩu").fill("sai-mat-khau");
		page.locator("button[type=submit]").click();
		assertThat(page.locator(".alert-danger")).containsText("không đúng");
		page.context().close();
	}

	@Test
	void searchWithoutDiacriticsFindsAccentedNames() {
		var page = login("vanphong", 1280, 900);
		page.navigate(url("/members"));
		var someone = page.locator("#member-table tbody tr td a").first().textContent().strip();
		var folded = VietnameseText.fold(someone);
		page.locator("#q").fill(folded);
		assertThat(page.locator("#member-table tbody")).containsText(someone);
		assertThat(page.locator("#result-count")).not().containsText(" 0 ");
		assertThat(page).hasURL(Pattern.compile(".*q=.*"));
		Browser.screenshot(page, "member-search");
		page.locator("#member-table tbody tr td a", new Page.LocatorOptions().setHasText(someone)).first().click();
		assertThat(page.locator("#member-name")).hasText(someone);
		Browser.screenshot(page, "member-detail");
		page.context().close();
	}

	@Test
	void secretaryOpeningAnotherBranchsMemberByUrlGetsNotFound() {
		var page = login("bithu.cb01", 1280, 900);
		var response = page.navigate(url("/members/" + demo.memberOf("CB02", null)));
		assertThat(response.status()).isEqualTo(404);
		assertThat(page.locator("h1")).hasText("Không tìm thấy");
		Browser.screenshot(page, "secretary-404");
		// The browser logs the 404 of the page itself; that is the expected answer here,
		// not an error.
		browser().consoleErrors().removeIf((error) -> error.contains("status of 404"));
		page.context().close();
	}

	@Test
	void newMemberFormShowsLocalizedErrorsNamingTheField() {
		var people = fixtures.people();
		var page = login(fixtures.account(people.secretary()), 1280, 900);
		page.navigate(url("/members/new"));
		page.locator("#fullName").fill("Hồ Thị Lài");
		page.locator("#admissionDate").fill("31/02/2020");
		page.locator("#member-form button[type=submit]").click();
		assertThat(page.locator("#form-errors")).containsText("Ngày vào Đảng");
		assertThat(page.locator("#form-errors")).containsText("Giới tính");
		Browser.screenshot(page, "member-form-errors");
		page.locator("#gender").selectOption("FEMALE");
		page.locator("#branchId").selectOption(String.valueOf(people.branch()));
		page.locator("#admissionDate").fill("15/03/2020");
		page.locator("#officialDate").fill("15/03/2021");
		page.locator("#member-form button[type=submit]").click();
		assertThat(page.locator("#member-name")).hasText("Hồ Thị Lài");
		assertThat(page.locator(".alert-success")).isVisible();
		page.context().close();
	}

	@Test
	void phoneWidthLayoutKeepsTheListUsable() {
		var page = login("bithu.cb02", 360, 740);
		page.navigate(url("/members"));
		assertThat(page.locator("#member-table")).isVisible();
		var overflow = (Boolean) page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(overflow).isFalse();
		Browser.screenshot(page, "phone-member-list");
		page.locator(".navbar-toggler").click();
		assertThat(page.locator("#mainNav")).isVisible();
		Browser.screenshot(page, "phone-menu");
		page.navigate(url("/orgs/" + demo.branchId("CB02")));
		assertThat(page.locator("#roster-list li").first()).isVisible();
		Browser.screenshot(page, "phone-branch");
		page.context().close();
	}

}
