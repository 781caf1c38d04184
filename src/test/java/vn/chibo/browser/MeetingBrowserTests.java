package vn.chibo.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.TestImages;
import vn.chibo.member.TheoryLevel;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A branch secretary plans the year and adds a thematic meeting, on a phone. */
@ChiboTest
class MeetingBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Test
	void aSecretaryPlansTheYearAndAddsAThematicMeeting() {
		var people = fixtures.people();
		var secretaryLogin = fixtures.account(people.secretary());
		var page = login(secretaryLogin, 360, 740);
		page.navigate(url("/meetings?year=2035&branchId=" + people.branch()));
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
		page.locator("#meeting-list a", new Page.LocatorOptions().setHasText("Chuyên đề")).click();
		page.locator("#preparation summary").first().click();
		page.locator("#note-EXECUTIVE_MEETING").fill("Chi ủy họp ngày 10/4");
		page.locator("#preparation button[type=submit]").first().click();
		assertThat(page.locator("#preparation li").first()).containsText(secretaryLogin);
		Browser.screenshot(page, "phone-meeting-preparation");
		page.goBack();
		page.goBack();
		page.setViewportSize(1280, 900);
		Browser.screenshot(page, "meeting-plan");
		page.context().close();
	}

	@Test
	void aSecretaryCallsTheRollAndAMemberChecksInWithTheQrCode() throws Exception {
		// A branch of four: its secretary, Lê Thị Hoa who checks in, and two more.
		var people = fixtures.people();
		for (var name : List.of("Trần Văn An", "Phạm Thị Bình")) {
			fixtures.member(people.committee(), people.branch(), name, TheoryLevel.ELEMENTARY);
		}
		var secretary = login(fixtures.account(people.secretary()), 360, 740);
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		secretary.navigate(url("/meetings/new?branchId=" + people.branch()));
		secretary.locator("#kind").selectOption("EXTRAORDINARY");
		secretary.locator("#scheduledOn").fill(today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		secretary.locator("#place").fill("Hội trường tầng 2");
		secretary.locator("#meeting-form button[type=submit]").click();
		secretary.locator("#meeting-list a", new Page.LocatorOptions().setHasText("Bất thường")).first().click();
		assertThat(secretary.locator("#agenda-items li")).hasCount(5);
		secretary.locator("#open-attendance").click();
		var memberName = "Lê Thị Hoa";
		var others = secretary.locator("#roll li").filter(new Locator.FilterOptions().setHasNotText(memberName));
		// The reason typed first, then "absent with reason" tapped: both are kept.
		var first = others.first();
		var firstId = first.getAttribute("id");
		first.locator("input[name=reason]").fill("Đi công tác tỉnh");
		first.locator("label", new Locator.LocatorOptions().setHasText("Vắng có LD")).click();
		assertThat(secretary.locator("#" + firstId)).containsText("Vắng có lý do — Đi công tác tỉnh");
		assertThat(secretary.locator("#counts")).containsText("Vắng có lý do: 1");
		// Tapped without a reason: the message stands in the row, next to what is
		// missing.
		var second = others.nth(1);
		var secondId = second.getAttribute("id");
		var secondName = second.locator("strong").textContent();
		second.locator("label", new Locator.LocatorOptions().setHasText("Vắng có LD")).click();
		assertThat(secretary.locator("#" + secondId + " .row-error")).containsText(secondName);
		secretary.locator("#" + secondId + " input[name=reason]").fill("Ốm");
		secretary.locator("#" + secondId + " button[type=submit]").click();
		assertThat(secretary.locator("#" + secondId)).containsText("Vắng có lý do — Ốm");
		assertThat(secretary.locator("#" + secondId + " .row-error")).hasCount(0);
		assertThat(secretary.locator("#counts")).containsText("Vắng có lý do: 2");
		Browser.screenshot(secretary, "phone-meeting-roll-call");
		assertAccessible(secretary);
		var tapTarget = secretary.locator("#" + firstId + " .status-choices label").first().boundingBox();
		Assertions.assertThat(tapTarget.height).isGreaterThanOrEqualTo(44);

		secretary.locator("#show-qr").click();
		assertThat(secretary.locator("#qr-image")).isVisible();
		secretary.waitForFunction("() => document.getElementById('qr-image').naturalWidth > 0");
		Browser.screenshot(secretary, "phone-meeting-qr");
		var png = secretary.request().get(secretary.locator("#qr-image").evaluate("img => img.src").toString());
		var checkInUrl = TestImages.qrText(png.body());

		var member = login(fixtures.account(people.member()), 360, 740);
		member.navigate(checkInUrl);
		assertThat(member.locator("main")).containsText("Chi bộ Văn phòng");
		Browser.screenshot(member, "phone-meeting-check-in-confirm");
		member.locator("#check-in-button").click();
		assertThat(member.locator("#check-in-done")).containsText("Đã điểm danh có mặt");
		Browser.screenshot(member, "phone-meeting-check-in");
		member.navigate(checkInUrl);
		member.locator("#check-in-button").click();
		assertThat(member.locator("#check-in-error")).containsText("đã điểm danh lúc");
		member.context().close();

		secretary.locator("a", new Page.LocatorOptions().setHasText("Về trang điểm danh")).click();
		assertThat(secretary.locator("#roll")).containsText("tự điểm danh lúc");
		// Everyone else present in one tap; the exceptions and the check-in stay.
		secretary.locator("#everyone-present").click();
		assertThat(secretary.locator("#flash")).containsText("Đã ghi có mặt");
		assertThat(secretary.locator("#everyone-present")).hasCount(0);
		assertThat(secretary.locator("#" + firstId)).containsText("Vắng có lý do — Đi công tác tỉnh");
		assertThat(secretary.locator("#" + secondId)).containsText("Vắng có lý do — Ốm");
		assertThat(secretary.locator("#roll")).containsText("tự điểm danh lúc");
		assertThat(secretary.locator("#counts")).containsText("chưa điểm danh: 0");
		secretary.setViewportSize(1280, 900);
		Browser.screenshot(secretary, "meeting-attendance");
		secretary.context().close();
	}

}
