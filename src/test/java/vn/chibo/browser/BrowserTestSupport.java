package vn.chibo.browser;

import java.nio.file.Files;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Chromium per test class, logins as the demo accounts, and no console error on any
 * page.
 */
abstract class BrowserTestSupport {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	DemoUsers demo;

	@BeforeAll
	static void start() throws Exception {
		Files.createDirectories(Browser.SCREENSHOTS);
		browser = new Browser();
	}

	@AfterAll
	static void stop() {
		browser.close();
	}

	@AfterEach
	void noConsoleErrors() {
		assertThat(browser.consoleErrors()).isEmpty();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	Page login(String username, int width, int height) {
		var page = browser.page(width, height);
		page.navigate(url("/login"));
		page.getByLabel("Tên đăng nhập").fill(username);
		page.getByLabel("Mật khẩu").fill(DemoUsers.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
		page.waitForLoadState();
		return page;
	}

	/**
	 * axe-core finds nothing to fix on the page as it is now (WCAG 2.1 A and AA rules).
	 */
	static void assertAccessible(Page page) {
		var results = new com.deque.html.axecore.playwright.AxeBuilder(page)
			.withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze();
		org.assertj.core.api.Assertions.assertThat(results.getViolations())
			.as("axe-core violations on " + page.url())
			.extracting(
					(v) -> v.getId() + ": " + v.getNodes().stream().map((n) -> String.valueOf(n.getTarget())).toList())
			.isEmpty();
	}

}
