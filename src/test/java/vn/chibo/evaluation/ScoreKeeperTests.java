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
import vn.chibo.Fixtures;
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
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theDemoStartsFullyScored() {
		assertThat(evaluations.unscored(demo.user("vanphong").committeeId())).isEmpty();
	}

	@Test
	void theSweepScoresWhatNoEventReached() {
		var committee = fixtures.committee();
		var office = committee.office();
		var meeting = heldWithoutAnEvent(committee);
		assertThat(mvc.get().uri("/evaluation/meetings/{id}", meeting).with(user(office))).hasStatusOk();
		assertThat(evaluations.scores(office, meeting)).isEmpty();
		assertThat(evaluations.unscored(committee.id())).containsExactly(meeting);
		assertThat(keeper.sweep(committee.id())).isOne();
		assertThat(evaluations.scores(office, meeting)).singleElement()
			.satisfies((score) -> assertThat(score.scoredBy()).isEqualTo("system"));
		assertThat(evaluations.unscored(committee.id())).isEmpty();
	}

	@Test
	void eachChangeIsKeptAsAPublicationUntilItIsScored() {
		var committee = fixtures.committee();
		var meeting = heldWithoutAnEvent(committee);
		var before = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		// Stored in the transaction of the change, completed once scored after it.
		new TransactionTemplate(transactions).executeWithoutResult((status) -> publisher
			.publishEvent(new MeetingRecordChanged(committee.id(), meeting, MeetingRecordChanged.Part.MINUTES)));
		assertThat(jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single()).isZero();
		assertThat(evaluations.unscored(committee.id())).isEmpty();
	}

	/** A held meeting written straight into its table, as if its event had been lost. */
	private long heldWithoutAnEvent(Fixtures.Committee committee) {
		return jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
				values (:c, :b, 'REGULAR', :d, time '14:00', 'HELD', 'HD42_2025') returning id
				""")
			.param("c", committee.id())
			.param("b", committee.branch(1))
			.param("d", LocalDate.of(2026, 11, 3))
			.query(Long.class)
			.single();
	}

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher publisher;

}
