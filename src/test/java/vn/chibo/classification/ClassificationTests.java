package vn.chibo.classification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The annual classification of members (docs/domain.md §7): the rule set by year, the
 * quota at its boundary, a disciplined member refused the top level, exempted members not
 * rated, the self-review on the 100-point scale, who may do which step, and the demo's
 * history.
 */
@ChiboTest
class ClassificationTests {

	@Autowired
	MemberReviews reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	ReviewProposals proposals;

	@Autowired
	OrganizationDecisions organizationDecisions;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theYearPicksItsRuleSet() {
		// A committee without versions of its own follows the Central Committee's.
		var committee = fixtures.committee().id();
		assertThat(ruleSets.forYear(committee, 2021).code()).isEqualTo("21-HD/BTCTW");
		assertThat(ruleSets.forYear(committee, 2023).code()).isEqualTo("124-QĐ/TW");
		assertThat(ruleSets.forYear(committee, 2024).points()).isFalse();
		var now = ruleSets.forYear(committee, 2025);
		assertThat(now.code()).isEqualTo("366-QĐ/TW");
		assertThat(now.points()).isTrue();
		assertThat(now.sections().stream().mapToInt((s) -> s.max()).sum()).isEqualTo(100);
	}

	@Test
	void theDemosDecisionsRecordTheRuleSetTheyUsed() {
		var committee = demo.user("vanphong").committeeId();
		assertThat(jdbc.sql("""
				select distinct s.code from member_review r join review_rule_set s on s.id = r.rule_set_id
				where r.committee_id = :c and r.year = 2024 and r.final_level is not null
				""").param("c", committee).query(String.class).list()).containsExactly("124-QĐ/TW");
	}

