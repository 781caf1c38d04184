package vn.chibo.browser;

import java.time.Clock;
import java.time.LocalDate;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingService;
import vn.chibo.member.TheoryLevel;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Each role lands on its own start page after logging in, on a phone and on a desk: the
 * member's next meeting and work, the secretary's branch, the office's committee.
 */
@ChiboTest
class HomeBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MeetingService meetings;

	@Autowired
	Clock clock;

	/**
	 * A member of a committee of the test's own, whose branch meets in ten days (with the
	 * standard agenda): the member's user name. No other test changes that meeting.
	 */
	private String memberWithANextMeeting() {
		var committee = fixtures.committee();
		var member = fixtures.member(committee, committee.branch(1), "Lê Thị Hoa", TheoryLevel.ELEMENTARY);
		var form = new MeetingForm();
		form.setBranchId(committee.branch(1));
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.now(clock).plusDays(10));
		meetings.schedule(committee.secretary(1), form);
		return fixtures.account(committee.memberLogin(1, member));
	}

	@Test
	void aMemberLandsOnTheirNextMeetingAndWork() {
		var member = login(memberWithANextMeeting(), 360, 740);
		assertThat(member.locator("#home-next-meeting h2")).hasText("Buổi sinh hoạt tới");
		assertThat(member.locator("#home-my-work")).isVisible();
		assertThat(member.locator("#home-branch")).hasCount(0);
		assertAccessible(member);
		Browser.screenshot(member, "phone-home-member");
		// The next meeting opens from the start page.
		member.locator("#next-meeting-link").click();
		assertThat(member.locator("h1")).isVisible();
		Assertions.assertThat(member.url()).contains("/meetings/");
	}

	@Test
	void aSecretaryLandsOnTheBranchsWork() {
		var secretary = login("bithu.cb03", 360, 740);
		assertThat(secretary.locator("#home-branch h2")).hasText("Việc của chi bộ");
		assertAccessible(secretary);
		Browser.screenshot(secretary, "phone-home-secretary");
		// The folded menu shows the secretary's long name whole, within the phone's
		// width.
		secretary.locator(".navbar-toggler").click();
		assertThat(secretary.locator("#userMenu")).isVisible();
		Assertions.assertThat((Boolean) secretary.evaluate(
				"() => { const name = document.querySelector('#userMenu'); return name.scrollWidth <= name.clientWidth"
						+ " && name.getBoundingClientRect().right <= window.innerWidth; }"))
			.as("the user's name within the phone's width")
			.isTrue();
	}

	@Test
	void theOfficeLandsOnTheCommitteesWeek() {
		var office = login("vanphong", 1280, 900);
		assertThat(office.locator("#home-committee h2")).hasText("Việc của Đảng bộ");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-home-office");
		var phone = login("vanphong", 360, 740);
		assertAccessible(phone);
		Browser.screenshot(phone, "phone-home-office");
	}

	/**
	 * The office's menu — its longest — holds one line on a 1366 px laptop, the related
	 * pages grouped under nine headings at most.
	 */
	@Test
	void theMenuHoldsOneLineOnADeskWithItsPagesGrouped() {
		var office = login("vanphong", 1366, 768);
		Assertions.assertThat((Boolean) office.evaluate(
				"() => { const c = document.querySelector('nav .container-fluid'); return c.scrollWidth <= c.clientWidth; }"))
			.as("the menu fits the width")
			.isTrue();
		Assertions.assertThat(office.locator("nav").boundingBox().height).isLessThan(70);
		Assertions.assertThat(office.locator("#mainNav > ul.me-auto > li").count()).isLessThanOrEqualTo(9);
		office.locator("#nav-group-meetings").click();
		assertThat(office.locator("[aria-labelledby=nav-group-meetings] a")).hasCount(4);
		assertAccessible(office);
		Browser.screenshot(office, "desktop-menu-office");
		office.locator("[aria-labelledby=nav-group-meetings] a[href='/meetings']").click();
		Assertions.assertThat(office.url()).endsWith("/meetings");
	}

	@Test
	void theNextMeetingStaysReadableWithoutAConnection() {
		var member = login(memberWithANextMeeting(), 360, 740);
		var manifest = member.request().get(url("/manifest.webmanifest"));
		Assertions.assertThat(manifest.text()).contains("\"start_url\":\"/\"", "icon-512.png");
		var meeting = member.locator("#next-meeting-link").getAttribute("href");
		// The service worker keeps the start page and the next meeting once they are seen
		// online.
		member.waitForFunction("async (path) => !!(await (await caches.open('chibo-pages-v1')).match(path))", meeting);
		member.context().setOffline(true);
		member.navigate(url(meeting));
		assertThat(member.locator("#agenda-items li").first()).isVisible();
		Browser.screenshot(member, "phone-offline-meeting");
		member.navigate(url("/members"));
		assertThat(member.locator("#offline-text")).isVisible();
		// Checking in without a connection says that nothing was recorded.
		member.evaluate("""
				() => {
				  const form = document.createElement('form');
				  form.method = 'post';
				  form.action = '/check-in';
				  document.body.appendChild(form);
				  form.submit();
				}""");
		assertThat(member.locator("#offline-check-in")).isVisible();
		Browser.screenshot(member, "phone-offline-check-in");
		member.context().setOffline(false);
	}

}
