package vn.chibo.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.HeldMeeting;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.member.TheoryLevel;
import vn.chibo.evaluation.score.ScoreKeeper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The early warnings of a whole committee read each kind of fact once for every branch,
 * not once a branch: the office's start page shows them (docs/architecture.md, "Fast
 * pages").
 */
@ChiboTest
class EarlyWarningsTests {

	@Autowired
	EarlyWarnings earlyWarnings;

	@Autowired
	MeetingQueries meetings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ScoreKeeper keeper;

	@Autowired
	Evaluations evaluations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theWarningsOfEveryBranchReadEachTableOnce() {
		// A committee of four branches, two of which held meetings in the warnings'
		// window: a member absent without a reason, a task overdue, the meetings scored.
		var people = fixtures.people();
		var committee = people.committee();
		fixtures.moreBranches(committee, 4);
		var today = LocalDate.now();
		var task = new HeldMeeting.Task(people.member().memberId(), "Báo cáo tình hình đoàn viên", today.minusDays(5),
				TaskStatus.OPEN);
		fixtures.held(
				committee, people.branch(), today.minusDays(40), Map.of(people.secretary().memberId(),
						AttendanceStatus.PRESENT, people.member().memberId(), AttendanceStatus.ABSENT_UNEXCUSED),
				true, List.of());
		fixtures.held(
				committee, people.branch(), today.minusDays(10), Map.of(people.secretary().memberId(),
						AttendanceStatus.PRESENT, people.member().memberId(), AttendanceStatus.PRESENT),
				false, List.of(task));
		fixtures.held(
				committee, people.otherBranch(), today.minusDays(12), Map.of(people.otherSecretary().memberId(),
						AttendanceStatus.PRESENT, people.otherMember().memberId(), AttendanceStatus.ABSENT_EXCUSED),
				true, List.of());
		assertThat(keeper.sweep(committee.id())).isEqualTo(3);
		var office = committee.office();
		assertThat(meetings.readableBranches(office, null)).hasSize(4);
		assertThat(earlyWarnings.warnings(office)).extracting(EarlyWarning::kind)
			.contains(EarlyWarning.Kind.UNEXCUSED_ABSENCE, EarlyWarning.Kind.OVERDUE_TASKS,
					EarlyWarning.Kind.MINUTES_UNSIGNED, EarlyWarning.Kind.LOW_ATTENDANCE);
		// PostgreSQL counts a connection's scans of each table (those of its last
		// transactions too, until it reports them): the difference across the
		// warnings, with the indexes and nested loops set aside so that a statement
		// scans each table it reads once (a nested loop scans its inner table again for
		// each outer row).
		var scans = transaction.execute((status) -> {
			jdbc.sql("set local enable_indexscan = off").update();
			jdbc.sql("set local enable_indexonlyscan = off").update();
			jdbc.sql("set local enable_bitmapscan = off").update();
			jdbc.sql("set local enable_nestloop = off").update();
			// A pooled connection that ran these statements before may hold a cached
			// generic plan with index scans, which the settings above do not change:
			// plan each statement afresh.
			jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
			var before = scans();
			assertThat(earlyWarnings.warnings(office)).isNotEmpty();
			var after = scans();
			after.replaceAll((table, count) -> count - before.getOrDefault(table, 0L));
			return after;
		});
		// One statement a kind of fact: the meetings of the month, of the quarter and
		// those held; the overdue tasks; the attendance of the meetings held as the
		// database counts it (V54), never their lines; the absences. The last scores are
		// one statement that reads each branch's newest three in turn, a scan a branch.
		assertThat(scans).containsExactlyInAnyOrderEntriesOf(Map.of("meeting", 3L, "meeting_task", 1L, "meeting_score",
				4L, "meeting_attendance_tally", 1L, "meeting_attendance", 0L, "meeting_attendance_warning", 1L));
	}

