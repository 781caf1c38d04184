package vn.chibo.evaluation.score;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.cluster.ClusterLocks;

import vn.chibo.evaluation.Evaluations;

/**
 * Keeps scores following the record (docs/domain.md §6), never a page view: each change
 * the meeting module announces is scored once it has committed, in a transaction of its
 * own and in the thread of the change, so the page the user lands on shows the new score;
 * the event is kept by the publication registry until scoring succeeds. A sweep scores
 * every held meeting still without a score (a history loaded in bulk, an event lost
 * before the registry existed) and delivers again what failed.
 */
@Component
public class ScoreKeeper {

	private static final Logger log = LoggerFactory.getLogger(ScoreKeeper.class);

	private final Evaluations evaluations;

	private final OrganizationQueries organizations;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final ClusterLocks locks;

	ScoreKeeper(Evaluations evaluations, OrganizationQueries organizations, IncompleteEventPublications incomplete,
			CompletedEventPublications completed, ClusterLocks locks) {
		this.locks = locks;
		this.evaluations = evaluations;
		this.organizations = organizations;
		this.incomplete = incomplete;
		this.completed = completed;
	}

	// The listener of a module as @ApplicationModuleListener declares it, less @Async:
	// after the commit, in a transaction of its own, tracked by the registry.
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(MeetingRecordChanged change) {
		evaluations.refresh(change.committeeId(), change.meetingId(), change.signing());
	}

	@Scheduled(fixedDelayString = "${chibo.evaluation.sweep-every:10m}",
			initialDelayString = "${chibo.evaluation.sweep-after:1m}")
	public void sweep() {
		// once per cluster: the other nodes skip the turn while one sweeps
		locks.runAlone("evaluation.sweep", this::sweepAll);
	}

	private void sweepAll() {
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
		completed.deletePublicationsOlderThan(Duration.ofDays(7));
		var scored = 0;
		for (var committeeId : organizations.grassrootsCommittees()) {
			scored += sweep(committeeId);
		}
		if (scored > 0) {
			log.info("Scored {} held meetings that had no score", scored);
		}
	}

	/** Scores the committee's held meetings that have none; answers how many. */
	public int sweep(long committeeId) {
		var scored = 0;
		for (var meetingId : evaluations.unscored(committeeId)) {
			if (evaluations.refresh(committeeId, meetingId, false)) {
				scored++;
			}
		}
		return scored;
	}

}
