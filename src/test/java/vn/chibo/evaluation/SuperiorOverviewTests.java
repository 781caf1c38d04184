package vn.chibo.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.account.AccountService;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrganizationService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.evaluation.superior.SuperiorOverview;
import vn.chibo.evaluation.superior.SuperiorQueries;
import vn.chibo.evaluation.score.ScoreKeeper;

/**
 * The superior committee's overview (docs/domain.md §6): its aggregates stay exact, it
 * shows only the committees under it, and its observers read nothing else.
 */
@ChiboTest
class SuperiorOverviewTests {

	@Autowired
	SuperiorQueries superior;

	@Autowired
	Evaluations evaluations;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	OrganizationService organizations;

	@Autowired
	AccountService accounts;

	@Autowired
	Fixtures fixtures;

	/** Rows where the kept aggregates and a fresh count from the scores differ. */
	private long differences() {
		var months = jdbc
			.sql("""
					select count(*) from (
						(select committee_id, month, kind, meetings, graded, percent_sum, good, fair, average, weak, pass, fail
						from score_month where meetings <> 0
						except
						select committee_id, date_trunc('month', scheduled_on)::date, kind, count(*),
						count(*) filter (where level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')),
						coalesce(sum(percent) filter (where level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')), 0),
						count(*) filter (where level = 'GOOD'), count(*) filter (where level = 'FAIR'),
						count(*) filter (where level = 'AVERAGE'), count(*) filter (where level = 'WEAK'),
						count(*) filter (where level = 'PASS'), count(*) filter (where level = 'FAIL')
						from meeting_score group by 1, 2, 3)
						union all
						(select committee_id, date_trunc('month', scheduled_on)::date, kind, count(*),
						count(*) filter (where level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')),
						coalesce(sum(percent) filter (where level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')), 0),
						count(*) filter (where level = 'GOOD'), count(*) filter (where level = 'FAIR'),
						count(*) filter (where level = 'AVERAGE'), count(*) filter (where level = 'WEAK'),
						count(*) filter (where level = 'PASS'), count(*) filter (where level = 'FAIL')
						from meeting_score group by 1, 2, 3
						except
						select committee_id, month, kind, meetings, graded, percent_sum, good, fair, average, weak, pass, fail
						from score_month where meetings <> 0)) d
					""")
			.query(Long.class)
			.single();
		var criteria = jdbc.sql("""
				select count(*) from (
					(select committee_id, month, rubric_code, criterion, lines, loss_sum from score_criterion_month
					where lines <> 0
					except
					select committee_id, date_trunc('month', scheduled_on)::date, rubric_code, criterion, count(*),
					sum(max - points) from meeting_score_line group by 1, 2, 3, 4)
					union all
					(select committee_id, date_trunc('month', scheduled_on)::date, rubric_code, criterion, count(*),
					sum(max - points) from meeting_score_line group by 1, 2, 3, 4
					except
					select committee_id, month, rubric_code, criterion, lines, loss_sum from score_criterion_month
					where lines <> 0)) d
				""").query(Long.class).single();
		var years = jdbc.sql("""
				select count(*) from (
					(select committee_id, year, rubric_code, criterion, lines, loss_sum from score_criterion_year
					where lines <> 0
					except
					select committee_id, extract(year from scheduled_on)::int, rubric_code, criterion, count(*),
					sum(max - points) from meeting_score_line group by 1, 2, 3, 4)
					union all
					(select committee_id, extract(year from scheduled_on)::int, rubric_code, criterion, count(*),
					sum(max - points) from meeting_score_line group by 1, 2, 3, 4
					except
					select committee_id, year, rubric_code, criterion, lines, loss_sum from score_criterion_year
					where lines <> 0)) d
				""").query(Long.class).single();
		var branchYears = jdbc
			.sql("""
					select count(*) from (
						(select committee_id, year, branch_id, rubric_code, criterion, lines, loss_sum
						from score_criterion_branch_year where lines <> 0
						except
						select committee_id, extract(year from scheduled_on)::int, branch_id, rubric_code, criterion, count(*),
						sum(max - points) from meeting_score_line group by 1, 2, 3, 4, 5)
						union all
						(select committee_id, extract(year from scheduled_on)::int, branch_id, rubric_code, criterion, count(*),
						sum(max - points) from meeting_score_line group by 1, 2, 3, 4, 5
						except
						select committee_id, year, branch_id, rubric_code, criterion, lines, loss_sum
						from score_criterion_branch_year where lines <> 0)) d
					""")
			.query(Long.class)
			.single();
		return months + criteria + years + branchYears;
	}

