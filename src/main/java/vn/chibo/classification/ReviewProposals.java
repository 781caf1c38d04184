package vn.chibo.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Step 2 of the members' review (docs/domain.md §7): the branch proposes each member's
 * level with its opinion at its year-end review meeting, and the vote on it.
 */
@Service
@Transactional
public class ReviewProposals {

	private final MemberReviews reviews;

	private final RuleSets ruleSets;

	private final MeetingQueries meetings;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ReviewProposals(MemberReviews reviews, RuleSets ruleSets, MeetingQueries meetings, JdbcClient jdbc,
			AuditTrail audit, Clock clock) {
		this.reviews = reviews;
		this.ruleSets = ruleSets;
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Step 2: the branch proposes a member's level with its opinion. */
	public void propose(CurrentUser user, long branchId, int year, long memberId, @Nullable ReviewLevel level,
			@Nullable String opinion, @Nullable Vote vote) {
		var branch = reviews.readable(user, branchId);
		if (!MemberReviews.proposes(user)) {
			throw new AccessDeniedException("propose");
		}
		ReviewYears.requireOpen(year, clock);
		var review = reviews.reviews(user.committeeId(), branch.id(), year)
			.stream()
			.filter((r) -> r.memberId() == memberId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("memberId", "classification.member.notRated"));
		if (review.decided()) {
			throw new BusinessRuleException("level", "classification.decided");
		}
		if (level == null) {
			throw new BusinessRuleException("level", "classification.level.required");
		}
		if (vote != null) {
			checkVote(user, branch.id(), year, vote);
		}
		reviews.upsert(user.committeeId(), year, memberId, branch.id(),
				ruleSets.forYear(user.committeeId(), year).id());
		jdbc.sql("""
				update member_review set proposed_level = :level, opinion = :opinion, proposed_on = :on,
				proposed_by = :by, meeting_id = :meeting, votes_for = :for, votes_against = :against
				where committee_id = :committee and year = :year and member_id = :member
				""")
			.param("meeting", (vote != null) ? vote.meetingId() : null)
			.param("for", (vote != null) ? vote.votesFor() : null)
			.param("against", (vote != null) ? vote.votesAgainst() : null)
			.param("level", level.name())
			.param("opinion", VietnameseText.paragraphs(opinion))
			.param("on", LocalDate.now(clock))
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("year", year)
			.param("member", memberId)
			.update();
		audit.record(user.committeeId(), user.username(), MemberReviews.AUDIT_TYPE, memberId, "propose",
				(review.proposedLevel() != null) ? Map.of("proposedLevel", review.proposedLevel().name()) : null,
				(vote != null)
						? Map.of("year", year, "proposedLevel", level.name(), "meeting", vote.meetingId(), "votes",
								vote.votesFor() + "/" + vote.votesAgainst())
						: Map.of("year", year, "proposedLevel", level.name()));
	}

	/**
	 * The vote on a proposed level at the branch's year-end review meeting
	 * (docs/domain.md §7 step 2): those for and against, as the minutes record them.
	 */
	public record Vote(long meetingId, int votesFor, int votesAgainst) {
	}

	/**
	 * The branch's year-end review meetings of the year, by date: where its proposals are
	 * voted.
	 */
	@Transactional(readOnly = true)
	public List<MeetingRow> reviewMeetings(CurrentUser user, long branchId, int year) {
		reviews.readable(user, branchId);
		return meetings.calendar(user, year, branchId)
			.stream()
			.filter((m) -> m.kind() == MeetingKind.YEAR_REVIEW && m.branchId() == branchId
					&& m.status() != MeetingStatus.CANCELLED)
			.toList();
	}

	/**
	 * A vote at a review meeting of the branch in the year, with no more votes than the
	 * branch has members rated.
	 */
	private void checkVote(CurrentUser user, long branchId, int year, Vote vote) {
		if (reviewMeetings(user, branchId, year).stream().noneMatch((m) -> m.id() == vote.meetingId())) {
			throw new BusinessRuleException("meetingId", "classification.vote.meeting");
		}
		var rated = reviews.reviews(user.committeeId(), branchId, year).size();
		if (vote.votesFor() < 0 || vote.votesAgainst() < 0 || vote.votesFor() + vote.votesAgainst() > rated) {
			throw new BusinessRuleException("votesFor", "classification.vote.count", rated);
		}
	}

}
