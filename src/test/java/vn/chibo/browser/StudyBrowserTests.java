package vn.chibo.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.library.DocumentKind;
import vn.chibo.library.LibraryForm;
import vn.chibo.library.LibraryService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A study session as its people meet it: the office organises it for a branch and takes
 * the roll call with "everyone present"; a member writes the reflection on a phone and
 * hands it in; the branch secretary, on a phone too, opens it from the list and grades
 * it; the member then reads the grade.
 */
@ChiboTest
class StudyBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LibraryService library;

	@Test
	void aMemberWritesAReflectionOnAPhoneAndTheSecretaryGradesIt() {
		// A committee of its own, whose library holds the directive studied.
		var people = fixtures.people();
		var directive = new LibraryForm();
		directive.setNumber("05-CT/TW");
		directive.setKind(DocumentKind.DIRECTIVE);
		directive.setIssuer("Bộ Chính trị");
		directive.setIssuedOn(LocalDate.of(2016, 5, 15));
		directive.setTitle("Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
		library.create(people.committee().office(), directive, null);
		var branch = "Chi bộ Văn phòng";
		var today = LocalDate.now();
		var office = login(fixtures.account(people.committee().office()), 1280, 900);
		office.navigate(url("/study"));
		office.locator("#study-new").click();
		office.locator("#kind").selectOption("TOPIC");
		office.locator("#title").fill("Chuyên đề thử: làm theo Bác về tác phong nêu gương");
		office.locator("#documents").fill("05-CT/TW");
		office.locator("#heldOn").fill(today.format(DATE));
		office.locator("#startsAt").fill("8h00");
		office.getByLabel("Các chi bộ được chọn").check();
		office.getByLabel(branch, new Page.GetByLabelOptions().setExact(true)).check();
		office.locator("#questions").fill("Bản thân làm gì để nêu gương ở nơi làm việc?");
		office.locator("#reflectionDue").fill(today.plusDays(7).format(DATE));
		office.locator("#study-form button[type=submit]").click();
		assertThat(office.locator("#study-documents")).containsText("05-CT/TW");
		office.locator("#study-attendance").click();
		office.locator("#study-roster button").click();
		office.locator("#study-all-present button").click();
		assertThat(office.locator("#flash")).containsText("Đã ghi có mặt");
		Browser.screenshot(office, "study-roll-call");
		office.context().close();

		var memberLogin = fixtures.account(people.member());
		var member = login(memberLogin, 360, 740);
		member.navigate(url("/study"));
		var mine = member.locator("#study-mine li")
			.filter(new Locator.FilterOptions().setHasText("Chuyên đề thử: làm theo Bác về tác phong nêu gương"));
		assertThat(mine).containsText("Chưa nộp");
		assertAccessible(member);
		mine.locator("a").click();
		assertThat(member.locator("main")).containsText("Bản thân làm gì để nêu gương ở nơi làm việc?");
		member.locator("#body")
			.fill("Tôi sẽ đến cơ quan đúng giờ, làm xong việc trong ngày.\n\n"
					+ "Ở đội kiểm soát, tôi kèm cặp hai đồng chí mới về và nhắc nhau giữ kỷ luật.");
		assertAccessible(member);
		Browser.screenshot(member, "phone-study-reflection-write");
		member.locator("#reflection-submit").click();
		assertThat(member.locator("#flash")).containsText("Đã nộp bài thu hoạch");
		member.context().close();

		var secretary = login(fixtures.account(people.secretary()), 360, 740);
		secretary.navigate(url("/study"));
		secretary.locator("#study-sessions").getByText("Chuyên đề thử: làm theo Bác về tác phong nêu gương").click();
		secretary.locator("#study-reflections").click();
		assertThat(secretary.locator("#study-missing")).isVisible();
		assertAccessible(secretary);
		secretary.locator("#study-reflection-list a", new Page.LocatorOptions().setHasText("Đã nộp, chờ chấm"))
			.first()
			.click();
		assertThat(secretary.locator("#reflection-body")).containsText("kèm cặp hai đồng chí mới về");
		secretary.getByLabel("Tốt", new Page.GetByLabelOptions().setExact(true)).check();
		secretary.locator("#comment").fill("Liên hệ cụ thể, có việc làm rõ ràng.");
		assertAccessible(secretary);
		Browser.screenshot(secretary, "phone-study-reflection-grade");
		secretary.locator("#grade-save").click();
		assertThat(secretary.locator("#reflection-status")).hasText("Tốt");
		secretary.context().close();

		var again = login(memberLogin, 360, 740);
		again.navigate(url("/study"));
		assertThat(again.locator("#study-mine li")
			.filter(new Locator.FilterOptions().setHasText("Chuyên đề thử: làm theo Bác về tác phong nêu gương")))
			.containsText("Tốt");
		Browser.screenshot(again, "phone-study-mine");
		again.context().close();
	}

	@Test
	void theGraderSeesACopiedReflectionSideBySideWithItsSource() {
		var flagged = jdbc
			.sql("""
					select x.reflection_id, o.code from study_similarity x join study_reflection r
					on r.committee_id = x.committee_id and r.id = x.reflection_id
					join study_attendance a on a.committee_id = r.committee_id and a.session_id = r.session_id
						and a.member_id = r.member_id
					join organization o on o.committee_id = a.committee_id and o.id = a.branch_id
					where x.share >= 0.4 and x.other_reflection_id is not null order by x.share desc, x.reflection_id limit 1
					""")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		var secretary = login("bithu." + ((String) flagged[1]).toLowerCase(Locale.ROOT), 360, 740);
		secretary.navigate(url("/study/reflections/" + flagged[0]));
		assertThat(secretary.locator("#reflection-similar")).containsText("Trùng");
		assertThat(secretary.locator("#reflection-similar mark").first()).isVisible();
		assertAccessible(secretary);
		Browser.screenshot(secretary, "phone-study-reflection-copied");
		secretary.context().close();
	}

}