	@Test
	void theMonthlyAggregatesStayExactThroughRescoreAndDeletion() {
		assertThat(jdbc.sql("select count(*) from score_month where meetings > 0").query(Long.class).single())
			.isGreaterThan(100);
		assertThat(differences()).isZero();
		var office = demo.user("vanphong");
		var meeting = jdbc.sql("""
				select meeting_id from meeting_score where branch_id = :b and kind = 'REGULAR'
				and scheduled_on >= date '2026-01-01' order by scheduled_on limit 1
				""").param("b", demo.branchId("CB02")).query(Long.class).single();
		evaluations.rescore(office, meeting, "Kiểm tra tổng hợp theo tháng");
		assertThat(differences()).isZero();
		transaction.executeWithoutResult((status) -> {
			jdbc.sql("update meeting_score set percent = 42, level = 'WEAK' where meeting_id = :m")
				.param("m", meeting)
				.update();
			jdbc.sql("update meeting_score_line set points = 0 where meeting_id = :m").param("m", meeting).update();
			assertThat(differences()).isZero();
			jdbc.sql("delete from meeting_score where meeting_id = :m").param("m", meeting).update();
			assertThat(differences()).isZero();
			status.setRollbackOnly();
		});
		assertThat(differences()).isZero();
	}

	@Test
	void theObserverSeesEachCommitteeUnderItsSuperiorWithFiguresFromTheScores() {
		var observer = demo.user("captren");
		var overview = superior.overview(observer, 2026, false);
		assertThat(overview.rows()).extracting(SuperiorOverview.Row::name)
			.contains("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh", "Đảng bộ Bệnh viện Đa khoa Hồng Lam")
			.hasSize(6);
		var customs = overview.rows().stream().filter((r) -> r.code().equals("HQHT")).findFirst().orElseThrow();
		assertThat(customs.branches()).isEqualTo(8);
		var expected = jdbc.sql("""
				select round(avg(percent), 1) from meeting_score where committee_id = :c and kind = 'REGULAR'
				and level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK') and scheduled_on between :first and :last
				""")
			.param("c", customs.committeeId())
			.param("first", LocalDate.of(2026, 1, 1))
			.param("last", LocalDate.of(2026, 12, 31))
			.query(Double.class)
			.single();
		assertThat(customs.mean()).isEqualTo(expected);
		var march = jdbc.sql("""
				select count(*) from meeting_score where committee_id = :c and kind = 'REGULAR'
				and scheduled_on between date '2026-03-01' and date '2026-03-31'
				""").param("c", customs.committeeId()).query(Integer.class).single();
		assertThat(customs.months().get(2).meetings()).isEqualTo(march);
		assertThat(overview.weakest()).isNotEmpty();
		var sorted = superior.overview(observer, 2026, true).rows();
		assertThat(sorted.getFirst().mean()).isLessThanOrEqualTo(sorted.getLast().mean());

		// A committee's branches, as its office sees them, without links to its records.
		var dashboard = superior.committee(observer, customs.committeeId(), 2026);
		assertThat(dashboard.rows()).hasSize(8);
		assertThat(dashboard.rows()).extracting(Dashboard.Row::meanPercent)
			.containsExactlyElementsOf(queries.dashboard(demo.user("vanphong"), 2026, null)
				.rows()
				.stream()
				.map(Dashboard.Row::meanPercent)
				.toList());
	}

	@Autowired
	EvaluationQueries queries;

	@Autowired
	ScoreKeeper keeper;

	@Test
	void theObserverOpensEveryCellOfEveryCommittee() throws Exception {
		var observer = demo.user("captren");
		var year = LocalDate.now(clock).getYear();
		var committees = superior.overview(observer, year, false).rows();
		assertThat(committees).hasSize(6);
		for (var committee : committees) {
			var page = mvc.get()
				.uri("/evaluation/superior/{c}?year={y}", committee.committeeId(), year)
				.with(user(observer))
				.exchange();
			assertThat(page).hasStatusOk();
			var cell = Pattern.compile("/evaluation/superior/" + committee.committeeId() + "/meetings/(\\d+)")
				.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
			var opened = 0;
			while (cell.find()) {
				assertThat(mvc.get().uri(cell.group()).with(user(observer))).as(committee.name() + " " + cell.group())
					.hasStatusOk()
					.bodyText()
					.contains("Thời lượng sinh hoạt so với mức tối thiểu");
				opened++;
			}
			assertThat(opened).as(committee.name()).isGreaterThan(10);
		}
	}