	@Test
	void theNewestWarningsAreTheFirstOfAllAndCountThemAll() {
		// Two branches, absences on the same days as each other and as the unsigned
		// minutes and low attendance of their meetings: the start page's first few
		// must be the list's first few, in the same order, and count all of them.
		var people = fixtures.people();
		var committee = people.committee();
		var today = LocalDate.now();
		var second = fixtures.member(committee, people.branch(), "Lê Thị Vắng", TheoryLevel.ELEMENTARY);
		for (var days : List.of(40, 25, 10)) {
			fixtures.held(committee, people.branch(), today.minusDays(days),
					Map.of(people.secretary().memberId(), AttendanceStatus.PRESENT, people.member().memberId(),
							AttendanceStatus.ABSENT_UNEXCUSED, second, AttendanceStatus.ABSENT_UNEXCUSED),
					days != 10, List.of());
			fixtures
				.held(committee, people.otherBranch(), today.minusDays(days),
						Map.of(people.otherSecretary().memberId(), AttendanceStatus.PRESENT,
								people.otherMember().memberId(), AttendanceStatus.ABSENT_UNEXCUSED),
						days == 10, List.of());
		}
		var office = committee.office();
		var all = earlyWarnings.warnings(office);
		assertThat(all).filteredOn((w) -> w.kind() == EarlyWarning.Kind.UNEXCUSED_ABSENCE).hasSize(9);
		for (var size = 1; size <= all.size() + 1; size++) {
			var newest = earlyWarnings.newest(office, size);
			assertThat(newest.items()).as("the newest %d", size)
				.containsExactlyElementsOf(all.subList(0, Math.min(size, all.size())));
			assertThat(newest.total()).isEqualTo(all.size());
		}
		// A secretary's: their branch's and those they follow.
		var secretary = people.secretary();
		assertThat(earlyWarnings.newest(secretary, 4).items())
			.containsExactlyElementsOf(earlyWarnings.warnings(secretary).subList(0, 4));
	}

	@Test
	void scoresFallingTwiceRunningInTheLastThreeRegularMeetingsWarn() {
		// Four meetings of one branch scored alike but for the points given by hand to
		// 4.2: the oldest low, then falling; the other branch's rising.
		var people = fixtures.people();
		var committee = people.committee();
		var today = LocalDate.now();
		var points = new double[] { 2, 10, 8, 6 };
		var ids = new long[4];
		for (var i = 0; i < 4; i++) {
			ids[i] = fixtures.held(committee, people.branch(), today.minusDays(100 - 30 * i),
					Map.of(people.secretary().memberId(), AttendanceStatus.PRESENT), false, List.of());
			fixtures.held(committee, people.otherBranch(), today.minusDays(100 - 30 * i),
					Map.of(people.otherSecretary().memberId(), AttendanceStatus.PRESENT), false, List.of());
		}
		keeper.sweep(committee.id());
		var rubricId = evaluations.scores(people.secretary(), ids[0]).getFirst().rubricId();
		var percents = new String[4];
		for (var i = 0; i < 4; i++) {
			evaluations.score(people.secretary(), ids[i], rubricId, "4.2", points[i], null);
			var percent = jdbc.sql("select percent from meeting_score where committee_id = :c and meeting_id = :m")
				.param("c", committee.id())
				.param("m", ids[i])
				.query(Double.class)
				.single();
			percents[i] = String.valueOf(percent).replace('.', ',');
		}
		var falling = earlyWarnings.warnings(committee.office())
			.stream()
			.filter((w) -> w.kind() == EarlyWarning.Kind.SCORES_FALLING)
			.toList();
		// The three newest, oldest first, at the newest's date; not the first three.
		assertThat(falling).singleElement().satisfies((w) -> {
			assertThat(w.branchId()).isEqualTo(people.branch());
			assertThat(w.on()).isEqualTo(today.minusDays(10));
			assertThat(w.details()).containsExactly(percents[1], percents[2], percents[3]);
			assertThat(w.link()).isEqualTo("/evaluation/meetings/" + ids[3]);
		});
	}

	private Map<String, Long> scans() {
		var scans = new HashMap<String, Long>();
		jdbc.sql("""
				select relname, seq_scan from pg_stat_xact_user_tables
				where relname in ('meeting', 'meeting_task', 'meeting_score', 'meeting_attendance_tally',
					'meeting_attendance', 'meeting_attendance_warning')
				""")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach((e) -> scans.put(e.getKey(), e.getValue()));
		return scans;
	}

}
