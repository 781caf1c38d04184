package vn.chibo.browser;

import java.nio.file.Files;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Chromium for each test class, logins as the demo accounts, and no console error on
 * any page. Tagged "browser": {@code mvn verify -DexcludedGroups=browser} runs everything
 * else. Browser test classes run side by side (docs/testing.md).
 */
@Tag("browser")
abstract class BrowserTestSupport {

	/**
	 * The Chromiums started for the run and not in use by a class: starting Playwright's
	 * driver and the browser costs a few seconds, so a class takes one left by another.
	 * Playwright is not safe for two threads at once: a browser serves one class at a
	 * time. Stopped when the test JVM exits.
	 */
	private static final Deque<Browser> IDLE = new ConcurrentLinkedDeque<>();

	/** The browser each running test class holds. */
	private static final Map<Class<?>, Browser> HELD = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	DemoUsers demo;

	@BeforeAll
	static void takeBrowser(TestInfo test) throws Exception {
		var taken = IDLE.poll();
		if (taken == null) {
			Files.createDirectories(Browser.SCREENSHOTS);
			taken = new Browser();
			Runtime.getRuntime().addShutdownHook(new Thread(taken::close));
		}
		HELD.put(test.getTestClass().orElseThrow(), taken);
	}

	/** A test class leaves no page open for the next, and gives its browser back. */
	@AfterAll
	static void giveBrowserBack(TestInfo test) {
		var held = HELD.remove(test.getTestClass().orElseThrow());
		held.closeContexts();
		held.consoleErrors().clear();
		IDLE.push(held);
	}

	/** The browser of this test class. */
	Browser browser() {
		return HELD.get(getClass());
	}

