package vn.chibo.browser;

import org.junit.jupiter.api.Test;

import vn.chibo.ChiboTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A branch secretary plans the year and adds a thematic meeting, on a phone. */
@ChiboTest
class MeetingBrowserTests extends BrowserTestSupport {

	@Test
	void aSecretaryPlansTheYearAndAddsAThematicMeeting() {
		var page = login("bithu.cb05", 360, 740);
		page.navigate(url("/meetings?year=2035&branchId=" + demo.branchId("CB05")));
		assertThat(page.locator("#plan-warnings")).containsText("tháng 1/2035");
		page.locator("#plan-year").click();
		assertThat(page.locator(".alert-success")).containsText("12");
		assertThat(page.locator("#plan-warnings")).not().containsText("tháng 1/2035");
		page.locator("#new-meeting").click();
		page.locator("#scheduledOn").fill("15/04/2035");
		page.locator("#startsAt").fill("14:00");
		page.locator("#topic").fill("Phòng, chống tham nhũng trong công tác hải quan");
		page.locator("#topicGroup").selectOption("ANTI_CORRUPTION");
		page.locator("#meeting-form button[type=submit]").click();
		assertThat(page.locator("#meeting-list")).containsText("Phòng, chống tham nhũng trong công tác hải quan");
		assertThat(page.locator("#plan-warnings")).not().containsText("quý 2/2035");
		Browser.screenshot(page, "phone-meeting-plan");
		page.locator("#meeting-list a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Chuyên đề"))
			.click();
		page.locator("#preparation summary").first().click();
		page.locator("#note-EXECUTIVE_MEETING").fill("Chi ủy họp ngày 10/4");
		page.locator("#preparation button[type=submit]").first().click();
		assertThat(page.locator("#preparation li").first()).containsText("bithu.cb05");
		Browser.screenshot(page, "phone-meeting-preparation");
		page.goBack();
		page.goBack();
		page.setViewportSize(1280, 900);
		Browser.screenshot(page, "meeting-plan");
		page.context().close();
	}

}
