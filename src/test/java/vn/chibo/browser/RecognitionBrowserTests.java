package vn.chibo.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Commendations on a phone: the office records a certificate of merit for a member
 * through the form, finds it on the member's page, and reads the year's Party badge list.
 */
@ChiboTest
class RecognitionBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOfficeRecordsAnAwardAndReadsTheBadgeList() {
		var member = demo.memberOf("CB07", null);
		var name = demo.fullName(member).orElseThrow();
		var office = login("vanphong", 360, 740);
		office.navigate(url("/recognition/new"));
		office.locator("#title").fill("Hoàn thành xuất sắc nhiệm vụ năm 2025");
		office.locator("#issuer").fill("Đảng ủy Cục Hải quan tỉnh Hà Tĩnh");
		office.locator("#decisionNo").fill("07-QĐ/ĐU");
		office.locator("#decidedOn").fill("20/1/2026");
		office.locator("#memberId").selectOption(String.valueOf(member));
		assertAccessible(office);
		office.locator("#award-form button[type=submit]").click();
		assertThat(office.locator("#flash")).containsText("Đã ghi khen thưởng");
		assertThat(office.locator("#recognition-awards")).containsText(name);
		office.navigate(url("/members/" + member));
		assertThat(office.locator("#member-awards")).containsText("Hoàn thành xuất sắc nhiệm vụ năm 2025");
		assertAccessible(office);
		office.navigate(url("/recognition/badges?year=2026"));
		assertThat(office.locator("h1")).containsText("2026");
		assertAccessible(office);
		Browser.screenshot(office, "phone-recognition-badges");
		office.context().close();
	}

}
