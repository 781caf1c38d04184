package vn.chibo.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.training.CourseForm;
import vn.chibo.training.CourseKind;
import vn.chibo.training.CourseMode;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The training plan on a phone: the office opens this year's course, records a member's
 * completion with the certificate, and reads the theory levels by branch; the member
 * finds the course in its own training.
 */
@ChiboTest
class TrainingBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TrainingService training;

	@Test
	void theOfficeRecordsACompletionOnAPhoneAndTheLevelsShowIt() {
		// A committee of its own whose 2025 plan holds a party-work course that its
		// secretary completed.
		var people = fixtures.people();
		var committeeOffice = people.committee().office();
		var form = new CourseForm();
		form.setKind(CourseKind.PARTY_WORK);
		form.setTitle("Tập huấn nghiệp vụ công tác Đảng");
		form.setProvider("Ban Tổ chức Tỉnh ủy");
		form.setStartsOn(LocalDate.of(2025, 3, 3));
		form.setMode(CourseMode.FULL_TIME);
		var course = training.createCourse(committeeOffice, form);
		var done = training.propose(committeeOffice, course, people.secretary().memberId(), 2025, null);
		training.change(committeeOffice, done, EnrolmentStatus.COMPLETED, null, LocalDate.of(2025, 3, 7), null);
		var office = login(fixtures.account(committeeOffice), 360, 740);
		office.navigate(url("/training?year=2025"));
		assertThat(office.locator("#training-figures")).containsText("Kế hoạch năm 2025");
		assertAccessible(office);
		Browser.screenshot(office, "phone-training-plan");
		office.locator("#training-courses a")
			.filter(new Locator.FilterOptions().setHasText("Tập huấn nghiệp vụ công tác Đảng"))
			.first()
			.click();
		assertThat(office.locator("#training-enrolments")).containsText("Đã hoàn thành");
		office.locator("#memberId").selectOption(new SelectOption().setIndex(2));
		office.locator("#propose-form button").click();
		assertThat(office.locator("#flash")).containsText("Đã cử đảng viên đi học");
		var open = office.locator("#training-enrolments li")
			.filter(new Locator.FilterOptions().setHasText("Đề xuất"))
			.first();
		open.locator("select[name=status]").selectOption("COMPLETED");
		open.locator("input[name=completedOn]").fill("19/3/2025");
		open.locator("button").click();
		assertThat(office.locator("#flash")).containsText("Đã lưu tình trạng học tập");
		assertAccessible(office);
		Browser.screenshot(office, "phone-training-course");
		office.navigate(url("/training/levels"));
		assertThat(office.locator("#training-level-table")).containsText("Trung cấp");
		assertAccessible(office);
		Browser.screenshot(office, "phone-training-levels");
		office.context().close();
	}

}