	@Autowired
	Clock clock;

	/**
	 * A committee of 32 branches (the fixture's two and thirty more) under a superior of
	 * its own: its observer reads the heat map twenty branches a page, the year kept by
	 * the pager, as the committee's own dashboard shows it.
	 */
	@Test
	void theObserverReadsALargeCommitteesHeatMapAPageAtATime() throws Exception {
		var committee = fixtures.committee();
		fixtures.moreBranches(committee, 32);
		var code = "SUP-" + committee.id();
		var superiorId = organizations.createSuperiorCommittee(code, "Đảng ủy cấp trên thử " + code, "Hà Tĩnh");
		var root = organizations.createRoot(superiorId, code, "Đảng ủy cấp trên thử " + code, OrgLevel.BLOC);
		organizations.placeUnder(committee.id(), superiorId);
		var observer = new CurrentUser(-(superiorId * 100 + 3), superiorId, "observer-" + code, "", "Cấp trên",
				Role.OBSERVER, root, null, true, false);
		var address = "/evaluation/superior/" + committee.id() + "?year=2025";
		var first = page(observer, address);
		assertThat(first.select("#heatmap tbody tr")).hasSize(20);
		assertThat(first.select("#heatmap-pages").text()).contains("Chi bộ 1–20/32");
		assertThat(first.select("#heatmap-next").attr("href")).isEqualTo(address + "&page=1");
		var second = page(observer, address + "&page=1");
		assertThat(second.select("#heatmap tbody tr")).hasSize(12);
		assertThat(second.select("#heatmap-pages").text()).contains("Chi bộ 21–32/32");
		assertThat(second.select("#heatmap-next")).isEmpty();
		// And back to the first.
		assertThat(second.select("#heatmap-pages a").attr("href")).isEqualTo(address + "&page=0");
	}