	/**
	 * A failed test prints what its pages asked and what their forms held at the end
	 * ({@link Browser#report()}): on the two busy cores a step may fail that passes
	 * alone, and its report is what is left to read.
	 */
	@RegisterExtension
	static final TestWatcher REPORT = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (context.getTestInstance().orElse(null) instanceof BrowserTestSupport test) {
				System.out.println("The browser in " + context.getDisplayName() + ":\n" + test.browser().report());
			}
		}

	};

	@BeforeEach
	void newJournal() {
		browser().forget();
	}

	/** Each test's own console errors: a failed test leaves none to the next. */
	@AfterEach
	void noConsoleErrors() {
		try {
			assertThat(browser().consoleErrors()).isEmpty();
		}
		finally {
			browser().consoleErrors().clear();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * The cookies of each user's signed-in session (sessions live in the database for
	 * hours): a later login of the user in a new browser context opens the start page
	 * with them instead of sending the login form again (about 0.6 s less a login on the
	 * 2-core machine; the suite logs in some 70 times, as about 20 users).
	 */
	private static final Map<String, String> SIGNED_IN = new ConcurrentHashMap<>();

	/**
	 * A new browser context of that size signed in as the user, on the start page: with
	 * the user's session from an earlier login where it still holds (not ended by a
	 * changed password or account), else through the login form.
	 */
	Page login(String username, int width, int height) {
		var state = SIGNED_IN.get(username);
		if (state != null) {
			var page = browser().page(width, height, state);
			page.navigate(url("/"));
			if (!page.url().contains("/login")) {
				return page;
			}
			page.context().close();
		}
		var page = formLogin(username, width, height);
		if (!page.url().contains("/login")) {
			SIGNED_IN.put(username, page.context().storageState());
		}
		return page;
	}

	/**
	 * A new browser context of that size signed in as the user through the login form.
	 */
	Page formLogin(String username, int width, int height) {
		var page = browser().page(width, height);
		page.navigate(url("/login"));
		page.getByLabel("Tên đăng nhập").fill(username);
		page.getByLabel("Mật khẩu").fill(DemoUsers.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
		// The form's answer, not the login page still shown: the start page, or the
		// login page with its message. Waiting for the load state alone may return before
		// the form is sent, and the next address then cuts the login short.
		var form = url("/login");
		page.waitForURL((address) -> !address.equals(form));
		page.waitForLoadState();
		return page;
	}

	/**
	 * The minutes' form filled and saved (held 14:00–16:00): chair and minute-taker by
	 * their logins, the information, the conclusions, the resolution and the votes for
	 * it.
	 */
	void saveMinutes(Page page, long meetingId, String chair, String minuteTaker, String information,
			String conclusions, String resolution, int votesFor) {
		saveMinutes(page, meetingId, Objects.requireNonNull(demo.user(chair).memberId()),
				Objects.requireNonNull(demo.user(minuteTaker).memberId()), information, conclusions, resolution,
				votesFor);
	}

	/** The same, the chair and the minute taker given as members. */
	void saveMinutes(Page page, long meetingId, long chairId, long minuteTakerId, String information,
			String conclusions, String resolution, int votesFor) {
		page.navigate(url("/meetings/" + meetingId + "/minutes"));
		page.locator("#startTime").fill("14:00");
		page.locator("#endTime").fill("16:00");
		page.locator("#chairMemberId").selectOption(String.valueOf(chairId));
		page.locator("#minuteTakerMemberId").selectOption(String.valueOf(minuteTakerId));
		page.locator("#information").fill(information);
		page.locator("#conclusions").fill(conclusions);
		page.locator("#resolution").fill(resolution);
		page.locator("#votesFor").fill(String.valueOf(votesFor));
		page.locator("#save-minutes").click();
		PlaywrightAssertions.assertThat(page.locator("#flash")).containsText("Đã lưu biên bản");
	}

	/** Every target of the previous meeting reviewed as met, as signing asks first. */
	static void reviewPreviousTargets(Page page) {
		var toReview = page.locator("#previous-targets > li").count();
		for (var i = 0; i < toReview; i++) {
			var target = page.locator("#previous-targets > li").nth(i);
			target.locator("input[value=true]").check();
			target.locator("button[type=submit]").click();
			// The reviewed state, not the radio's label of the same words: the page has
			// been read again after the review.
			PlaywrightAssertions.assertThat(page.locator("#previous-targets > li").nth(i).locator(".text-success"))
				.hasText("Đạt");
		}
	}

	/**
	 * What axe-core finds on the page as it is now (WCAG 2.1 A and AA rules): each
	 * violated rule with its impact and the first elements it names. Run in the page
	 * itself (chibo's pages hold no frames), where {@link Browser} has already loaded
	 * axe-core with the document; asking for the violations only, which are all that
	 * comes back.
	 */
	@SuppressWarnings("unchecked")
	static List<Violation> violations(Page page) {
		var found = (List<Map<String, Object>>) page.evaluate("""
				async () => {
					// The page as a person sees it: the parts it loads with htmx arrived,
					// swapped in and painted (up to 5 s), not half-way.
					const busy = '.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added';
					for (let waited = 0; waited < 5000 && document.querySelector(busy); waited += 25) {
						await new Promise(later => setTimeout(later, 25));
					}
					// And its transitions ended (up to 1 s): a button that comes to lie under
					// the pointer after a swap takes its hover colours over 0.15 s, and colours
					// read half-way fail the contrast rule.
					const moving = () => document.getAnimations().some(a => a.playState === 'running');
					for (let waited = 0; waited < 1000 && moving(); waited += 25) {
						await new Promise(later => setTimeout(later, 25));
					}
					await new Promise(painted => requestAnimationFrame(() => requestAnimationFrame(painted)));
					const result = await axe.run(document, {
						runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
						resultTypes: ['violations'] });
					return result.violations.map(v => ({ id: v.id, impact: v.impact || '',
						targets: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)) }));
				}""");
		return found.stream()
			.map((v) -> new Violation((String) v.get("id"), (String) v.get("impact"), (List<String>) v.get("targets")))
			.toList();
	}

	/** A rule axe-core finds broken: its id, its impact, the first elements it names. */
	record Violation(String id, String impact, List<String> targets) {

		boolean serious() {
			return impact.equals("serious") || impact.equals("critical");
		}

	}

	/**
	 * axe-core finds nothing to fix on the page as it is now (WCAG 2.1 A and AA rules).
	 */
	static void assertAccessible(Page page) {
		Assertions.assertThat(violations(page))
			.as("axe-core violations on " + page.url())
			.extracting((v) -> v.id() + ": " + v.targets())
			.isEmpty();
	}

}
