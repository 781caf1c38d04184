package vn.chibo.home;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.evaluation.EarlyWarnings;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.DocumentKind;
import vn.chibo.meeting.HeldMeeting;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.meeting.preparation.MeetingDocuments;
import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Each role starts on its own page: the member's next meeting with its agenda and shared
 * documents, open tasks and attendance; the secretary's branch work; the office's week.
 * Every figure is checked against the database, counted here independently.
 */
@ChiboTest
class HomeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EarlyWarnings warnings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingDocuments documents;

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/**
	 * A member of a branch that met twice lately (the member present once, absent once)
	 * and gave the member two tasks (one done), whose next meeting has a document shared
	 * with the members and one not yet shared.
	 */
	@Test
	void aMemberSeesTheNextMeetingTheirTasksAndAttendance() throws UnsupportedEncodingException {
		var people = fixtures.people();
		var committee = people.committee();
		var member = people.member();
		var secretary = people.secretary();
		var first = today().minusDays(33);
		var second = today().minusDays(3);
		fixtures.held(committee, people.branch(), first,
				Map.of(secretary.memberId(), AttendanceStatus.PRESENT, member.memberId(), AttendanceStatus.PRESENT),
				true,
				List.of(new HeldMeeting.Task(member.memberId(), "Nắm tình hình khu dân cư", today().plusDays(9),
						TaskStatus.OPEN),
						new HeldMeeting.Task(member.memberId(), "Nộp đảng phí quý", first.plusDays(5),
								TaskStatus.DONE)));
		fixtures.held(committee, people.branch(), second, Map.of(secretary.memberId(), AttendanceStatus.PRESENT,
				member.memberId(), AttendanceStatus.ABSENT_UNEXCUSED), false, List.of());
		var next = meetings.schedule(secretary, form(people.branch(), today().plusDays(4)));
		documents.upload(secretary, next, DocumentKind.DRAFT_RESOLUTION, "Dự thảo nghị quyết.docx", DOCX);
		documents.share(secretary, next);
		documents.upload(secretary, next, DocumentKind.DRAFT_CONTENT, "Dự thảo nội dung.docx", DOCX);
		var page = home(member);
		assertThat(page.getElementById("next-meeting-link").attr("href")).isEqualTo("/meetings/" + next);
		var agenda = jdbc.sql("select title from meeting_agenda_item where committee_id = :c and meeting_id = :m")
			.param("c", committee.id())
			.param("m", next)
			.query(String.class)
			.list();
		assertThat(agenda).isNotEmpty();
		assertThat(page.select("#next-agenda li").eachText()).containsExactlyInAnyOrderElementsOf(agenda);
		// Only documents shared with the members are offered.
		assertThat(page.select("#next-documents a.document-read").eachText())
			.containsExactly("Dự thảo nghị quyết.docx");
		assertThat(page.select("#my-open-tasks a").eachText()).containsExactly("Nắm tình hình khu dân cư");
		// The meetings of this year (both, unless the year began between them).
		var held = (first.getYear() == today().getYear()) ? 2 : 1;
		assertThat(page.getElementById("my-attendance").text()).contains("có mặt " + (held - 1) + "/" + held + " buổi");
		// A member keeps no branch and no committee.
		assertThat(page.getElementById("home-branch")).isNull();
		assertThat(page.getElementById("home-committee")).isNull();
	}

	/**
	 * A secretary's branch with two minutes not signed and one signed, beside another
	 * branch's unsigned minutes, and its next meeting with no preparation done yet.
	 */
	@Test
	void aSecretarySeesTheBranchsWorkAndNothingOfAnotherBranch() throws UnsupportedEncodingException {
		var people = fixtures.people();
		var committee = people.committee();
		var secretary = people.secretary();
		var present = Map.of(secretary.memberId(), AttendanceStatus.PRESENT, people.member().memberId(),
				AttendanceStatus.PRESENT);
		var older = fixtures.held(committee, people.branch(), today().minusDays(70), present, false, List.of());
		var newer = fixtures.held(committee, people.branch(), today().minusDays(40), present, false, List.of());
		fixtures.held(committee, people.branch(), today().minusDays(100), present, true, List.of());
		fixtures.held(committee, people.otherBranch(), today().minusDays(30),
				Map.of(people.otherSecretary().memberId(), AttendanceStatus.PRESENT), false, List.of());
		var next = meetings.schedule(secretary, form(people.branch(), today().plusDays(5)));
		var page = home(secretary);
		assertThat(page.getElementById("home-branch")).isNotNull();
		assertThat(page.getElementById("home-committee")).isNull();
		// Its own unsigned minutes, earliest first, each naming the branch.
		var unsigned = page.select("#home-branch .minutes-to-sign li");
		assertThat(unsigned.select("a").eachAttr("href")).containsExactly("/meetings/" + older + "/minutes",
				"/meetings/" + newer + "/minutes");
		assertThat(unsigned).allSatisfy((li) -> assertThat(li.text()).contains("Chi bộ Văn phòng"));
		assertThat(page.text()).doesNotContain("Chi bộ Nghiệp vụ");
		// The next meeting, with the four steps of its preparation still to do.
		assertThat(page.getElementById("next-meeting-link").attr("href")).isEqualTo("/meetings/" + next);
		assertThat(page.select("#steps-left li")).hasSize(4);
	}

	/**
	 * The office of a committee whose two branches meet this week (one of them twice) and
	 * again the week after.
	 */
	@Test
	void theOfficeSeesTheCommitteesWeek() throws UnsupportedEncodingException {
		var people = fixtures.people();
		var committee = people.committee();
		meetings.schedule(people.secretary(), form(people.branch(), today().plusDays(1)));
		meetings.schedule(people.secretary(), form(people.branch(), today().plusDays(6)));
		meetings.schedule(people.otherSecretary(), form(people.otherBranch(), today().plusDays(3)));
		meetings.schedule(people.otherSecretary(), form(people.otherBranch(), today().plusDays(8)));
		var office = committee.office();
		var page = home(office);
		assertThat(page.getElementById("home-committee")).isNotNull();
		assertThat(page.getElementById("home-branch")).isNull();
		assertThat(page.select("#week-meetings li").eachText()).hasSize(3)
			.allSatisfy((text) -> assertThat(text).matches("\\d{2}/\\d{2}/\\d{4} · .+"))
			.first()
			.asString()
			.startsWith(today().plusDays(1).format(DMY));
		assertThat(page.select("#home-committee a[href=/reports/year]")).hasSize(1);
		// What the committee should look at now, as the evaluation module finds it.
		assertThat(page.select("#home-committee .home-warnings li")).isNotEmpty()
			.hasSize(Math.min(warnings.warnings(office).size(), HomePage.SHOWN));
	}

	/**
	 * A committee whose branches all meet in the same week: the page lists the first ten,
	 * earliest first, and links to the meetings list for the rest.
	 */
	@Test
	void theOfficeSeesTheFirstTenMeetingsOfABusyWeek() throws UnsupportedEncodingException {
		var committee = fixtures.committee();
		for (var branch : committee.branches()) {
			jdbc.sql("""
					insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
					select :c, :b, 'REGULAR', cast(:today as date) + k, time '14:00', 'PLANNED', 'HD42_2025'
					from generate_series(0, 5) k
					""").param("c", committee.id()).param("b", branch).param("today", today()).update();
		}
		var page = home(committee.office());
		var shown = page.select("#week-meetings li");
		assertThat(shown).hasSize(HomePage.SHOWN);
		assertThat(shown.first().text()).startsWith(today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		assertThat(page.select("#week-more").text()).isEqualTo("… và 2 buổi khác: xem trong danh sách cuộc họp");
		assertThat(page.select("#week-more a").attr("href")).isEqualTo("/meetings?year=" + today().getYear());
	}

	/**
	 * A committee whose branches left many minutes unsigned: the page names how many,
	 * lists the first ten (the earliest) and links to the rest, instead of listing
	 * hundreds.
	 */
	@Test
	void theOfficeSeesTheFirstOfManyUnsignedMinutesAndHowManyThereAre() throws UnsupportedEncodingException {
		var committee = fixtures.committee();
		for (var branch : committee.branches()) {
			jdbc.sql(
					"""
							insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
							select :c, :b, 'REGULAR', (date_trunc('month', cast(:today as date)) - make_interval(months => k))::date + 9,
								time '14:00', 'HELD', 'HD42_2025'
							from generate_series(1, 8) k
							""")
				.param("c", committee.id())
				.param("b", branch)
				.param("today", today())
				.update();
		}
		var page = home(committee.office());
		var unsigned = 8 * committee.branches().size();
		assertThat(page.select("#home-committee h3:contains(Biên bản chưa ký đủ)").text())
			.isEqualTo("Biên bản chưa ký đủ: " + unsigned);
		var shown = page.select("#home-committee .minutes-to-sign li");
		assertThat(shown).hasSize(HomePage.SHOWN);
		// Earliest first: the oldest unsigned are the most overdue.
		assertThat(shown.getFirst().text()).startsWith(today().withDayOfMonth(10).minusMonths(8).format(DMY));
		// The rest in the meetings list, filtered to them.
		var more = page.select(
				"#home-committee .home-more a[href=/meetings?year=" + today().getYear() + "&past=true&unsigned=true]");
		assertThat(more.text())
			.isEqualTo("… và " + (unsigned - HomePage.SHOWN) + " biên bản khác: xem trong danh sách cuộc họp");
	}

	@Test
	void eachRoleReadsItsOwnGuideFirstFromEveryPage() throws UnsupportedEncodingException {
		var people = fixtures.people();
		var guides = new LinkedHashMap<CurrentUser, String>();
		guides.put(people.member(), "help-member");
		guides.put(people.secretary(), "help-secretary");
		guides.put(people.committee().office(), "help-office");
		guides.put(people.committee().observer(), "help-member");
		for (var login : guides.entrySet()) {
			var result = mvc.get().uri("/help").with(user(login.getKey())).header("Accept-Language", "vi").exchange();
			assertThat(result).hasStatusOk();
			var page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			var shown = page.select("details.help-guide");
			assertThat(shown).hasSize(3);
			assertThat(shown.first().id()).as(login.getKey().displayName()).isEqualTo(login.getValue());
			assertThat(shown.first().hasAttr("open")).isTrue();
			assertThat(shown.get(1).hasAttr("open")).isFalse();
			assertThat(shown.first().select("li")).hasSize(6);
			// The steps' pictures, taken by MonthWalkBrowserTests, are kept and served.
			var pictures = page.select("img.help-picture");
			assertThat(pictures).hasSize(17);
			for (var picture : pictures) {
				assertThat(mvc.get().uri(picture.attr("src"))).as(picture.attr("src"))
					.hasStatusOk()
					.hasContentType("image/jpeg");
				assertThat(picture.attr("alt")).startsWith("Màn hình: ");
			}
		}
		// The menu of every page leads to it.
		assertThat(home(people.member()).select("#nav-help").attr("href")).isEqualTo("/help");
	}

	/**
	 * The menu marks the heading of the page one is on, and the link to the page itself
	 * for assistive technology.
	 */
	@Test
	void theMenuMarksWhereOneIs() throws Exception {
		var office = fixtures.committee().office();
		var plan = page(office, "/meetings");
		assertThat(plan.select("#nav-group-meetings").hasClass("active")).isTrue();
		assertThat(plan.select("#mainNav .active")).hasSize(2);
		assertThat(plan.select("#mainNav [aria-current=page]")).extracting((link) -> link.attr("href"))
			.containsExactly("/meetings");
		var warnings = page(office, "/evaluation/warnings");
		assertThat(warnings.select("#nav-group-meetings").hasClass("active")).isTrue();
		assertThat(warnings.select("#mainNav [aria-current=page]")).extracting((link) -> link.attr("href"))
			.containsExactly("/evaluation/warnings");
		var organization = page(office, "/orgs");
		assertThat(organization.select("#mainNav .active")).extracting((link) -> link.attr("href"))
			.containsExactly("/orgs");
		assertThat(home(office).select("#mainNav .active, #mainNav [aria-current]")).isEmpty();
	}

	/**
	 * The menu is made once for a user on a page and reused (Menus): asked twice in
	 * turns, each user still sees their own name and the marks of the page they are on,
	 * in the language they ask for; its logout button posts the page's own form, which
	 * carries the session's token.
	 */
	@Test
	void eachUserSeesTheirOwnMenuInTheirLanguage() throws Exception {
		var people = fixtures.people();
		var office = people.committee().office();
		var secretary = people.secretary();
		for (var round = 0; round < 2; round++) {
			assertThat(page(office, "/members").select("#userMenu").text()).isEqualTo(office.displayName());
			var members = page(secretary, "/members");
			assertThat(members.select("#userMenu").text()).isEqualTo(secretary.displayName());
			assertThat(members.select("#mainNav [aria-current=page]")).extracting((link) -> link.attr("href"))
				.containsExactly("/members");
			assertThat(page(secretary, "/meetings").select("#mainNav [aria-current=page]"))
				.extracting((link) -> link.attr("href"))
				.containsExactly("/meetings");
			assertThat(page(secretary, "/members?lang=en").select("#mainNav a[href=/members]").text())
				.isEqualTo("Member list");
			assertThat(page(secretary, "/members?lang=vi").select("#mainNav a[href=/members]").text())
				.isEqualTo("Danh sách đảng viên");
		}
		var page = page(office, "/members");
		assertThat(page.select("#mainNav button[form=logout-form]").text()).isEqualTo("Đăng xuất");
		var logout = page.getElementById("logout-form");
		assertThat(logout).isNotNull();
		assertThat(logout.attr("action")).isEqualTo("/logout");
		assertThat(logout.select("input[name=_csrf]").attr("value")).isNotBlank();
	}

	private Document page(CurrentUser user, String path) throws UnsupportedEncodingException {
		var result = mvc.get().uri(path).with(user(user)).header("Accept-Language", "vi").exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private Document home(CurrentUser user) throws UnsupportedEncodingException {
		var result = mvc.get().uri("/").with(user(user)).header("Accept-Language", "vi").exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** A regular meeting of the branch on the day, at 14:00. */
	private static MeetingForm form(long branchId, LocalDate on) {
		return Fixtures.regularMeeting(branchId, on, 14);
	}

	/** The start of a Word file, as the upload checks it. */
	private static final byte[] DOCX = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 };

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

}
