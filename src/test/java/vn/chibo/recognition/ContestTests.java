package vn.chibo.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class ContestTests {

	@Autowired
	Contests contests;

	@Autowired
	ContestQueries contestQueries;

	@Autowired
	ContestRounds rounds;

	@Autowired
	Awards awards;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private static Contests.EntryRow entry(long id, String name, int reached, String... totals) {
		var byRound = new ArrayList<BigDecimal>();
		for (var total : totals) {
			byRound.add(total.isEmpty() ? null : new BigDecimal(total));
		}
		return new Contests.EntryRow(id, id, null, name, 1, "Chi bộ", null, reached, byRound, null, null,
				Arrays.stream(totals).anyMatch((t) -> !t.isEmpty()));
	}

	@Test
	void theFinalistsRankAboveThoseWhoLeftEarlierAndEqualTotalsShareARank() {
		var ranked = ContestQueries
			.rank(List.of(entry(1, "Nguyễn Văn An", 1, "95", ""), entry(2, "Trần Thị Bình", 2, "80", "70"),
					entry(3, "Lê Văn Cường", 2, "85", "90"), entry(4, "Phạm Thị Dung", 2, "88", "70"),
					entry(5, "Hoàng Văn Em", 2, "90", ""), entry(6, "Vũ Thị Giang", 1, "60", "")));
		assertThat(ranked).extracting(Contests.EntryRow::id).containsExactly(3L, 2L, 4L, 5L, 1L, 6L);
		// Bình and Dung tie on 70 in the final: both second, the next one is fourth; Em
		// reached the final without a final score and has no rank.
		assertThat(ranked).extracting(Contests.EntryRow::rank).containsExactly(1, 2, 2, null, 5, 6);
	}

	@Test
	void theOfficeRunsAContestFromItsFormToThePrizeOnTheWinnersPage() {
		var committee = fixtures.committee();
		var office = committee.office();
		var created = mvc.post()
			.uri("/recognition/contests")
			.with(user(office))
			.with(csrf())
			.param("title", "Hội thi Bí thư chi bộ giỏi thử")
			.param("organiser", "Đảng ủy Cục")
			.param("heldFrom", "3/2/2026")
			.param("heldTo", "5/2/2026")
			.param("rounds", "Sơ khảo\nChung khảo")
			.param("criteria", "Nội dung | 10\nPhong cách: 5,5")
			.param("judges", "Giám khảo Một\nGiám khảo Hai")
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		var id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		var contest = contestQueries.contest(office, id);
		assertThat(contest.criteria()).containsExactly(new Contests.Criterion("Nội dung", new BigDecimal("10.00")),
				new Contests.Criterion("Phong cách", new BigDecimal("5.50")));
		var name = "Hoàng Văn Thi";
		var first = fixtures.member(committee, committee.branch(1), name, TheoryLevel.ELEMENTARY);
		var second = fixtures.member(committee, committee.branch(2), "Đỗ Thị Dự", TheoryLevel.ELEMENTARY);
		var a = contests.enter(office, id, first, null, "Bài thi A");
		var b = contests.enter(office, id, second, null, null);
		var team = contests.enter(office, id, null, committee.branch(2), "Đội Nghiệp vụ");
		assertThatThrownBy(() -> contests.enter(office, id, first, null, null))
			.hasFieldOrPropertyWithValue("messageKey", "contest.entry.taken");
		// A score above the criterion's maximum names the entrant and the criterion and
		// keeps nothing.
		assertThat(mvc.post()
			.uri("/recognition/contests/{id}/rounds/1/judges/1", id)
			.with(user(office))
			.with(csrf())
			.param("score-" + b + "-1", "7")
			.param("score-" + a + "-1", "8,5")
			.param("score-" + a + "-2", "6")).hasStatusOk()
			.bodyText()
			.contains(name + ", tiêu chí &quot;Phong cách&quot;: điểm phải từ 0 đến 5,5");
		assertThat(rounds.sheet(office, id, 1, 1).scores()).isEmpty();
		assertThat(mvc.post()
			.uri("/recognition/contests/{id}/rounds/1/judges/1", id)
			.with(user(office))
			.with(csrf())
			.param("score-" + a + "-1", "8,5")
			.param("score-" + a + "-2", "5")
			.param("score-" + b + "-1", "7")
			.param("score-" + b + "-2", "5,5")
			.param("score-" + team + "-1", "tám")).hasStatusOk()
			.bodyText()
			.contains("&quot;tám&quot; không phải là điểm");
		rounds.score(office, id, 1, 1, Map.of(a + "-1", "8,5", a + "-2", "5", b + "-1", "7", b + "-2", "5,5",
				team + "-1", "9", team + "-2", "4"));
		rounds.score(office, id, 1, 2, Map.of(a + "-1", "9.5", a + "-2", "4", b + "-1", "8", team + "-1", "6"));
		// Each criterion: the judges' average; the round: their sum. A: 9 + 4.5; B: 7.5 +
		// 5.5; team: 7.5 + 4.
		var ranking = contestQueries.contest(office, id).ranking();
		assertThat(ranking).extracting(Contests.EntryRow::id).containsExactly(a, b, team);
		assertThat(ranking).extracting(Contests.EntryRow::total)
			.containsExactly(new BigDecimal("13.50"), new BigDecimal("13.00"), new BigDecimal("11.50"));
		assertThatThrownBy(() -> contests.withdraw(office, id, b)).hasFieldOrPropertyWithValue("messageKey",
				"contest.entry.scored");
		// A and the team go on to the final, where the team wins.
		assertThat(mvc.post()
			.uri("/recognition/contests/{id}/rounds/1/advance", id)
			.with(user(office))
			.with(csrf())
			.param("entryId", String.valueOf(a), String.valueOf(team))).hasStatus3xxRedirection();
		assertThatThrownBy(() -> rounds.score(office, id, 2, 1, Map.of(b + "-1", "9")))
			.hasFieldOrPropertyWithValue("messageKey", "contest.score.notInRound");
		rounds.score(office, id, 2, 1, Map.of(a + "-1", "7", a + "-2", "4", team + "-1", "10", team + "-2", "5"));
		ranking = contestQueries.contest(office, id).ranking();
		assertThat(ranking).extracting(Contests.EntryRow::id).containsExactly(team, a, b);
		assertThat(ranking).extracting(Contests.EntryRow::rank).containsExactly(1, 2, 3);
		assertThatThrownBy(() -> rounds.advance(office, id, 1, List.of(team))).hasFieldOrPropertyWithValue("messageKey",
				"contest.entry.scoredLater");
		// The prizes become awards of the winners, shown on their pages.
		assertThat(mvc.post()
			.uri("/recognition/contests/{id}/prizes", id)
			.with(user(office))
			.with(csrf())
			.param("prizes[" + team + "]", "FIRST")
			.param("prizes[" + a + "]", "SECOND")
			.param("decisionNo", "12-QĐ/ĐU")
			.param("decidedOn", "10/2/2026")).hasStatus3xxRedirection();
		assertThat(awards.ofOrganization(office, committee.branch(2))).extracting(Awards.AwardRow::title)
			.contains("Giải Nhất Hội thi Bí thư chi bộ giỏi thử");
		assertThat(awards.ofMember(office, first)).singleElement().satisfies((award) -> {
			assertThat(award.title()).isEqualTo("Giải Nhì Hội thi Bí thư chi bộ giỏi thử");
			assertThat(award.kind()).isEqualTo(AwardKind.PRIZE);
			assertThat(award.issuer()).isEqualTo("Đảng ủy Cục");
			assertThat(award.decisionNo()).isEqualTo("12-QĐ/ĐU");
		});
		assertThatThrownBy(
				() -> contests.givePrizes(office, id, Map.of(a, ContestPrize.FIRST), null, LocalDate.of(2026, 2, 10)))
			.hasFieldOrPropertyWithValue("messageKey", "contest.prize.given");
		assertThatThrownBy(() -> contests.remove(office, id)).hasFieldOrPropertyWithValue("messageKey",
				"contest.prize.blocksDelete");
		// An award removed by mistake frees the entry for the right prize.
		var wrong = awards.ofMember(office, first).getFirst().id();
		awards.remove(office, wrong);
		assertThat(contestQueries.contest(office, id).ranking()).filteredOn((e) -> e.id() == a)
			.singleElement()
			.satisfies((e) -> assertThat(e.prize()).isNull());
		contests.givePrizes(office, id, Map.of(a, ContestPrize.THIRD), null, LocalDate.of(2026, 2, 11));
		assertThat(mvc.get().uri("/recognition/contests/{id}", id).with(user(committee.memberLogin(2, second))))
			.hasStatusOk()
			.bodyText()
			.contains("Giải Nhất", "Giải Ba", "13,50");
		assertThat(mvc.get().uri("/recognition/contests/{id}/ranking.xlsx", id).with(user(office))).hasStatusOk();
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'contest' and entity_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(9);
	}

	@Test
	void membersReadContestsOnlyTheOfficeRunsThemAndAnotherCommitteeSeesNone() {
		var committee = fixtures.committee();
		var office = committee.office();
		var id = contests.create(office,
				new Contests.Draft("Hội thi quyền", "Đảng ủy", LocalDate.of(2026, 3, 1), null, null,
						List.of("Chung kết"), List.of(new Contests.Criterion("Nội dung", BigDecimal.TEN)),
						List.of("Một")));
		var own = fixtures.member(committee, committee.branch(1), "Trịnh Văn Dự", TheoryLevel.ELEMENTARY);
		var other = fixtures.member(committee, committee.branch(2), "Mai Thị Xem", TheoryLevel.ELEMENTARY);
		var entry = contests.enter(office, id, own, null, null);
		for (var reader : List.of(committee.secretary(1), committee.memberLogin(1, own),
				committee.memberLogin(2, other))) {
			var login = reader.username();
			assertThat(contestQueries.list(reader, 2026)).as(login).extracting(Contests.ContestRow::id).contains(id);
			assertThat(mvc.get().uri("/recognition/contests/{id}", id).with(user(reader))).as(login)
				.hasStatusOk()
				.bodyText()
				.doesNotContain("prize-form");
			assertThat(mvc.post()
				.uri("/recognition/contests/{id}/rounds/1/judges/1", id)
				.with(user(reader))
				.with(csrf())
				.param("score-" + entry + "-1", "9")).as(login).hasStatus(403);
			assertThat(mvc.post()
				.uri("/recognition/contests/{id}/entries", id)
				.with(user(reader))
				.with(csrf())
				.param("organizationId", String.valueOf(committee.branch(1)))).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/recognition/contests/{id}/rounds/1/judges/1", id).with(user(reader))).as(login)
				.hasStatus(403);
		}
		assertThat(mvc.get().uri("/recognition/contests").with(user(committee.observer()))).hasStatus(403);
		var foreign = fixtures.committee().office();
		assertThatThrownBy(() -> contestQueries.contest(foreign, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> contests.enter(foreign, id, null, committee.branch(1), null))
			.isInstanceOf(NotFoundException.class);
		assertThat(contestQueries.list(foreign, 2026)).isEmpty();
		assertThatThrownBy(() -> contests.create(committee.secretary(1),
				new Contests.Draft("x", "y", LocalDate.of(2026, 1, 1), null, null, List.of("a"), null, null)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theApiCreatesAndScoresAContestAndTheFormNamesABadCriterionLine() {
		var committee = fixtures.committee();
		var office = committee.office();
		var created = mvc.post()
			.uri("/api/v1/recognition/contests")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "Hội thi báo cáo viên API", "organiser": "Đảng ủy", "heldFrom": "2026-04-01",
					 "rounds": ["Chung kết"], "criteria": [{"name": "Nội dung", "maxScore": 20}],
					 "judges": ["Giám khảo"]}
					""")
			.exchange();
		assertThat(created).hasStatus(201);
		var id = jdbc.sql("select id from contest where committee_id = :c and title = 'Hội thi báo cáo viên API'")
			.param("c", committee.id())
			.query(Long.class)
			.single();
		var entry = contests.enter(office, id,
				fixtures.member(committee, committee.branch(1), "Lý Văn Nói", TheoryLevel.ELEMENTARY), null, null);
		assertThat(mvc.put()
			.uri("/api/v1/recognition/contests/{id}/rounds/1/judges/1/scores", id)
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scores\": [{\"entryId\": %d, \"criterion\": 1, \"score\": 1e999999}]}".formatted(entry)))
			.hasStatus4xxClientError()
			.bodyText()
			.contains("không phải là điểm");
		assertThat(mvc.put()
			.uri("/api/v1/recognition/contests/{id}/rounds/1/judges/1/scores", id)
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scores\": [{\"entryId\": %d, \"criterion\": 1, \"score\": 17.5}]}".formatted(entry)))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.ranking[0].totals[0]")
			.isEqualTo(17.5);
		assertThat(mvc.post()
			.uri("/recognition/contests")
			.with(user(office))
			.with(csrf())
			.param("title", "Hội thi sai")
			.param("organiser", "Đảng ủy")
			.param("heldFrom", "1/4/2026")
			.param("rounds", "Chung kết")
			.param("criteria", "Nội dung | 10\nKhông có điểm")).hasStatusOk()
			.bodyText()
			.contains("Dòng 2 &quot;Không có điểm&quot;");
		assertThat(jdbc.sql("select count(*) from contest where committee_id = :c and title = 'Hội thi sai'")
			.param("c", committee.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theDemoHoldsTheSeedsFirstPrizeAndTheSecretariesContest() {
		var office = demo.user("vanphong");
		var seed = contestQueries.list(office, 2017);
		assertThat(seed).singleElement().satisfies((c) -> assertThat(c.prizes()).isEqualTo(1));
		assertThat(contestQueries.contest(office, seed.getFirst().id()).ranking()).singleElement()
			.satisfies((e) -> assertThat(e.prize()).isEqualTo(ContestPrize.FIRST));
		var secretaries = contestQueries.list(office, 2024).getFirst();
		var ranking = contestQueries.contest(office, secretaries.id()).ranking();
		assertThat(ranking).hasSizeGreaterThanOrEqualTo(6);
		assertThat(ranking.subList(0, 4)).extracting(Contests.EntryRow::reached).containsOnly(2);
		assertThat(ranking.subList(0, 4)).extracting(Contests.EntryRow::prize)
			.containsExactly(ContestPrize.FIRST, ContestPrize.SECOND, ContestPrize.THIRD, ContestPrize.CONSOLATION);
	}

}
