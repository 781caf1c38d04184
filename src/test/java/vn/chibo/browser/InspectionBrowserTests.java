package vn.chibo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.inspection.supervision.Supervisions;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.minutes.MinutesForm;
import vn.chibo.member.Post;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Inspection on a phone, as the inspection committee works: the year's programme with
 * plan against done, a new item, its decision, the steps, the conclusion, the notice of
 * the conclusion as PDF, a remedy reported by the branch's secretary and verified; the
 * programme on a desktop.
 */
@ChiboTest
class InspectionBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	Fixtures fixtures;

	@Autowired
	Supervisions supervisions;

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingMinutes minutes;

	/**
	 * A committee of its own with a member of its inspection committee, and the second
	 * branch's secretary its committee's secretary: the insiders (docs/domain.md §10).
	 */
	private record Insiders(Fixtures.People people, String inspector, String chair) {
	}

	private Insiders insiders() {
		var people = fixtures.people();
		var committee = people.committee();
		fixtures.post(committee, Objects.requireNonNull(people.otherSecretary().memberId()), committee.grassroots(),
				Post.COMMITTEE_SECRETARY);
		return new Insiders(people, fixtures.account(fixtures.inspector(people)),
				fixtures.account(people.otherSecretary()));
	}

	@Test
	void fromTheProgrammeToTheRemedyVerifiedOnAPhone() throws Exception {
		var today = DATE.format(LocalDate.now());
		var insiders = insiders();
		var people = insiders.people();
		var ubkt = login(insiders.inspector(), 360, 740);
		ubkt.navigate(url("/inspection"));
		ubkt.locator("#inspection-new").click();
		ubkt.locator("#kind").selectOption("INSPECTION");
		ubkt.locator("#body").selectOption("INSPECTION_COMMITTEE");
		// Planned for a month gone by: overdue until decided.
		var month = LocalDate.now().minusMonths(1);
		ubkt.locator("#year").fill(String.valueOf(month.getYear()));
		ubkt.locator("#plannedMonth").selectOption(String.valueOf(month.getMonthValue()));
		ubkt.locator("#branchId").selectOption(String.valueOf(people.branch()));
		ubkt.locator("#content").fill("Kiểm tra việc chấp hành chế độ sinh hoạt chi bộ");
		ubkt.locator("#period").fill("Năm " + month.getYear());
		ubkt.locator("#leadName").fill("Đoàn Văn Trưởng");
		assertAccessible(ubkt);
		ubkt.locator("#inspection-form button[type=submit]").click();
		assertThat(ubkt.locator("#flash")).containsText("Đã thêm vào chương trình");
		assertThat(ubkt.locator("#inspection-status")).containsText("Quá hạn");
		var item = ubkt.url();
		ubkt.navigate(url("/inspection?year=" + month.getYear()));
		assertThat(ubkt.locator("#inspection-months")).isVisible();
		assertThat(ubkt.locator("#inspection-overdue")).containsText("quá tháng kế hoạch");
		assertAccessible(ubkt);
		Browser.screenshot(ubkt, "phone-inspection-programme");
		ubkt.navigate(item);
		ubkt.locator("#decisionNo").fill("45-QĐ/UBKT");
		ubkt.locator("#signer").fill("Hồ Thị Chủ Nhiệm");
		assertAccessible(ubkt);
		ubkt.locator("#decision-form button[type=submit]").click();
		assertThat(ubkt.locator("#inspection-decision")).containsText("45-QĐ/UBKT");
		assertThat(ubkt.locator("#inspection-status")).containsText("Đang tiến hành");
		ubkt.locator("#step").selectOption("SELF_REPORT");
		ubkt.locator("#doneOn").fill(today);
		ubkt.locator("#note").fill("Chi bộ nộp báo cáo tự kiểm tra");
		ubkt.locator("#step-form button[type=submit]").click();
		assertThat(ubkt.locator("#inspection-steps")).containsText("Báo cáo tự kiểm tra của đối tượng");
		ubkt.locator("#concludedOn").fill(today);
		ubkt.locator("#findings").fill("Chi bộ duy trì sinh hoạt đều đặn");
		ubkt.locator("#recommendations").fill("Nâng cao chất lượng sinh hoạt chuyên đề");
		assertAccessible(ubkt);
		ubkt.locator("#conclusion-form button[type=submit]").click();
		assertThat(ubkt.locator("#inspection-status")).containsText("Đã kết luận");
		ubkt.locator("#remedy-content").fill("Xây dựng kế hoạch sinh hoạt chuyên đề năm tới");
		ubkt.locator("#dueOn").fill(DATE.format(LocalDate.now().plusMonths(2)));
		ubkt.locator("#remedy-form button[type=submit]").click();
		assertThat(ubkt.locator("#remedy-list")).containsText("Xây dựng kế hoạch sinh hoạt chuyên đề");
		ubkt.locator("#notification-form button[type=submit]").click();
		assertThat(ubkt.locator("#flash")).containsText("Đã ghi bước");
		Browser.screenshot(ubkt, "phone-inspection-concluded");
		var download = ubkt
			.waitForDownload(() -> ubkt.locator("#inspection-documents a[href$='conclusion.docx']").click());
		Assertions.assertThat(download.suggestedFilename()).endsWith(".docx");
		var id = ubkt.url().replaceAll(".*/inspection/(\\d+).*", "$1");
		var pdf = ubkt.request().get(url("/inspection/" + id + "/conclusion.pdf"));
		Files.write(Path.of("target/screenshots/inspection-conclusion.pdf"), pdf.body());
		try (var read = Loader.loadPDF(pdf.body())) {
			Assertions.assertThat(new PDFTextStripper().getText(read))
				.contains("THÔNG BÁO KẾT LUẬN")
				.contains("Chi bộ Văn phòng")
				.contains("Chi bộ duy trì sinh hoạt đều đặn");
		}
		ubkt.context().close();

		// The branch's secretary reads the conclusion and reports the remedy done.
		var secretary = login(fixtures.account(people.secretary()), 360, 740);
		secretary.navigate(url("/inspection?year=" + month.getYear()));
		secretary.locator("#inspection-items a", new Page.LocatorOptions().setHasText("Chi bộ Văn phòng"))
			.first()
			.click();
		assertThat(secretary.locator("#inspection-conclusion")).containsText("Chi bộ duy trì sinh hoạt đều đặn");
		assertThat(secretary.locator("#inspection-steps")).hasCount(0);
		secretary.locator(".remedy-report textarea").first().fill("Chi bộ đã xây dựng kế hoạch");
		assertAccessible(secretary);
		secretary.locator(".remedy-report button[type=submit]").first().click();
		assertThat(secretary.locator("#remedy-list")).containsText("Đã báo cáo, chờ xác nhận");
		Browser.screenshot(secretary, "phone-inspection-remedy-reported");
		secretary.context().close();

		var chair = login(insiders.chair(), 360, 740);
		chair.navigate(url("/inspection/" + id));
		chair.locator(".remedy-verify button[type=submit]").first().click();
		assertThat(chair.locator("#remedy-list")).containsText("Đã xác nhận");
		assertAccessible(chair);
		chair.context().close();
	}

	@Test
	void theOfficeFollowsTheProgrammeOnADesktop() {
		var office = login("vanphong", 1280, 900);
		office.navigate(url("/inspection?year=" + (LocalDate.now().getYear() - 1)));
		assertThat(office.locator("#inspection-totals")).isVisible();
		assertThat(office.locator("#inspection-new")).hasCount(0);
		assertAccessible(office);
		Browser.screenshot(office, "desktop-inspection-programme");
		office.locator("#inspection-items a").first().click();
		assertThat(office.locator("#inspection-conclusion")).isVisible();
		assertThat(office.locator("#decision-form")).hasCount(0);
		assertAccessible(office);
		office.context().close();
	}

	@Test
	void aDisciplineCaseFromTheViolationToTheMembersPageOnAPhone() {
		var insiders = insiders();
		var member = insiders.people().member();
		var name = "Lê Thị Hoa";
		var today = DATE.format(LocalDate.now());
		var ubkt = login(insiders.inspector(), 360, 740);
		ubkt.navigate(url("/inspection"));
		ubkt.locator("#tab-discipline").click();
		assertAccessible(ubkt);
		ubkt.locator("#case-new").click();
		ubkt.locator("#memberId").selectOption(String.valueOf(member.memberId()));
		ubkt.locator("#violation").fill("Chậm nộp đảng phí 3 tháng trong năm");
		assertAccessible(ubkt);
		ubkt.locator("#case-form button[type=submit]").click();
		assertThat(ubkt.locator("#case-state")).containsText("Đang xem xét");
		assertThat(ubkt.locator("#self-review-form")).isVisible();
		assertThat(ubkt.locator("#appeal-form")).hasCount(0);
		ubkt.locator("#meeting-on").fill(today);
		ubkt.locator("#votesFor").fill("mười");
		ubkt.locator("#votesPresent").fill("12");
		ubkt.locator("#meeting-form button[type=submit]").click();
		assertThat(ubkt.locator("#flash")).containsText("Số phiếu đề nghị kỷ luật");
		ubkt.locator("#votesFor").fill("11");
		ubkt.locator("#votesPresent").fill("12");
		ubkt.locator("#meeting-form button[type=submit]").click();
		assertThat(ubkt.locator("#case-vote")).containsText("11/12");
		ubkt.locator("#form").selectOption("REPRIMAND");
		ubkt.locator("#decision-no").fill("02-QĐ/CB");
		assertAccessible(ubkt);
		ubkt.locator("#decision-form button[type=submit]").click();
		assertThat(ubkt.locator("#case-decision")).containsText("Khiển trách");
		assertThat(ubkt.locator("#self-review-form")).hasCount(0);
		assertThat(ubkt.locator("#appeal-form")).isVisible();
		Browser.screenshot(ubkt, "phone-discipline-case");
		ubkt.navigate(url("/inspection"));
		ubkt.locator("#tab-discipline").click();
		assertThat(ubkt.locator("#case-list")).containsText("Chậm nộp đảng phí 3 tháng trong năm");
		ubkt.context().close();
		// The demo's complaints, one answered late.
		var demoInspector = login("ubkt", 360, 740);
		demoInspector.navigate(url("/inspection/complaints?year=2025"));
		assertThat(demoInspector.locator("#complaint-list")).containsText("Trả lời quá hạn");
		assertAccessible(demoInspector);
		Browser.screenshot(demoInspector, "phone-complaints");
		demoInspector.context().close();

		var own = login(fixtures.account(member), 360, 740);
		own.navigate(url("/members/" + member.memberId()));
		assertThat(own.locator("#member-discipline")).containsText("Khiển trách");
		assertThat(own.locator("h1")).containsText(name);
		assertAccessible(own);
		own.context().close();
	}

	@Test
	void aSecretaryRecordsRegularSupervisionOnAPhoneAndTheOfficeReadsTheYearsReport() {
		// A committee whose target is 30 % and whose first branch held a meeting last
		// week.
		var people = fixtures.people();
		supervisions.setTarget(people.committee().office(), LocalDate.now().getYear(), 30);
		held(people, LocalDate.now().minusDays(7));
		var secretary = login(fixtures.account(people.secretary()), 360, 740);
		secretary.navigate(url("/inspection"));
		secretary.locator("#tab-supervision").click();
		assertThat(secretary.locator("#coverage-table")).containsText("dưới chỉ tiêu");
		secretary.locator("#memberId").selectOption(new SelectOption().setIndex(2));
		secretary.locator("#kind").selectOption("MEETING");
		secretary.locator("#meetingId").selectOption(new SelectOption().setIndex(1));
		secretary.locator("#note").fill("Đồng chí phát biểu xây dựng, nhận nhiệm vụ mới");
		secretary.locator("#recommendation").fill("Hoàn thành báo cáo chuyên đề trước kỳ sau");
		assertAccessible(secretary);
		secretary.locator("#note-form button[type=submit]").click();
		assertThat(secretary.locator("#flash")).containsText("Đã ghi lần giám sát");
		assertThat(secretary.locator("#note-list")).containsText("Đồng chí phát biểu xây dựng");
		secretary.locator(".follow-up-form input[name=text]").first().fill("Đã nộp báo cáo");
		secretary.locator(".follow-up-form button[type=submit]").first().click();
		assertThat(secretary.locator("#flash")).containsText("Đã ghi kết quả");
		Browser.screenshot(secretary, "phone-supervision");
		assertAccessible(secretary);
		secretary.context().close();

		var office = login("vanphong", 1280, 900);
		office.navigate(url("/inspection/report?year=2024"));
		assertThat(office.locator("#inspection-report")).containsText("Khiển trách");
		assertAccessible(office);
		Browser.screenshot(office, "desktop-inspection-report");
		office.context().close();
		var phone = login("vanphong", 360, 740);
		phone.navigate(url("/inspection/report?year=2022"));
		assertThat(phone.locator("#inspection-report")).containsText("1 cuộc kết luận có vi phạm");
		assertAccessible(phone);
		Browser.screenshot(phone, "phone-inspection-report");
		phone.context().close();
	}

	/** A meeting of the first branch held on the day, its minutes signed. */
	private void held(Fixtures.People people, LocalDate on) {
		var secretary = people.secretary();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(on);
		var id = meetings.schedule(secretary, form);
		attendance.snapshot(secretary, id);
		attendance.everyonePresent(secretary, id);
		var record = new MinutesForm();
		record.setVersion(0);
		record.setStartTime(LocalTime.of(14, 0));
		record.setEndTime(LocalTime.of(15, 30));
		record.setChairMemberId(secretary.memberId());
		record.setMinuteTakerMemberId(people.member().memberId());
		record.setConclusions("Kết luận");
		minutes.save(secretary, id, record);
		minutes.sign(secretary, id);
		minutes.sign(people.member(), id);
	}

}
