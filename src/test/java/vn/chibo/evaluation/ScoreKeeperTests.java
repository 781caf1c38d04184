package vn.chibo.evaluation;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.meeting.MeetingRecordChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.evaluation.score.ScoreKeeper;

/**
 * Scores come from the record, not from page views: a change is scored through the event
 * publication registry, a held meeting no event reached is scored by the sweep, and
 * reading a score never makes one.
 */
@ChiboTest
class ScoreKeeperTests {

	@Autowired
	ScoreKeeper keeper;

	@Autowired
	Evaluations evaluations;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theDemoStartsFullyScoredAndTheSweepScoresWhatNoEventReached() {
		var office = demo.user("vanphong");
		assertThat(evaluations.unscored(office.committeeId())).isEmpty();
		var meeting = jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
				values (:c, :b, 'REGULAR', :d, time '14:00', 'HELD', 'HD42_2025') returning id
				""")
			.param("c", office.committeeId())
			.param("b", demo.branchId("CB02"))
			.param("d", LocalDate.of(2026, 11, 3))
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/evaluation/meetings/{id}", meeting).with(user(office))).hasStatusOk();
		assertThat(evaluations.scores(office, meeting)).isEmpty();
		assertThat(evaluations.unscored(office.committeeId())).containsExactly(meeting);
		assertThat(keeper.sweep(office.committeeId())).isOne();
		assertThat(evaluations.scores(office, meeting)).singleElement()
			.satisfies((score) -> assertThat(score.scoredBy()).isEqualTo("system"));
		assertThat(evaluations.unscored(office.committeeId())).isEmpty();
	}

	@Test
	void eachChangeIsKeptAsAPublicationUntilItIsScored() {
		var before = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		var office = demo.user("vanphong");
		var meeting = jdbc.sql("select max(id) from meeting where branch_id = :b and status = 'HELD'")
			.param("b", demo.branchId("CB02"))
			.query(Long.class)
			.single();
		// Stored in the transaction of the change, completed once scored after it.
		new TransactionTemplate(transactions).executeWithoutResult((status) -> publisher
			.publishEvent(new MeetingRecordChanged(office.committeeId(), meeting, MeetingRecordChanged.Part.MINUTES)));
		assertThat(jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single()).isZero();
	}

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher publisher;

}