	private Document page(CurrentUser reader, String uri) throws Exception {
		var result = mvc.get().uri(uri).with(user(reader)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void anotherSuperiorsObserverSeesNoneOfTheseCommittees() {
		var other = transaction.execute((status) -> {
			var superior = organizations.createSuperiorCommittee("TEST-SUP", "Đảng ủy Khối Doanh nghiệp (thử)",
					"Hà Tĩnh");
			var root = organizations.createRoot(superior, "TEST-SUP", "Đảng ủy Khối Doanh nghiệp (thử)", OrgLevel.BLOC);
			accounts.create(superior, "captren.khac", DemoUsers.PASSWORD, "Cấp trên khác", Role.OBSERVER, root, null);
			return superior;
		});
		assertThat(other).isNotNull();
		var stranger = demo.user("captren.khac");
		assertThat(superior.overview(stranger, 2026, false).rows()).isEmpty();
		var customs = organizations.committeeId("HQHT").orElseThrow();
		assertThatThrownBy(() -> superior.committee(stranger, customs, 2026)).isInstanceOf(NotFoundException.class);
		assertThat(mvc.get().uri("/evaluation/superior/{id}", customs).with(user(stranger)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void observersReadTheOverviewAndNothingElse() {
		var observer = demo.user("captren");
		assertThat(mvc.get().uri("/").with(user(observer))).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/evaluation/superior");
		assertThat(mvc.get().uri("/evaluation/superior?year=2026").with(user(observer))).hasStatusOk()
			.bodyText()
			.contains("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh")
			.contains("Đảng bộ Kho bạc Khu vực Hồng Lĩnh")
			.doesNotContain("/members");
		var neighbour = organizations.committeeId("DEMO-1").orElseThrow();
		assertThat(mvc.get().uri("/evaluation/superior/{id}?year=2026", neighbour).with(user(observer))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ số 6")
			.contains("/evaluation/superior/" + neighbour + "/meetings/")
			.doesNotContain("\"/evaluation/meetings/");
		// A meeting of another superior's committee, or of none under this one, is not
		// found.
		var customs = organizations.committeeId("HQHT").orElseThrow();
		var meeting = jdbc.sql("select min(id) from meeting where committee_id = :c and status = 'HELD'")
			.param("c", customs)
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/evaluation/superior/{c}/meetings/{m}", customs, meeting).with(user(observer)))
			.hasStatusOk();
		assertThat(mvc.get().uri("/evaluation/superior/{c}/meetings/{m}", neighbour, meeting).with(user(observer)))
			.hasStatus(HttpStatus.NOT_FOUND);
		for (var page : new String[] { "/members", "/orgs", "/meetings", "/evaluation", "/evaluation/warnings",
				"/accounts", "/audit", "/news", "/api/v1/members" }) {
			assertThat(mvc.get().uri(page).with(user(observer))).as(page).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/evaluation/superior").with(user(demo.user("vanphong"))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/evaluation/superior").with(user(demo.user("admin"))))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aCommitteeAdminCannotMakeAnObserver() {
		var committee = fixtures.committee();
		var created = mvc.post()
			.uri("/accounts")
			.with(user(committee.admin()))
			.with(csrf())
			.param("username", "quan.sat")
			.param("displayName", "Quan sát")
			.param("role", "OBSERVER")
			.param("scopeOrganizationId", String.valueOf(committee.branch(2)))
			.param("password", "mat-khau-moi-1");
		assertThat(created).hasStatusOk();
		assertThat(jdbc.sql("select count(*) from app_user where username = 'quan.sat'").query(Long.class).single())
			.isZero();
	}

	@Test
	void theDashboardNarrowsToASubtreeAndNeverBeyondTheUsersScope() {
		var office = demo.user("vanphong");
		var grassroots = demo.branchId("HQHT");
		assertThat(queries.dashboard(office, 2026, grassroots).rows()).hasSize(8);
		assertThat(queries.dashboard(office, 2026, demo.branchId("CB05")).rows()).extracting(Dashboard.Row::branchName)
			.containsExactly("Chi bộ Nghiệp vụ");
		// A member asking for the whole committee still reads only their branch, and a
		// secretary only their branch and those they follow.
		assertThat(queries.dashboard(demo.user("dangvien.cb02"), 2026, grassroots).rows())
			.extracting(Dashboard.Row::branchName)
			.containsExactly("Chi bộ Hải quan CK Cảng Vũng Áng");
		var secretary = demo.user("bithu.cb02");
		assertThat(queries.dashboard(secretary, 2026, grassroots).rows()).extracting(Dashboard.Row::branchId)
			.containsExactlyElementsOf(
					queries.dashboard(secretary, 2026, null).rows().stream().map(Dashboard.Row::branchId).toList())
			.hasSizeLessThan(8);
		assertThat(mvc.get().uri("/evaluation?year=2026").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("— Chi bộ Nghiệp vụ");
	}

	@Test
	void aBranchsMonthsBreakDownByCriteriaGroupAndAddUpToTheirScores() {
		// A branch that met in March and September of last year, its meetings scored.
		var people = fixtures.people();
		var committee = people.committee();
		var year = LocalDate.now(clock).getYear() - 1;
		var present = Map.of(people.secretary().memberId(), AttendanceStatus.PRESENT, people.member().memberId(),
				AttendanceStatus.PRESENT);
		var first = fixtures.held(committee, people.branch(), LocalDate.of(year, 3, 10), present, true, List.of());
		var second = fixtures.held(committee, people.branch(), LocalDate.of(year, 9, 10), present, false, List.of());
		assertThat(keeper.sweep(committee.id())).isEqualTo(2);
		var secretary = people.secretary();
		var breakdown = queries.breakdown(secretary, year, people.branch());
		assertThat(breakdown).isNotNull();
		// Broken down by the groups of the rubric that scored them (the one in force
		// then).
		assertThat(breakdown.rubricCode()).isEqualTo(jdbc
			.sql("""
					select r.code from meeting_score s join rubric r on r.committee_id = s.committee_id and r.id = s.rubric_id
					where s.committee_id = :c and s.meeting_id = :m
					""")
			.param("c", committee.id())
			.param("m", second)
			.query(String.class)
			.single());
		assertThat(breakdown.groups()).isNotEmpty();
		assertThat(breakdown.months()).extracting(Breakdown.Month::meetingId).containsExactlyInAnyOrder(first, second);
		for (var month : breakdown.months()) {
			var total = jdbc
				.sql("select total from meeting_score where committee_id = :c and meeting_id = :m and kind = 'REGULAR'")
				.param("c", committee.id())
				.param("m", month.meetingId())
				.query(Double.class)
				.single();
			assertThat(month.total()).as("month %d", month.month()).isCloseTo(total, Assertions.within(0.05));
		}
		// Another branch's breakdown is not the secretary's to read.
		assertThat(queries.breakdown(people.otherMember(), year, people.branch())).isNull();
	}

}
