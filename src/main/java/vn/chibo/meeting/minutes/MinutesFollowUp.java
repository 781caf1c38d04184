package vn.chibo.meeting.minutes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.meeting.support.MeetingText;

/**
 * What follows the minutes after the meeting (docs/domain.md §5 "Minutes fields": tasks
 * with their owner and due date, proposals to the committee): members report their tasks
 * done, the secretary verifies them, and the committee answers proposals. These change
 * after the minutes are signed, so they are not amendments of the record.
 */
@Service
@Transactional
public class MinutesFollowUp {

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	private final AuditTrail audit;

	private final Clock clock;

	MinutesFollowUp(JdbcClient jdbc, MeetingQueries meetings, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Moves a task on: the member (or the secretary) marks it done; the secretary
	 * verifies it, at a meeting when {@code atMeetingId} is given. Open → done →
	 * verified; a verified task stays verified.
	 */
	public void setTaskStatus(CurrentUser user, long taskId, TaskStatus status, @Nullable Long atMeetingId) {
		var task = jdbc.sql("""
				select k.branch_id, k.member_id, k.status, k.content, k.meeting_id from meeting_task k
				where k.committee_id = :committee and k.id = :id
				""")
			.param("committee", user.committeeId())
			.param("id", taskId)
			.query((rs, row) -> new TaskFacts(rs.getLong(1), rs.getLong(2), TaskStatus.valueOf(rs.getString(3)),
					rs.getString(4), rs.getLong(5)))
			.optional()
			.orElseThrow(NotFoundException::new);
		var branchId = task.branchId();
		var memberId = task.memberId();
		var current = task.status();
		if (!user.isMember(memberId) && meetings.branches(user, branchId).isEmpty()) {
			throw new NotFoundException();
		}
		var own = user.isMember(memberId);
		var planner = user.role().plansMeetings() && !meetings.branches(user, branchId).isEmpty();
		if (status == TaskStatus.VERIFIED ? !planner : !(own || planner)) {
			throw new AccessDeniedException("task");
		}
		if (current == TaskStatus.VERIFIED || status == current || status == TaskStatus.OPEN && !planner) {
			throw new BusinessRuleException("status", "minutes.task.status.invalid", task.content());
		}
		var now = OffsetDateTime.now(clock);
		jdbc.sql("""
				update meeting_task set status = :status,
				done_at = case when :status = 'OPEN' then null else coalesce(done_at, :now) end,
				done_by = case when :status = 'OPEN' then null else coalesce(done_by, :by) end,
				verified_at = case when :status = 'VERIFIED' then :now end,
				verified_by = case when :status = 'VERIFIED' then :by end,
				verified_in_meeting_id = case when :status = 'VERIFIED' then cast(:meeting as bigint) end
				where committee_id = :committee and id = :id
				""")
			.param("status", status.name())
			.param("now", now)
			.param("by", user.username())
			.param("meeting", atMeetingId)
			.param("committee", user.committeeId())
			.param("id", taskId)
			.update();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, task.meetingId(), "taskStatus",
				Map.of("task", task.content(), "status", current), Map.of("task", task.content(), "status", status));
	}

	/**
	 * The committee (office, administrator, committee members) answers a proposal; the
	 * branch sees the answer.
	 */
	public void answerProposal(CurrentUser user, long proposalId, @Nullable String answer) {
		if (!user.role().answersProposals()) {
			throw new AccessDeniedException("proposal");
		}
		var proposal = jdbc
			.sql("select branch_id, meeting_id from meeting_proposal where committee_id = :c and id = :id")
			.param("c", user.committeeId())
			.param("id", proposalId)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional()
			.orElseThrow(NotFoundException::new);
		if (meetings.branches(user, proposal[0]).isEmpty()) {
			throw new NotFoundException();
		}
		var text = MeetingText.text(answer, "answer", 4000);
		if (text == null) {
			throw new BusinessRuleException("answer", "minutes.proposal.answer.required");
		}
		jdbc.sql("""
				update meeting_proposal set answer = :answer, answered_at = :now, answered_by = :by
				where committee_id = :committee and id = :id
				""")
			.param("answer", text)
			.param("now", OffsetDateTime.now(clock))
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("id", proposalId)
			.update();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, proposal[1], "answerProposal",
				null, Map.of("answer", text));
	}

	private record TaskFacts(long branchId, long memberId, TaskStatus status, String content, long meetingId) {
	}

}
