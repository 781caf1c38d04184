package vn.chibo.shared.security;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node signs the check-in codes with one key, kept in the database: a node that
 * first needs the key inside a transaction that then rolls back (a refused check-in, say)
 * keeps the key that the database keeps too, so a code it showed is accepted by a node
 * started after it (docs/operations.md, "Several nodes behind a proxy").
 */
@ChiboTest
class CheckInKeyTests {

	private static final String KEY = "meeting-check-in";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CheckInProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aKeyFirstNeededInATransactionThatRolledBackIsTheKeyOfEveryNode() {
		var kept = secret();
		// A database no node has written its key to yet.
		jdbc.sql("delete from signing_key where name = :name").param("name", KEY).update();
		try {
			var first = new CheckInTokens(jdbc, clock, properties, transactions);
			var code = new TransactionTemplate(transactions).execute((status) -> {
				var issued = first.issue(CheckInTokens.Purpose.MEETING, 7, 42);
				status.setRollbackOnly();
				return issued;
			});
			assertThat(secret()).as("the key kept after the rollback").isPresent();
			var second = new CheckInTokens(jdbc, clock, properties, transactions);
			assertThat(second.verify(CheckInTokens.Purpose.MEETING, code).meetingId()).isEqualTo(42);
		}
		finally {
			// The application's own instance keeps its key in memory: the row goes back
			// as it was.
			jdbc.sql("delete from signing_key where name = :name").param("name", KEY).update();
			kept.ifPresent((secret) -> jdbc.sql("insert into signing_key (name, secret) values (:name, :secret)")
				.param("name", KEY)
				.param("secret", secret)
				.update());
		}
	}

	private Optional<byte[]> secret() {
		return jdbc.sql("select secret from signing_key where name = :name")
			.param("name", KEY)
			.query(byte[].class)
			.optional();
	}

}
