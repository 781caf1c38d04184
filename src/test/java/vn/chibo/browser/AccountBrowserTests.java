package vn.chibo.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One's own password on a phone, the forgotten one, and a bad address answered with a
 * message, as a person meets them in Chromium.
 */
@ChiboTest
class AccountBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Test
	void aSecretaryChangesTheirPasswordOnAPhoneAndLogsInWithIt() {
		var username = fixtures.account(fixtures.committee().secretary(1));
		var page = login(username, 360, 740);
		// The user menu holds the way there.
		assertThat(page.locator("#change-password")).isAttached();
		page.navigate(url("/account/password"));
		page.getByLabel("Mật khẩu hiện tại").fill(DemoUsers.PASSWORD);
		page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("mat-khau-tren-dien-thoai");
		page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-khac-han");
		page.locator("#save-password").click();
		assertThat(page.locator("#password-error")).containsText("không giống nhau");
		Browser.screenshot(page, "phone-password-change-error");
		assertAccessible(page);
		page.getByLabel("Mật khẩu hiện tại").fill(DemoUsers.PASSWORD);
		page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("mat-khau-tren-dien-thoai");
		page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-tren-dien-thoai");
		page.locator("#save-password").click();
		assertThat(page.locator(".alert-success")).containsText("Đã đổi mật khẩu");
		Browser.screenshot(page, "phone-password-changed");
		var again = browser().page(360, 740);
		again.navigate(url("/login"));
		again.getByLabel("Tên đăng nhập").fill(username);
		again.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true)).fill("mat-khau-tren-dien-thoai");
		again.locator("button[type=submit]").click();
		assertThat(again.locator("#userMenu")).isAttached();
		again.context().close();
		page.context().close();
	}

	@Test
	void aForgottenPasswordIsAskedForFromTheLoginPage() {
		var page = browser().page(360, 740);
		page.navigate(url("/login"));
		page.locator("#forgot-link").click();
		page.getByLabel("Tên đăng nhập").fill("dangvien.cb04");
		page.locator("#send-link").click();
		assertThat(page.locator("#forgot-sent")).containsText("đường dẫn");
		Browser.screenshot(page, "phone-forgot-password");
		assertAccessible(page);
		page.context().close();
	}

	@Test
	void anAddressWithAWrongNumberIsAnsweredWithAMessage() {
		var page = login("bithu.cb04", 360, 740);
		page.navigate(url("/meetings/abc"));
		assertThat(page.locator("h1")).containsText("Chưa nhận được yêu cầu");
		assertThat(page.locator("#error-message")).containsText("abc");
		Browser.screenshot(page, "phone-bad-input");
		assertAccessible(page);
		browser().consoleErrors().removeIf((error) -> error.contains("status of 400"));
		page.context().close();
	}

}
