package vn.chibo.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.recognition.ContestRounds;
import vn.chibo.recognition.Contests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Commendations on a phone: the office records a certificate of merit for a member
 * through the form, finds it on the member's page, and reads the year's Party badge list;
 * the office scores this year's contest on a phone and the ranking follows.
 */
@ChiboTest
class RecognitionBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contests contests;

	@Autowired
	ContestRounds rounds;

	@Test
	void theOfficeRecordsAnAwardAndReadsTheBadgeList() {
		var people = fixtures.people();
		var member = people.member().memberId();
		var name = "Lê Thị Hoa";
		var office = login(fixtures.account(people.committee().office()), 360, 740);
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

	@Test
	void theOfficeScoresAContestRoundOnAPhoneAndTheRankingFollows() {
		// A committee of its own holding this year's contest of reporters, three entries,
		// two judges, the first of whom has handed in the first round's sheet.
		var people = fixtures.people();
		var committeeOffice = people.committee().office();
		var today = LocalDate.now();
		var criteria = List.of(new Contests.Criterion("Nội dung, kiến thức", new BigDecimal(50)),
				new Contests.Criterion("Xử lý tình huống", new BigDecimal(30)),
				new Contests.Criterion("Phong cách trình bày", new BigDecimal(20)));
		var contest = contests.create(committeeOffice,
				new Contests.Draft("Hội thi báo cáo viên giỏi năm " + today.getYear(), "Ban Chấp hành Đảng bộ",
						today.withDayOfYear(1), today.plusDays(30), null, List.of("Vòng sơ khảo", "Vòng chung khảo"),
						criteria, List.of("Nguyễn Hữu Đức", "Trần Thị Hương")));
		var first = new LinkedHashMap<String, String>();
		for (var entrant : List.of(people.secretary(), people.member(), people.otherSecretary())) {
			var entry = contests.enter(committeeOffice, contest, entrant.memberId(), null, null);
			first.put(entry + "-1", "40");
			first.put(entry + "-2", "24");
			first.put(entry + "-3", "16");
		}
		rounds.score(committeeOffice, contest, 1, 1, first);
		var office = login(fixtures.account(committeeOffice), 360, 740);
		office.navigate(url("/recognition"));
		office.locator("#recognition-contests").click();
		assertThat(office.locator("#contest-list")).containsText("Hội thi báo cáo viên giỏi");
		assertAccessible(office);
		office.navigate(url("/recognition/contests/" + contest));
		assertAccessible(office);
		// The second judge has not handed in the first round's sheet yet.
		office.locator("#contest-sheets a").nth(1).click();
		var boxes = office.locator("#score-sheet input[name^=score-]");
		assertThat(office.locator("h1")).containsText("Trần Thị Hương");
		assertAccessible(office);
		boxes.first().fill("55");
		office.locator("#score-sheet button[type=submit]").click();
		assertThat(office.locator(".alert-danger")).containsText("điểm phải từ 0 đến 50");
		for (var i = 0; i < boxes.count(); i++) {
			boxes.nth(i).fill((i % 3 == 0) ? "45,5" : (i % 3 == 1) ? "27" : "18");
		}
		Browser.screenshot(office, "phone-contest-score-sheet");
		office.locator("#score-sheet button[type=submit]").click();
		assertThat(office.locator("#flash")).containsText("Đã lưu");
		assertThat(office.locator("#contest-table tbody tr").first().locator("td").first()).hasText("1");
		Browser.screenshot(office, "phone-contest-ranking");
		office.context().close();
	}

}
