package vn.chibo.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The year-end review as its people do it: a member's self-review on a phone on the
 * 100-point scale, the secretary's proposal, the office's decision with the quota shown
 * as the levels are chosen, the result on the member's page.
 */
@ChiboTest
class ClassificationBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Test
	void fromTheSelfReviewOnAPhoneToTheCommitteesDecisionUnderTheQuota() {
		var year = LocalDate.now().getYear();
		// A committee of its own whose first branch has fourteen members.
		var people = fixtures.people();
		for (var name : List.of("Trần Văn An", "Phạm Thị Bình", "Hoàng Văn Cường", "Võ Thị Dung", "Bùi Văn Đức",
				"Đặng Thị Hằng", "Ngô Văn Khoa", "Dương Thị Lan", "Lý Văn Minh", "Hồ Thị Nga", "Mai Văn Phúc",
				"Tạ Thị Quyên")) {
			fixtures.member(people.committee(), people.branch(), name, TheoryLevel.ELEMENTARY);
		}
		var member = people.member();
		var own = login(fixtures.account(member), 360, 740);
		own.navigate(url("/classification"));
		assertThat(own.locator("h1")).containsText("Tự kiểm điểm năm " + year);
		assertThat(own.locator("#self-facts")).containsText("Sinh hoạt chi bộ năm " + year + ": dự");
		assertThat(own.locator("#self-facts")).containsText("Học tập, quán triệt nghị quyết: dự");
		// The self-review starts from the draft chibo wrote; the member completes it.
		assertThat(own.locator("#text")).hasValue(Pattern.compile("^Sinh hoạt chi bộ năm " + year));
		assertAccessible(own);
		Browser.screenshot(own, "phone-classification-self-draft");
		own.locator("#score-1").fill("18");
		own.locator("#score-2").fill("18,5");
		own.locator("#score-3").fill("44");
		own.locator("#score-4").fill("8");
		own.locator("#text").fill("Hoàn thành tốt các nhiệm vụ được giao, tham gia đầy đủ sinh hoạt chi bộ.");
		assertAccessible(own);
		own.locator("#self-form button[type=submit]").click();
		assertThat(own.locator("#self-saved")).containsText("88,5 điểm, tự xếp loại Hoàn thành tốt nhiệm vụ");
		Browser.screenshot(own, "phone-classification-self");
		own.context().close();

		var secretary = login(fixtures.account(people.secretary()), 360, 740);
		secretary.navigate(url("/classification"));
		assertAccessible(secretary);
		secretary.locator("#classification-branches a").first().click();
		var row = secretary.locator("#member-" + member.memberId());
		assertThat(row).containsText("Tự chấm 88,5 điểm");
		row.locator("input[name=opinion]").fill("Chi bộ thống nhất");
		row.locator("button[type=submit]").click();
		assertThat(secretary.locator("#member-" + member.memberId()))
			.containsText("Chi bộ đề xuất: Hoàn thành tốt nhiệm vụ");
		assertAccessible(secretary);
		secretary.context().close();

		var office = login(fixtures.account(people.committee().office()), 1280, 900);
		office.navigate(url("/classification/branches/" + people.branch() + "?year=" + year));
		var live = office.locator("#quota-live");
		var selects = office.locator("#decision-form select");
		for (var i = 0; i < selects.count(); i++) {
			selects.nth(i).selectOption((i < 10) ? "GOOD" : "PASS");
		}
		selects.nth(10).selectOption("EXCELLENT");
		selects.nth(11).selectOption("EXCELLENT");
		assertThat(live).containsText("Hoàn thành xuất sắc: 2, tối đa 2");
		selects.nth(12).selectOption("EXCELLENT");
		assertThat(live).containsText("Hoàn thành xuất sắc: 3, tối đa 2");
		assertThat(live).hasClass(Pattern.compile("alert-danger"));
		assertAccessible(office);
		Browser.screenshot(office, "desktop-classification-quota");
		office.locator("#decision-form button[type=submit]").click();
		assertThat(office.locator("#flash")).containsText("Vượt tỷ lệ");
		office.locator("#decision-form select").nth(12).selectOption("PASS");
		office.locator("#decision-form button[type=submit]").click();
		assertThat(office.locator("#flash")).containsText("Đã ghi quyết định xếp loại");
		// A decided level changes only as an amendment with its reason.
		office.locator("#decision-form select").nth(12).selectOption("GOOD");
		office.locator("#decision-form button[type=submit]").click();
		assertThat(office.locator("#flash")).containsText("phải ghi lý do sửa quyết định");
		office.locator("#decision-form select").nth(12).selectOption("GOOD");
		office.locator("#amendmentReason").fill("Chi bộ báo cáo bổ sung thành tích trong năm.");
		office.locator("#decision-form button[type=submit]").click();
		assertThat(office.locator("#flash")).containsText("Đã ghi quyết định xếp loại");
		assertThat(office.locator("#review-list"))
			.containsText("Quyết định đã sửa từ Hoàn thành nhiệm vụ thành Hoàn thành tốt nhiệm vụ");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-classification-amended");
		office.navigate(url("/members/" + member.memberId()));
		assertThat(office.locator("#member-classification")).containsText("Năm " + year);
		// The decision is in the year's report, whose figures lead back to the branch.
		office.navigate(url("/reports/year?year=" + year));
		var report = office.locator("#year-report");
		assertThat(report).containsText("Đánh giá, xếp loại chất lượng đảng viên");
		office.locator("#year-report a[href='/classification/branches/" + people.branch() + "?year=" + year + "']")
			.first()
			.click();
		assertThat(office.locator("#decision-form")).isVisible();
		office.goBack();
		var docx = office.waitForDownload(() -> office.locator("#year-report-docx").click());
		Assertions.assertThat(docx.suggestedFilename()).isEqualTo("bao-cao-cong-tac-xay-dung-dang-" + year + ".docx");
		office.context().close();
	}

	@Test
	void aBranchWritesItsCollectiveReportOnAPhoneAndTheOfficeDecidesOnADesktop() {
		var people = fixtures.people();
		var secretary = login(fixtures.account(people.secretary()), 360, 740);
		secretary.navigate(url("/classification"));
		secretary.locator("#classification-organizations").click();
		var row = secretary.locator("#org-" + people.branch());
		// The collective report starts from the branch's year as chibo recorded it.
		assertThat(row.locator("textarea")).containsText("Năm " + LocalDate.now().getYear() + " tổ chức");
		assertThat(row.locator("textarea")).containsText("Học tập, quán triệt:");
		row.locator("select").selectOption("GOOD");
		assertAccessible(secretary);
		row.locator("button[type=submit]").click();
		assertThat(secretary.locator("#flash")).containsText("Đã lưu bản kiểm điểm tập thể");
		Browser.screenshot(secretary, "phone-classification-organisations");
		secretary.context().close();

		// The demo committee's last year, decided by the superior.
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/classification/organizations?year=" + (LocalDate.now().getYear() - 1)));
		assertThat(office.locator("#org-list")).containsText("Cấp trên quyết định");
		assertThat(office.locator("#org-list")).containsText("trong sạch, vững mạnh tiêu biểu");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-classification-organisations");
		office.context().close();

		var observer = login("captren", 360, 740);
		observer.navigate(url("/classification/superior?year=" + (LocalDate.now().getYear() - 1)));
		assertThat(observer.locator("#superior-table")).containsText("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh");
		assertAccessible(observer);
		Browser.screenshot(observer, "phone-classification-superior");
		observer.context().close();
	}

	@Test
	void theOfficeAddsItsOwnVersionOfTheRulesOnAPhone() {
		var office = login(fixtures.account(fixtures.committee().office()), 360, 740);
		office.navigate(url("/classification"));
		office.locator("#classification-rules-link").click();
		assertThat(office.locator("#rule-sets")).containsText("366-QĐ/TW");
		assertThat(office.locator("#rule-sets")).containsText("xuất sắc từ 90, tốt từ 70, hoàn thành từ 50 điểm");
		assertAccessible(office);
		Browser.screenshot(office, "phone-classification-rules");
		office.locator("#rule-sets section", new Page.LocatorOptions().setHasText("366-QĐ/TW"))
			.locator("a")
			.first()
			.click();
		assertThat(office.locator("#section-max-2")).hasValue("50");
		office.locator("#code").fill("09-QĐ/ĐU");
		office.locator("#name").fill("Quy định của Đảng ủy về đánh giá, xếp loại từ năm 2095");
		office.locator("#validFrom").fill("1/1/2095");
		office.locator("#validTo").fill("31/12/2095");
		office.locator("#quotaPercent").fill("25");
		office.locator("#goodMin").fill("72,5");
		office.locator("#rule-set-save").click();
		assertThat(office.locator("#form-errors")).containsText("Tỷ lệ xuất sắc từ 1 đến 20%.");
		assertAccessible(office);
		Browser.screenshot(office, "phone-classification-rule-form");
		office.locator("#quotaPercent").fill("15");
		office.locator("#rule-set-save").click();
		assertThat(office.locator("#flash")).containsText("Đã thêm phiên bản 09-QĐ/ĐU");
		assertThat(office.locator("#rule-sets")).containsText("tốt từ 72,5");
		office.context().close();
	}

	@Test
	void aSecretaryReadsLastYearsProposalsAsVotedAtTheReviewMeeting() {
		var year = LocalDate.now().getYear() - 1;
		var secretary = login("bithu.cb07", 360, 740);
		secretary.navigate(url("/classification/branches/" + demo.branchId("CB07") + "?year=" + year));
		assertThat(secretary.locator("#review-meetings")).containsText("Cuộc họp kiểm điểm cuối năm: ngày");
		assertThat(secretary.locator("#review-list")).containsText("Biểu quyết tại cuộc họp kiểm điểm ngày");
		assertAccessible(secretary);
		Browser.screenshot(secretary, "phone-classification-review-meeting");
		secretary.locator("#review-meeting-link").click();
		assertThat(secretary.locator("main")).containsText("Sinh hoạt kiểm điểm cuối năm ngày");
		assertAccessible(secretary);
		secretary.context().close();
	}

}
