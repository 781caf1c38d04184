package vn.chibo.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two transactions changing the attendance of one meeting at once — two members checking
 * in, on one node or on two — each recount the meeting's tally and their members'
 * warnings: the second waits for the first and counts after it (V58). Before, both
 * deleted the tally's row and inserted it again, and the second failed on the key: a
 * check-in answered with a 500.
 */
@ChiboTest
class AttendanceRecountsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void twoCheckInsOfOneMeetingAtOnceAreBothCounted() throws Exception {
		var committee = fixtures.committee();
		var branch = committee.branch(1);
		var first = fixtures.member(committee, branch, "Lê Văn Một", TheoryLevel.ELEMENTARY);
		var second = fixtures.member(committee, branch, "Lê Văn Hai", TheoryLevel.ELEMENTARY);
		var meeting = jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, status)
				values (:committee, :branch, 'REGULAR', :on, 'HELD') returning id
				""")
			.param("committee", committee.id())
			.param("branch", branch)
			.param("on", LocalDate.of(2032, 5, 10))
			.query(Long.class)
			.single();
		var position = 0;
		for (var member : List.of(first, second)) {
			jdbc.sql("""
					insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name,
					probationary, exempted, temporary_in, temporary_out)
					values (:committee, :meeting, :member, :position, 'Đảng viên', false, false, false, false)
					""")
				.param("committee", committee.id())
				.param("meeting", meeting)
				.param("member", member)
				.param("position", ++position)
				.update();
		}

		// The first check-in's transaction stays open until the second is waiting.
		var firstCheckedIn = new CountDownLatch(1);
		var commitFirst = new CountDownLatch(1);
		var secondPid = new AtomicInteger();
		// a thread each (the common pool may have one on two cores)
		var threads = Executors.newFixedThreadPool(2);
		var firstTransaction = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
			checkIn(committee.id(), meeting, first);
			firstCheckedIn.countDown();
			awaitLatch(commitFirst);
		}), threads);
		awaitLatch(firstCheckedIn);
		var secondTransaction = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
			secondPid.set(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
			checkIn(committee.id(), meeting, second);
		}), threads);
		// the second check-in waits for the first
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting(secondPid.get()));
		commitFirst.countDown();
		firstTransaction.get(30, TimeUnit.SECONDS);
		secondTransaction.get(30, TimeUnit.SECONDS);
		threads.shutdown();

		assertThat(jdbc.sql("""
				select expected || '/' || attended from meeting_attendance_tally
				where committee_id = :committee and meeting_id = :meeting
				""").param("committee", committee.id()).param("meeting", meeting).query(String.class).single())
			.isEqualTo("2/2");
	}

	private void checkIn(long committee, long meeting, long member) {
		jdbc.sql("""
				update meeting_attendance set status = 'PRESENT', method = 'SELF_CHECK_IN', checked_in_at = now()
				where committee_id = :committee and meeting_id = :meeting and member_id = :member and status is null
				""").param("committee", committee).param("meeting", meeting).param("member", member).update();
	}

	/** Whether the backend waits for a lock (the other transaction's). */
	private boolean waiting(int pid) {
		return pid != 0
				&& jdbc.sql("select count(*) from pg_stat_activity where pid = :pid and wait_event_type = 'Lock'")
					.param("pid", pid)
					.query(Integer.class)
					.single() == 1;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
