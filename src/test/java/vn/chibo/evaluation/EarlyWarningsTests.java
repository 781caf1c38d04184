package vn.chibo.evaluation;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.meeting.MeetingQueries;

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
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theWarningsOfEveryBranchReadEachTableOnce() {
		var office = demo.user("vanphong");
		assertThat(meetings.readableBranches(office, null)).hasSizeGreaterThanOrEqualTo(6);
		// PostgreSQL counts a connection's scans of each table (those of its last
		// transactions too, until it reports them): the difference across the
		// warnings, with the indexes set aside so that a statement scans each table it
		// reads once.
		var scans = transaction.execute((status) -> {
			jdbc.sql("set local enable_indexscan = off").update();
			jdbc.sql("set local enable_indexonlyscan = off").update();
			jdbc.sql("set local enable_bitmapscan = off").update();
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
		// those held; the overdue tasks; the last scores; the attendance of the meetings
		// held as the database counts it (V54), never their lines; the absences.
		assertThat(scans).containsExactlyInAnyOrderEntriesOf(Map.of("meeting", 3L, "meeting_task", 1L, "meeting_score",
				1L, "meeting_attendance_tally", 1L, "meeting_attendance", 0L, "meeting_attendance_warning", 1L));
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
