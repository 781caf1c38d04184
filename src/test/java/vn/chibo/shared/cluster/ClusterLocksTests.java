package vn.chibo.shared.cluster;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job runs on one node at a time: while one connection (a node) holds the job's lock,
 * another skips its turn; once the first is done, the next turn runs.
 */
@ChiboTest
class ClusterLocksTests {

	@Autowired
	ClusterLocks locks;

	@Test
	void aJobRunsOnOneNodeAtATime() throws Exception {
		var running = new CountDownLatch(1);
		var done = new CountDownLatch(1);
		var first = Thread.ofVirtual().start(() -> locks.runAlone("test.job", () -> {
			running.countDown();
			await(done);
		}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

		var ranOnSecond = new AtomicBoolean();
		assertThat(locks.runAlone("test.job", () -> ranOnSecond.set(true))).isFalse();
		assertThat(ranOnSecond).isFalse();
		assertThat(locks.runAlone("another.job", () -> {
		})).as("another job is not held up").isTrue();

		done.countDown();
		first.join();
		assertThat(locks.runAlone("test.job", () -> ranOnSecond.set(true))).isTrue();
		assertThat(ranOnSecond).isTrue();
	}

	@Test
	void aJobThatFailsLetsTheNextTurnRun() {
		try {
			locks.runAlone("failing.job", () -> {
				throw new IllegalStateException("failed");
			});
		}
		catch (IllegalStateException expected) {
			// the job's own failure reaches its caller
		}
		assertThat(locks.runAlone("failing.job", () -> {
		})).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
