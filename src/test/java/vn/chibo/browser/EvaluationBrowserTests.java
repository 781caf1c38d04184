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
		assertThat(phone.locator("#trend tbody tr").first()).isVisible();
		phone.waitForFunction("() => document.querySelectorAll('.chart-box canvas').length === 2");
		Browser.screenshot(phone, "phone-evaluation-dashboard");
		phone.context().close();
	}

	@Test
	void theSuperiorCommitteeReadsItsCommitteesAndOneCommitteesBranches() {
		var observer = login("captren", 1280, 900);
		assertThat(observer.locator("h1")).containsText("các đảng bộ trực thuộc");
		assertThat(observer.locator("#province-heatmap tbody tr")).hasCount(6);
		assertThat(observer.locator("nav")).not().containsText("Đảng viên");
		observer.locator("#sort").selectOption("weakest");
		observer.locator("main form button[type=submit]").first().click();
		assertThat(observer.locator("#sort")).hasValue("weakest");
		assertThat(observer.locator("#province-heatmap tbody tr")).hasCount(6);
		observer.waitForFunction("() => document.querySelector('.chart-box canvas') !== null");
		Browser.screenshot(observer, "province-overview");
		observer
			.locator("#province-heatmap a",
					new com.microsoft.playwright.Page.LocatorOptions().setHasText("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh"))
			.click();
		assertThat(observer.locator("h1")).containsText("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh");
		assertThat(observer.locator("#heatmap tbody tr")).hasCount(8);
		assertThat(observer.locator("#heatmap a[href]")).hasCount(0);
		Browser.screenshot(observer, "province-committee");
		observer.context().close();

		var phone = login("captren", 360, 740);
		assertThat(phone.locator("#province-summary")).containsText("6 đảng bộ");
		Browser.screenshot(phone, "phone-province-overview");
		phone.context().close();
	}

	@Test
	void aBrokenRubricFileIsRefusedWithItsPlaceAndChangesNothing() throws Exception {
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/evaluation/rubrics"));
		var before = office.locator(".rubric").count();
		var valid = """
				{"code": "HT-17QDTU", "version": 1, "name": "Bộ tiêu chí của Tỉnh ủy (thử)", "mode": "POINTS",
				 "appliesTo": ["EXTRAORDINARY"], "validFrom": "2030-01-01", "validTo": null, "normalize": true,
				 "levels": [{"level": "GOOD", "min": 90}, {"level": "FAIR", "min": 70}, {"level": "AVERAGE", "min": 50},
				            {"level": "WEAK", "min": 0}],
				 "caps": [],
				 "groups": [{"code": "1", "name": "Dự sinh hoạt", "criteria": [
				   {"code": "1.1", "name": "Tỷ lệ dự", "max": 10, "rule": "ATTENDANCE",
				    "params": {"bands": [[90, 10], [0, 5]], "unexcusedPoints": 2}}]}]}
				""";
		var broken = valid.replace("[[90, 10], [0, 5]]", "[[90, 12], [0, 5]]");
		var file = java.nio.file.Files.createTempFile("rubric", ".json");
		java.nio.file.Files.writeString(file, broken);
		office.locator("#rubric-file").setInputFiles(file);
		office.locator("#import-rubric").click();
		assertThat(office.locator("#flash")).containsText("groups[0].criteria[0].params.bands[0]");
		assertThat(office.locator(".rubric")).hasCount(before);
		// The kinds a rubric applies to read as words, not codes.
		assertThat(office.locator(".rubric").last()).containsText("Thường kỳ");
		assertThat(office.locator(".rubric").last()).not().containsText("REGULAR");
		Browser.screenshot(office, "rubric-import-error");
		java.nio.file.Files.writeString(file, valid);
		office.locator("#rubric-file").setInputFiles(file);
		office.locator("#import-rubric").click();
		assertThat(office.locator("#flash")).containsText("Đã nhập bộ tiêu chí");
		assertThat(office.locator(".rubric")).hasCount(before + 1);
		office.context().close();
	}

}
