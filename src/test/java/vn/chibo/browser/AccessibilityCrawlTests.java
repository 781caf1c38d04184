package vn.chibo.browser;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.chibo.ChiboTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page a role reaches from its start page, on a phone and on a desktop (360
 * and 1280 px, each kind once at 1280 px, by the first role that reaches it): axe-core
 * finds no serious or critical violation (WCAG 2.1 A and AA rules). The crawl follows the
 * links of each page it opens, one page per kind of address (a meeting, not every
 * meeting), never a link that downloads, logs out or leaves chibo.
 */
@ChiboTest
class AccessibilityCrawlTests extends BrowserTestSupport {

	/** Pages of one kind share their address once numbers are taken out. */
	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private static final Pattern SKIPPED = Pattern.compile(
			"logout|\\.(pdf|docx|xlsx|csv|ics|png|jpg|json|atom|xml)|/download|/files/|/export|/api/|lang=|/webjars|/assets|/tin-tuc|/actuator|#");

	private static final int PAGES_PER_ROLE = 30;

	/** The kinds of page already checked at 1280 px, by any role. */
	private static final Set<String> DESKTOP_CHECKED = ConcurrentHashMap.newKeySet();

	@ParameterizedTest
	@ValueSource(strings = { "dangvien.cb02", "bithu.cb03", "vanphong", "ubkt", "captren" })
	void everyPageReachedFromTheStartPageIsAccessible(String username) {
		var page = login(username, 360, 740);
		var kinds = new LinkedHashSet<String>();
		var queue = new ArrayDeque<String>(List.of("/"));
		var problems = new TreeSet<String>();
		var visited = 0;
		while (!queue.isEmpty() && visited < PAGES_PER_ROLE) {
			var path = queue.poll();
			var response = page.navigate(url(path));
			visited++;
			if (response == null || response.status() >= 400
					|| !String.valueOf(response.headerValue("content-type")).contains("html")) {
				continue;
			}
			// The page on a phone; on a desktop too, the first time a role reaches its
			// kind
			// (the roles' pages of one kind share their layout).
			var desktop = DESKTOP_CHECKED.add(NUMBER.matcher(path).replaceAll("N"));
			for (var width : desktop ? new int[] { 360, 1280 } : new int[] { 360 }) {
				page.setViewportSize(width, (width < 1000) ? 740 : 900);
				for (var violation : violations(page)) {
					if (violation.serious()) {
						problems.add(username + " " + width + "px " + path + ": " + violation.id() + " "
								+ violation.targets());
					}
				}
			}
			page.setViewportSize(360, 740);
			for (var href : links(page)) {
				if (kinds.add(NUMBER.matcher(href).replaceAll("N"))) {
					queue.add(href);
				}
			}
		}
		assertThat(visited).as("pages visited as " + username).isGreaterThan(username.equals("captren") ? 2 : 10);
		page.context().close();
		assertThat(problems).isEmpty();
	}

	/** The check itself finds what it is there to find: faults planted in a page. */
	@Test
	void theCheckFindsFaultsPlantedInAPage() {
		var page = login("dangvien.cb02", 360, 740);
		assertThat(violations(page)).isEmpty();
		page.evaluate("""
				() => {
					const main = document.querySelector('main') || document.body;
					const image = document.createElement('img');
					const faint = document.createElement('p');
					faint.textContent = 'chữ mờ';
					faint.style.color = '#bbb';
					faint.style.background = '#fff';
					main.append(image, faint);
				}""");
		assertThat(violations(page)).extracting(Violation::id).contains("image-alt", "color-contrast");
		page.context().close();
	}

	@SuppressWarnings("unchecked")
	private Set<String> links(Page page) {
		var hrefs = (List<String>) page.evalOnSelectorAll("a[href]", "links => links.map(a => a.getAttribute('href'))");
		var kept = new LinkedHashSet<String>();
		for (var href : hrefs) {
			if (href != null && href.startsWith("/") && !href.startsWith("//") && !SKIPPED.matcher(href).find()) {
				kept.add(href);
			}
		}
		return kept;
	}

}
