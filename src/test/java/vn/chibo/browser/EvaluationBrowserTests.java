package vn.chibo.browser;

import java.nio.file.Files;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;

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
		// The branch's months group by group of the rubric, as a chart and a table.
		assertThat(phone.locator("#breakdown thead th")).hasCount(9);
		phone.waitForFunction("() => document.querySelectorAll('.chart-box canvas').length === 3");
		Browser.screenshot(phone, "phone-evaluation-dashboard");
		phone.context().close();
	}

	@Test
	void theSuperiorCommitteeReadsItsCommitteesAndOneCommitteesBranches() {
		var observer = login("captren", 1280, 900);
		assertThat(observer.locator("h1")).containsText("các đảng bộ trực thuộc");
		assertThat(observer.locator("#superior-heatmap tbody tr")).hasCount(6);
		assertThat(observer.locator("nav")).not().containsText("Đảng viên");
		observer.locator("#sort").selectOption("weakest");
		observer.locator("main form button[type=submit]").first().click();
		assertThat(observer.locator("#sort")).hasValue("weakest");
		assertThat(observer.locator("#superior-heatmap tbody tr")).hasCount(6);
		observer.waitForFunction("() => document.querySelector('.chart-box canvas') !== null");
		Browser.screenshot(observer, "superior-overview");
		observer
			.locator("#superior-heatmap a", new Page.LocatorOptions().setHasText("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh"))
			.click();
		assertThat(observer.locator("h1")).containsText("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh");
		assertThat(observer.locator("#heatmap tbody tr")).hasCount(8);
		assertThat(observer.locator("#heatmap a[href^='/evaluation/meetings/']")).hasCount(0);
		Browser.screenshot(observer, "superior-committee");
		// A cell opens the meeting's explained score, read only, without links into the
		// committee's records.
		observer.locator("#heatmap a.cell-link").first().click();
		assertThat(observer.locator("h1")).containsText("Chất lượng buổi sinh hoạt thường kỳ");
		assertThat(observer.locator("table.criteria").first()).isVisible();
		assertThat(observer.locator("main a[href^='/meetings']")).hasCount(0);
		assertThat(observer.locator("form.manual-score, #rescore")).hasCount(0);
		Browser.screenshot(observer, "superior-meeting");
		observer.context().close();

		var phone = login("captren", 360, 740);
		assertThat(phone.locator("#superior-summary")).containsText("6 đảng bộ");
		Browser.screenshot(phone, "phone-superior-overview");
		phone.context().close();
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	/**
	 * On a committee of its own, so that the new version changes no other test's scores.
	 */
	@Test
	void theOfficeEditsARubricIntoANewVersionAndABadValueIsNamed() {
		var fixture = fixtures.committee();
		var committee = fixture.id();
		var office = login(fixtures.account(fixture.office()), 390, 844);
		office.navigate(url("/evaluation/rubrics"));
		office.locator("#rubric-" + rubricId(committee, "A-42HD", 1) + " a.rubric-edit").click();
		assertThat(office.locator("h1")).containsText("Bộ tiêu chí A");
		assertThat(office.locator("#groups0\\.criteria0\\.max")).hasValue("5");
		// Not a number: named by the criterion, nothing stored.
		office.locator("#groups0\\.criteria0\\.max").fill("năm");
		office.locator("#save-rubric").click();
		assertThat(office.locator(".alert-danger")).containsText("Tiêu chí 1.1");
		// Below a band's points (2.1 gives up to 4 by attendance): named by criterion and
		// band.
		office.locator("#groups0\\.criteria0\\.max").fill("8");
		office.locator("#groups1\\.criteria0\\.max").fill("3");
		office.locator("#save-rubric").click();
		assertThat(office.locator(".alert-danger")).containsText("Tiêu chí 2.1, bậc 1");
		Browser.screenshot(office, "phone-rubric-edit-error");
		Assertions.assertThat(rubricId(committee, "A-42HD", 2)).isZero();
		office.locator("#groups1\\.criteria0\\.max").fill("4,0");
		office.locator("#name").fill("Bộ tiêu chí A — sửa điểm thời lượng");
		office.locator("#levels1").fill("75");
		office.locator("#save-rubric").click();
		assertThat(office.locator("#flash")).containsText("Đã lưu phiên bản 2 của Bộ tiêu chí A");
		var edited = office.locator("#rubric-" + rubricId(committee, "A-42HD", 2));
		assertThat(edited).containsText("Bộ tiêu chí A — sửa điểm thời lượng");
		edited.locator("summary").click();
		assertThat(edited).containsText("tối đa 8,0 điểm");
		// Version 1 is as it was.
		assertThat(office.locator("#rubric-" + rubricId(committee, "A-42HD", 1))).not()
			.containsText("sửa điểm thời lượng");
		Assertions.assertThat(jdbc.sql("""
				select count(*) from audit_event where committee_id = :c and action = 'editRubric'
				and after_state ->> 'version' = '2' and after_state ->> 'fromVersion' = '1'
				""").param("c", committee).query(Long.class).single()).isOne();
		office.context().close();
	}

	private long rubricId(long committee, String code, int version) {
		return jdbc
			.sql("select coalesce(max(id), 0) from rubric where committee_id = :c and code = :code and version = :v")
			.param("c", committee)
			.param("code", code)
			.param("v", version)
			.query(Long.class)
			.single();
	}

	@Test
	void aBrokenRubricFileIsRefusedWithItsPlaceAndChangesNothing() throws Exception {
		var office = login(fixtures.account(fixtures.committee().office()), 1280, 900);
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
		var file = Files.createTempFile("rubric", ".json");
		Files.writeString(file, broken);
		office.locator("#rubric-file").setInputFiles(file);
		office.locator("#import-rubric").click();
		assertThat(office.locator("#flash")).containsText("groups[0].criteria[0].params.bands[0]");
		assertThat(office.locator(".rubric")).hasCount(before);
		// The kinds a rubric applies to read as words, not codes.
		assertThat(office.locator(".rubric").last()).containsText("Thường kỳ");
		assertThat(office.locator(".rubric").last()).not().containsText("REGULAR");
		Browser.screenshot(office, "rubric-import-error");
		Files.writeString(file, valid);
		office.locator("#rubric-file").setInputFiles(file);
		office.locator("#import-rubric").click();
		assertThat(office.locator("#flash")).containsText("Đã nhập bộ tiêu chí");
		assertThat(office.locator(".rubric")).hasCount(before + 1);
		office.context().close();
	}

}
