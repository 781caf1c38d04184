package vn.chibo.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven headless by Playwright (no browser download: stack.md). One
 * browser per test class; console errors of every page are collected so tests can assert
 * there were none.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private final List<String> consoleErrors = new ArrayList<>();

	Browser() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--disable-quic")));
	}

	Page page(int width, int height) {
		var context = browser.newContext(new NewContextOptions().setViewportSize(width, height).setLocale("vi-VN"));
		var page = context.newPage();
		page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				consoleErrors.add(page.url() + ": " + message.text());
			}
		});
		page.onPageError((error) -> consoleErrors.add(page.url() + ": " + error));
		return page;
	}

	List<String> consoleErrors() {
		return consoleErrors;
	}

	static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
