package vn.chibo.home;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.evaluation.EarlyWarnings;
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
	DemoUsers demo;

	@Autowired
	EarlyWarnings warnings;

	@Autowired
	Fixtures fixtures;

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Test
	void aMemberSeesTheNextMeetingTheirTasksAndAttendance() throws UnsupportedEncodingException {
		var member = demo.user("dangvien.cb02");
		var page = home(member);
		var branch = jdbc.sql("select branch_id from member where committee_id = :c and id = :m")
			.param("c", member.committeeId())
			.param("m", member.memberId())
			.query(Long.class)
			.single();
		var next = jdbc.sql("""
				select id from meeting where committee_id = :c and branch_id = :b and scheduled_on >= :today
				and status <> 'CANCELLED' order by scheduled_on, id limit 1
				""")
			.param("c", member.committeeId())
			.param("b", branch)
			.param("today", today())
			.query(Long.class)
			.single();
		assertThat(page.getElementById("next-meeting-link").attr("href")).isEqualTo("/meetings/" + next);
		var agenda = jdbc.sql("select title from meeting_agenda_item where committee_id = :c and meeting_id = :m")
			.param("c", member.committeeId())
			.param("m", next)
			.query(String.class)
			.list();
		assertThat(page.select("#next-agenda li").eachText()).containsExactlyInAnyOrderElementsOf(agenda);
		// Only documents shared with the members are offered.
		var shared = jdbc
			.sql("""
					select file_name from meeting_document where committee_id = :c and meeting_id = :m and shared_at is not null
					""")
			.param("c", member.committeeId())
			.param("m", next)
			.query(String.class)
			.list();
		assertThat(page.select("#next-documents a.document-read").eachText())
			.containsExactlyInAnyOrderElementsOf(shared);
		var open = jdbc
			.sql("select content from meeting_task where committee_id = :c and member_id = :m and status = 'OPEN'")
			.param("c", member.committeeId())
			.param("m", member.memberId())
			.query(String.class)
			.list();
		assertThat(page.select("#my-open-tasks a").eachText()).containsExactlyInAnyOrderElementsOf(open);
		var present = jdbc.sql("""
				select count(*) filter (where a.status in ('PRESENT', 'LATE')), count(*) from meeting_attendance a
				join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
				where a.committee_id = :c and a.member_id = :m and g.status <> 'CANCELLED' and a.status is not null
				and not a.exempted and not a.temporary_out and extract(year from g.scheduled_on) = :year
				""")
			.param("c", member.committeeId())
			.param("m", member.memberId())
			.param("year", today().getYear())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		assertThat(page.getElementById("my-attendance").text())
			.contains("có mặt " + present[0] + "/" + present[1] + " buổi");
		// A member keeps no branch and no committee.
		assertThat(page.getElementById("home-branch")).isNull();
		assertThat(page.getElementById("home-committee")).isNull();
	}

	@Test
	void aSecretarySeesTheBranchsWorkAndNothingOfAnotherBranch() throws UnsupportedEncodingException {
		var secretary = demo.user("bithu.cb03");
		var page = home(secretary);
		assertThat(page.getElementById("home-branch")).isNotNull();
		assertThat(page.getElementById("home-committee")).isNull();
		var unsigned = jdbc
			.sql("""
					select count(*) from meeting g where g.committee_id = :c and g.branch_id = :b
					and g.scheduled_on >= :since and g.scheduled_on < :today and g.status <> 'CANCELLED'
					and not exists (select 1 from meeting_minutes n where n.committee_id = g.committee_id and n.meeting_id = g.id
						and n.chair_signed_at is not null and n.taker_signed_at is not null)
					""")
			.param("c", secretary.committeeId())
			.param("b", demo.branchId("CB03"))
			.param("since", today().minusMonths(12))
			.param("today", today())
			.query(Long.class)
			.single();
		assertThat(page.select("#home-branch .minutes-to-sign li"))
			.hasSize(Math.min(unsigned.intValue(), HomePage.SHOWN));
		var branchName = jdbc.sql("select name from organization where id = :b")
			.param("b", demo.branchId("CB03"))
			.query(String.class)
			.single();
		assertThat(page.select("#home-branch .minutes-to-sign li"))
			.allSatisfy((li) -> assertThat(li.text()).contains(branchName));
		var next = page.getElementById("next-meeting-link");
		if (next != null) {
			var meetingId = Long.parseLong(next.attr("href").replace("/meetings/", ""));
			var done = jdbc.sql("select count(*) from meeting_preparation where committee_id = :c and meeting_id = :m")
				.param("c", secretary.committeeId())
				.param("m", meetingId)
				.query(Long.class)
				.single();
			assertThat(page.select("#steps-left li")).hasSize(4 - done.intValue());
		}
	}

	@Test
	void theOfficeSeesTheCommitteesWeek() throws UnsupportedEncodingException {
		var office = demo.user("vanphong");
		var page = home(office);
		assertThat(page.getElementById("home-committee")).isNotNull();
		assertThat(page.getElementById("home-branch")).isNull();
		var week = jdbc
			.sql("""
					select count(*) from meeting g join organization o on o.committee_id = g.committee_id and o.id = g.branch_id
					where g.committee_id = :c and g.scheduled_on between :today and :last and g.status <> 'CANCELLED'
					""")
			.param("c", office.committeeId())
			.param("today", today())
			.param("last", today().plusDays(6))
			.query(Long.class)
			.single();
		assertThat(page.select("#week-meetings li")).hasSize(Math.min(week.intValue(), HomePage.SHOWN));
		page.select("#week-meetings li").forEach((li) -> assertThat(li.text()).matches("\\d{2}/\\d{2}/\\d{4} · .+"));
		assertThat(page.select("#home-committee a[href=/reports/year]")).hasSize(1);
		// What the committee should look at now, as the evaluation module finds it.
		assertThat(page.select("#home-committee .home-warnings li"))
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
		for (var login : new String[][] { { "dangvien.cb02", "help-member" }, { "bithu.cb03", "help-secretary" },
				{ "vanphong", "help-office" }, { "captren", "help-member" } }) {
			var result = mvc.get()
				.uri("/help")
				.with(user(demo.user(login[0])))
				.header("Accept-Language", "vi")
				.exchange();
			assertThat(result).hasStatusOk();
			var page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			var guides = page.select("details.help-guide");
			assertThat(guides).hasSize(3);
			assertThat(guides.first().id()).as(login[0]).isEqualTo(login[1]);
			assertThat(guides.first().hasAttr("open")).isTrue();
			assertThat(guides.get(1).hasAttr("open")).isFalse();
			assertThat(guides.first().select("li")).hasSize(6);
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
		assertThat(home(demo.user("dangvien.cb02")).select("#nav-help").attr("href")).isEqualTo("/help");
	}

	/**
	 * The menu marks the heading of the page one is on, and the link to the page itself
	 * for assistive technology.
	 */
	@Test
	void theMenuMarksWhereOneIs() throws Exception {
		var office = demo.user("vanphong");
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

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

}
