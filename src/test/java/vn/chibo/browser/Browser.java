package vn.chibo.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.ReducedMotion;

/**
 * A Chromium already installed (Debian's by default; see {@link #chromium()}) driven
 * headless by Playwright, which downloads no browser. One browser for the run; console
 * errors of every page are collected so tests can assert there were none.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private final List<String> consoleErrors = new ArrayList<>();

	/** axe-core's script, as its Java binding ships it. */
	private static final String AXE = AxeBuilder.getAxeScript();

	Browser() {
		// An assertion waits up to 15 s for the page to show what it expects (5 s by
		// default): on two cores busy with the whole suite, a save and the page after it
		// have taken longer than 5 s.
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--disable-quic")));
	}

	/**
	 * The Chromium to drive: the {@code chibo.chromium} property (or the
	 * {@code CHIBO_CHROMIUM} variable) when set, else the first of
	 * chromium-headless-shell, chromium, chromium-browser, google-chrome found on the
	 * PATH, else Debian's {@code /usr/bin/chromium}. The headless shell (Debian's package
	 * of the same Chromium without its window code, which Playwright itself prefers for
	 * headless runs) opens a page with about 40 % less CPU than the full browser: the
	 * browser tests are bound by the two cores' CPU.
	 */
	static Path chromium() {
		var named = System.getProperty("chibo.chromium", System.getenv("CHIBO_CHROMIUM"));
		if (named != null && !named.isBlank()) {
			return Path.of(named);
		}
		var path = System.getenv("PATH");
		for (var name : List.of("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")) {
			for (var folder : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
				var candidate = Path.of(folder, name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return Path.of("/usr/bin/chromium");
	}

	Page page(int width, int height) {
		return page(width, height, null);
	}

	/**
	 * A page in a new browser context of the given size, holding the cookies of
	 * {@code storageState} (as Playwright writes it) when not null. Its user asks for
	 * reduced motion: Bootstrap then scrolls at once instead of smoothly, and a page
	 * still gliding to its anchor (or to the button the test is about to tap) no longer
	 * moves between Playwright's press and release, which made a click land beside its
	 * button and a form go unsent on the two busy cores (docs/testing.md).
	 */
	Page page(int width, int height, String storageState) {
		var context = browser.newContext(new NewContextOptions().setViewportSize(width, height)
			.setLocale("vi-VN")
			.setReducedMotion(ReducedMotion.REDUCE)
			.setStorageState(storageState));
		// axe-core with every document, for the accessibility checks: handed to Chromium
		// once a context instead of sent with each check.
		context.addInitScript(AXE);
		context.addInitScript(CLICKS);
		var page = context.newPage();
		page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				consoleErrors.add(page.url() + ": " + message.text());
			}
		});
		page.onPageError((error) -> consoleErrors.add(page.url() + ": " + error));
		page.onRequest((request) -> {
			if (ASKED.contains(request.resourceType())) {
				note(page, "→ " + request.method() + " " + request.url());
			}
		});
		page.onResponse((response) -> {
			if (ASKED.contains(response.request().resourceType())) {
				note(page, "← " + response.status() + " " + response.url());
			}
		});
		page.onRequestFailed((request) -> note(page, "✗ " + request.url() + " " + request.failure()));
		page.onDOMContentLoaded((loaded) -> note(page, "DOMContentLoaded " + loaded.url()));
		page.onLoad((loaded) -> note(page, "load " + loaded.url()));
		return page;
	}

	/**
	 * What the pages of the test asked the server and when they loaded, for a failed
	 * test's report ({@link #report()}).
	 */
	private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

	private final long started = System.nanoTime();

	/** The journal's lines a report prints at most: the last ones. */
	private static final int REPORTED = 300;

	/** The requests journaled: pages and htmx's, not styles, scripts and pictures. */
	private static final Set<String> ASKED = Set.of("document", "xhr", "fetch");

	private void note(Page page, String what) {
		journal.add(String.format("%8.3f s page %08x %s", (System.nanoTime() - started) / 1e9,
				System.identityHashCode(page), what));
	}

	/**
	 * What a failed test leaves to read (BrowserTestSupport prints it): the last
	 * {@value #REPORTED} requests of its pages with their answers and loads (a crawl of
	 * every page asks thousands), and for each page still open, its address, whether it
	 * has loaded, the clicks and submissions it received and every form's fields as they
	 * would be sent.
	 */
	String report() {
		List<String> lines;
		synchronized (journal) {
			lines = List.copyOf(journal.subList(Math.max(0, journal.size() - REPORTED), journal.size()));
		}
		var report = new StringBuilder(String.join("\n", lines));
		for (var context : browser.contexts()) {
			for (var page : context.pages()) {
				report.append(String.format("%npage %08x now: ", System.identityHashCode(page)));
				try {
					report.append(page.evaluate(FORMS));
				}
				catch (RuntimeException ex) {
					report.append(ex.getMessage());
				}
			}
		}
		return report.toString();
	}

	/**
	 * The clicks and form submissions of a page as they reached it (where, on what, and
	 * whether a script stopped them), kept for the report.
	 */
	private static final String CLICKS = """
			(() => {
			  const events = window.__chiboEvents = [];
			  const describe = (e) => e && e.tagName ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			    + (e.getAttribute('type') ? '[' + e.getAttribute('type') + ']' : '') : String(e);
			  for (const type of ['pointerdown', 'click', 'submit']) {
			    window.addEventListener(type, (event) => events.push(Math.round(performance.now()) + ' ms ' + type + ' '
			      + describe(event.target) + (event.clientX !== undefined ? ' at ' + event.clientX + ',' + event.clientY : '')
			      + ' scrollY ' + Math.round(window.scrollY)), true);
			    window.addEventListener(type, (event) => events.push(Math.round(performance.now()) + ' ms ' + type
			      + ' done, prevented: ' + event.defaultPrevented), false);
			  }
			})();""";

	/** A page's address, state of loading and forms, as one line of JSON. */
	private static final String FORMS = """
			() => JSON.stringify({ url: location.href, readyState: document.readyState,
			  events: window.__chiboEvents, scrollY: window.scrollY,
			  forms: [...document.forms].map((form) => ({ action: form.getAttribute('action'),
			    valid: form.checkValidity(), fields: [...form.elements].filter((e) => e.name).map((e) =>
			      e.name + '=' + (e.type === 'file' ? e.files.length + ' file(s)' : String(e.value).slice(0, 40))
			      + (e.validity && !e.validity.valid ? ' (invalid)' : '')) })) })""";

	/** The journal of a test that is over. */
	void forget() {
		journal.clear();
	}

	void closeContexts() {
		for (var context : browser.contexts()) {
			context.close();
		}
	}

	List<String> consoleErrors() {
		return consoleErrors;
	}

	/** Where the help page's pictures are kept in the repository. */
	static final Path HELP_PICTURES = Path.of("src/main/resources/static/help");

	private static final Path SERVED_HELP_PICTURES = Path.of("target/classes/static/help");

	/**
	 * A picture of the screen for the help page (/help): always beside the screenshots;
	 * into the repository when it has none yet, or when the build is asked to refresh
	 * them ({@code mvn verify -Dchibo.help.refresh=true}), so that the guide shows the
	 * screens as they are.
	 */
	static void helpPicture(Page page, String name) {
		var options = new Page.ScreenshotOptions().setType(ScreenshotType.JPEG).setQuality(70);
		var picture = page.screenshot(options.setPath(SCREENSHOTS.resolve("help-" + name + ".jpg")));
		var kept = HELP_PICTURES.resolve(name + ".jpg");
		try {
			if (Boolean.getBoolean("chibo.help.refresh") || !Files.exists(kept)) {
				// Into the repository, and into the running build's classes to be served
				// now.
				for (var folder : List.of(HELP_PICTURES, SERVED_HELP_PICTURES)) {
					Files.createDirectories(folder);
					Files.write(folder.resolve(name + ".jpg"), picture);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