	@Test
	void theCommitteeDecidesWithinTheQuotaUnlessAnExceptionIsRecorded() {
		// A branch of 14 members.
		var people = fixtures.people();
		var office = people.committee().office();
		var year = LocalDate.now().getYear();
		var branch = people.branch();
		for (var name : List.of("Trần Văn An", "Phạm Thị Bình", "Hoàng Văn Cường", "Võ Thị Dung", "Bùi Văn Đức",
				"Đặng Thị Hằng", "Ngô Văn Khoa", "Dương Thị Lan", "Lý Văn Minh", "Hồ Thị Nga", "Mai Văn Phúc",
				"Tạ Thị Quyên")) {
			fixtures.member(people.committee(), branch, name, TheoryLevel.ELEMENTARY);
		}
		var rated = reviews.branch(office, branch, year).reviews();
		assertThat(rated).hasSize(14);
		// 10 at the second level allow 2 at the top, not 3.
		var levels = new HashMap<Long, ReviewLevel>();
		for (var i = 0; i < rated.size(); i++) {
			levels.put(rated.get(i).memberId(),
					(i < 3) ? ReviewLevel.EXCELLENT : (i < 13) ? ReviewLevel.GOOD : ReviewLevel.PASS);
		}
		assertThatThrownBy(() -> decisions.decide(office, branch, year, levels, Map.of(), null, null))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("classification.quota");
				assertThat(ex.arguments()).containsExactly(3, 2, 10, 20);
			});
		assertThat(reviews.branch(office, branch, year).decided().excellent()).isZero();
		// Through the page: refused, named, nothing kept.
		var request = mvc.post()
			.uri("/classification/branches/" + branch + "/decisions")
			.with(user(office))
			.with(csrf())
			.param("year", String.valueOf(year));
		for (var entry : levels.entrySet()) {
			request = request.param("level-" + entry.getKey(), entry.getValue().name());
		}
		assertThat(request).flash().containsKey("flashError");
		assertThat(reviews.branch(office, branch, year).decided().excellent()).isZero();
		levels.put(rated.get(2).memberId(), ReviewLevel.GOOD);
		levels.put(rated.get(13).memberId(), ReviewLevel.GOOD);
		decisions.decide(office, branch, year, levels, Map.of(), null, null);
		var decided = reviews.branch(office, branch, year);
		assertThat(decided.decided().excellent()).isEqualTo(2);
		assertThat(decided.decided().kept()).isTrue();
		// Going over it takes the reason of the exception, kept with the decision; and
		// since the member's level was decided, the reason of the amendment, kept beside
		// it.
		levels.put(rated.get(2).memberId(), ReviewLevel.EXCELLENT);
		assertThatThrownBy(() -> decisions.decide(office, branch, year, levels, Map.of(), "Cấp trên cho phép", null))
			.hasMessageContaining("classification.amend.reason");
		decisions.decide(office, branch, year, levels, Map.of(), "Cấp trên cho phép",
				"Bổ sung thành tích được Cục ghi nhận sau ngày quyết định");
		assertThat(decisions.amendments(office, branch, year))
			.filteredOn((a) -> a.memberId() == rated.get(2).memberId())
			.singleElement()
			.satisfies((a) -> {
				assertThat(a.from()).isEqualTo(ReviewLevel.GOOD);
				assertThat(a.to()).isEqualTo(ReviewLevel.EXCELLENT);
				assertThat(a.reason()).isEqualTo("Bổ sung thành tích được Cục ghi nhận sau ngày quyết định");
			});
		assertThat(reviews.branch(office, branch, year).reviews())
			.filteredOn((r) -> r.memberId() == rated.get(2).memberId())
			.singleElement()
			.satisfies((r) -> assertThat(r.exceptionReason()).isEqualTo("Cấp trên cho phép"));
	}

	@Test
	void aMemberDisciplinedInTheYearIsNeverAtTheTopAndExemptedMembersAreNotRated() {
		var office = demo.user("vanphong");
		// The demo's reprimand of 2024 (docs/domain.md §14), and a member exempted from
		// meetings.
		var reprimanded = jdbc.sql("""
				select member_id from discipline_case where committee_id = :c and form = 'REPRIMAND' and decided_on
				between date '2024-01-01' and date '2024-12-31' and violation like 'Vắng sinh hoạt chi bộ%'
				""").param("c", office.committeeId()).query(Long.class).single();
		var branch = jdbc.sql("select branch_id from member where committee_id = :c and id = :id")
			.param("c", office.committeeId())
			.param("id", reprimanded)
			.query(Long.class)
			.single();
		assertThat(reviews.branch(office, branch, 2024).reviews()).filteredOn((r) -> r.memberId() == reprimanded)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.disciplined()).isTrue();
				assertThat(r.finalLevel()).isNotEqualTo(ReviewLevel.EXCELLENT);
			});
		assertThatThrownBy(() -> decisions.decide(office, branch, 2024, Map.of(reprimanded, ReviewLevel.EXCELLENT),
				Map.of(), "Ngoại lệ", "Sửa"))
			.hasMessageContaining("classification.disciplined");
		var exempted = jdbc
			.sql("select id from member where committee_id = :c and exempted_since is not null order by id limit 1")
			.param("c", office.committeeId())
			.query(Long.class)
			.single();
		var exemptedBranch = jdbc.sql("select branch_id from member where committee_id = :c and id = :id")
			.param("c", office.committeeId())
			.param("id", exempted)
			.query(Long.class)
			.single();
		assertThat(reviews.branch(office, exemptedBranch, 2025).reviews()).noneMatch((r) -> r.memberId() == exempted);
		assertThatThrownBy(() -> proposals.propose(office, exemptedBranch, LocalDate.now().getYear(), exempted,
				ReviewLevel.GOOD, null, null))
			.hasMessageContaining("classification.member.notRated");
	}

	@Test
	void aMemberReviewsThemselfOnTheHundredPointScaleAndSeesOnlyTheirOwn() {
		var people = fixtures.people();
		var member = people.member();
		var year = LocalDate.now().getYear();
		assertThat(mvc.post()
			.uri("/classification/me")
			.with(user(member))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("score-1", "18,5")
			.param("score-2", "25")
			.param("score-3", "45")
			.param("score-4", "8")).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/classification/me")
			.with(user(member))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("score-1", "18,5")
			.param("score-2", "19")
			.param("score-3", "45")
			.param("score-4", "8")
			.param("text", "Bản tự kiểm điểm thử")).flash().containsKey("flashSuccess");
		var own = reviews.own(member, year);
		assertThat(own.selfScore()).isEqualByComparingTo("90.5");
		assertThat(own.selfLevel()).isEqualTo(ReviewLevel.EXCELLENT);
		assertThat(mvc.get().uri("/classification/me").with(user(member))).hasStatusOk().bodyText().contains("90,5");
		// Another member's results, a branch's page, the decision: not theirs.
		var other = people.secretary().memberId();
		assertThat(mvc.get().uri("/classification/members/" + other).with(user(member))).hasStatus(404);
		assertThat(mvc.get().uri("/classification/branches/" + people.branch()).with(user(member))).hasStatus(403);
		// The secretary proposes for the branch, never decides; another branch is not
		// there.
		var secretary = people.secretary();
		assertThat(mvc.post()
			.uri("/classification/branches/" + people.branch() + "/proposals")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("memberId", String.valueOf(member.memberId()))
			.param("level", "GOOD")
			.param("opinion", "Chi bộ đề nghị hoàn thành tốt")).flash().containsKey("flashSuccess");
		assertThat(reviews.own(member, year).proposedLevel()).isEqualTo(ReviewLevel.GOOD);
		assertThat(mvc.post()
			.uri("/classification/branches/" + people.branch() + "/decisions")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("level-" + member.memberId(), "GOOD")).hasStatus(403);
		assertThat(mvc.get().uri("/classification/branches/" + people.otherBranch()).with(user(secretary)))
			.hasStatus(404);
		assertThat(mvc.get().uri("/classification").with(user(people.committee().observer()))).hasStatus(403);
		var foreign = fixtures.committee().office();
		assertThat(mvc.get().uri("/classification/branches/" + people.branch()).with(user(foreign))).hasStatus(404);
		assertThat(mvc.get().uri("/classification/members/" + member.memberId()).with(user(foreign))).hasStatus(404);
	}

	@Test
	void theDemoHoldsSixYearsWithAnExceptionAndASecondFailInARow() {
		var office = demo.user("vanphong");
		assertThat(jdbc
			.sql("select count(distinct year) from member_review where committee_id = :c and final_level is not null")
			.param("c", office.committeeId())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(6);
		assertThat(jdbc.sql("""
				select count(distinct branch_id) from member_review
				where committee_id = :c and exception_reason is not null and year = 2023
				""").param("c", office.committeeId()).query(Integer.class).single()).isEqualTo(1);
		var twice = jdbc.sql("""
				select a.member_id from member_review a join member_review b on b.committee_id = a.committee_id
				and b.member_id = a.member_id and b.year = a.year - 1
				where a.committee_id = :c and a.final_level = 'FAIL' and b.final_level = 'FAIL' limit 1
				""").param("c", office.committeeId()).query(Long.class).single();
		assertThat(reviews.ofMember(office, twice)).anyMatch(MemberReviews.Result::secondFailInARow);
		assertThat(mvc.get().uri("/classification/members/" + twice).with(user(office))).hasStatusOk()
			.bodyText()
			.contains("hai năm liền không hoàn thành nhiệm vụ");
		var cycle = reviews.branch(office, demo.branchId("CB01"), LocalDate.now().getYear() - 1);
		assertThat(cycle.reviews()).allMatch((r) -> r.selfScore() != null && r.proposedLevel() != null);
		assertThat(cycle.decided().kept()).isTrue();
	}

	@Test
	void theYearReportCountsTheLevelsAsTheRecordsHoldThem() {
		var office = demo.user("vanphong");
		var fresh = jdbc.sql("""
				select count(*) filter (where final_level = 'EXCELLENT'), count(*) filter (where final_level = 'FAIL')
				from member_review r join organization o on o.id = r.branch_id where r.year = 2024
				and o.committee_id = :c
				""")
			.param("c", office.committeeId())
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		var report = mvc.get().uri("/api/v1/reports/year/2024").with(user(office)).exchange();
		assertThat(report).hasStatusOk()
			.bodyText()
			.contains("Đánh giá, xếp loại chất lượng đảng viên")
			.contains("hoàn thành xuất sắc nhiệm vụ " + fresh[0] + " (")
			.contains("không hoàn thành nhiệm vụ " + fresh[1] + ";");
	}

	@Autowired
	OrganizationReviews organizationReviews;

	@Test
	void theDemoRecordsLastYearsOrganizationReviewsWithTheSuperiorsDecision() {
		var office = demo.user("vanphong");
		var last = LocalDate.now().getYear() - 1;
		var view = organizationReviews.year(office, last);
		assertThat(view.rows()).hasSize(9).anyMatch(OrganizationReviews.Row::committee);
		assertThat(view.quota().kept()).isTrue();
		assertThat(view.rows()).filteredOn((r) -> !r.committee()).allMatch((r) -> r.selfReport() != null);
		assertThat(view.rows()).filteredOn(OrganizationReviews.Row::committee)
			.singleElement()
			.satisfies((r) -> assertThat(r.bySuperior()).isTrue());
		// The branch named "tiêu biểu" is the one at the top level.
		assertThat(view.rows()).filteredOn(OrganizationReviews.Row::exemplary).hasSize(1);
	}

	@Test
	void theCommitteeDecidesForItsBranchesUnderTheQuotaAndASecretaryReportsForItsOwn() {
		var people = fixtures.people();
		var office = people.committee().office();
		// None at the second level allows none at the top.
		var year = LocalDate.now().getYear();
		var levels = new HashMap<Long, ReviewLevel>();
		var branches = organizationReviews.year(office, year).rows().stream().filter((r) -> !r.committee()).toList();
		for (var i = 0; i < branches.size(); i++) {
			levels.put(branches.get(i).organizationId(), (i < 2) ? ReviewLevel.EXCELLENT : ReviewLevel.GOOD);
		}
		assertThatThrownBy(() -> organizationDecisions.decide(office, year, levels, null, null))
			.hasMessageContaining("classification.quota");
		// A secretary writes the branch's report, never another's nor the decision.
		var secretary = people.secretary();
		assertThat(mvc.post()
			.uri("/classification/organizations/" + people.branch() + "/self")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("level", "GOOD")
			.param("report", "Chi bộ hoàn thành tốt nhiệm vụ")).flash().containsKey("flashSuccess");
		assertThat(mvc.post()
			.uri("/classification/organizations/" + people.otherBranch() + "/self")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("level", "GOOD")
			.param("report", "x")).hasStatus(404);
		assertThat(mvc.post()
			.uri("/classification/organizations/decisions")
			.with(user(secretary))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("level-" + people.branch(), "EXCELLENT")).hasStatus(403);
		assertThat(mvc.get().uri("/classification/organizations").with(user(secretary))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ hoàn thành tốt nhiệm vụ")
			.doesNotContain("Chi bộ Nghiệp vụ");
		assertThat(mvc.get().uri("/classification/organizations").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Chi bộ hoàn thành tốt nhiệm vụ", "Chi bộ Nghiệp vụ");
		assertThat(mvc.get().uri("/classification/organizations").with(user(people.member()))).hasStatus(403);
	}

	@Test
	void theSuperiorsObserverReadsItsCommitteesResultsAndNothingElse() {
		var observer = demo.user("captren");
		var last = LocalDate.now().getYear() - 1;
		assertThat(mvc.get().uri("/classification/superior?year=" + last).with(user(observer))).hasStatusOk()
			.bodyText()
			.contains("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh")
			.contains("Hoàn thành tốt nhiệm vụ, quyết định số");
		assertThat(mvc.get().uri("/classification").with(user(observer))).hasStatus(403);
		assertThat(mvc.get().uri("/classification/superior").with(user(demo.user("vanphong")))).hasStatus(403);
	}

}
