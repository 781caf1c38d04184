package vn.chibo.evaluation;

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
		// PostgreSQL counts the scans of each table within the transaction; with its
		// indexes set aside, a statement scans each table it reads once.
		var scans = transaction.execute((status) -> {
			jdbc.sql("set local enable_indexscan = off").update();
			jdbc.sql("set local enable_indexonlyscan = off").update();
			jdbc.sql("set local enable_bitmapscan = off").update();
			assertThat(earlyWarnings.warnings(office)).isNotEmpty();
			return jdbc.sql("""
					select relname, seq_scan from pg_stat_xact_user_tables
					where relname in ('meeting', 'meeting_task', 'meeting_score')
					""").query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
		});
		// One statement a kind of fact: the meetings of the month, of the quarter and
		// those held; the overdue tasks; the last scores.
		assertThat(scans).containsExactlyInAnyOrder(Map.entry("meeting", 3L), Map.entry("meeting_task", 1L),
				Map.entry("meeting_score", 1L));
	}

}
