package vn.chibo.browser;

import org.junit.jupiter.api.Test;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The committee's quality dashboard and the drill-down from a heat-map cell to a
 * meeting's explained score; a rescore.
 */
@ChiboTest
class EvaluationBrowserTests extends BrowserTestSupport {

	@Test
	void fromTheHeatMapToAMeetingsExplainedScoreAndARescore() {
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/evaluation?year=2025"));
		assertThat(office.locator("#heatmap tbody tr")).hasCount(8);
		assertThat(office.locator("#distribution")).isVisible();
		office.waitForFunction("() => document.querySelector('.chart-box canvas') !== null");
		Browser.screenshot(office, "evaluation-dashboard");
		office.locator("#heatmap tbody tr").first().locator("a.cell-link").last().click();
		assertThat(office.locator("h1")).containsText("Chất lượng buổi sinh hoạt thường kỳ");
		assertThat(office.locator("table.criteria").first()).containsText("Tỷ lệ chỉ tiêu nghị quyết tháng trước đạt");
		Browser.screenshot(office, "evaluation-meeting");
		office.locator("#rescore summary").click();
		office.locator("#rescore-reason").fill("Kiểm tra lại sau khi bổ sung biên bản");
		office.locator("#rescore button").click();
		assertThat(office.locator("#flash")).containsText("Đã chấm lại");
		office.context().close();

		var phone = login("bithu.cb06", 360, 740);
		phone.navigate(url("/evaluation?year=2026"));
		assertThat(phone.locator("#heatmap tbody tr")).hasCount(1);
		Browser.screenshot(phone, "phone-evaluation-dashboard");
		phone.context().close();
	}

}
