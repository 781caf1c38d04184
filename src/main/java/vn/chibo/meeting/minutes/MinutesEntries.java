package vn.chibo.meeting.minutes;

import java.time.LocalDate;
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
import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.support.MeetingText;
import vn.chibo.meeting.support.RecordChanges;

/**
 * The entries of a meeting's minutes (docs/domain.md §5 "Minutes fields"): who spoke and
 * what they said, the review of the previous resolution's targets, the new resolution's
 * targets, the tasks given to members and the proposals forwarded to the committee. Each
 * is added and removed on its own while the minutes are open; once signed they are part
 * of the locked record.
 */
@Service
@Transactional
public class MinutesEntries {

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	private final MinutesQueries queries;

	private final AuditTrail audit;

	private final RecordChanges changes;

	MinutesEntries(JdbcClient jdbc, MeetingQueries meetings, MinutesQueries queries, AuditTrail audit,
			RecordChanges changes) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.queries = queries;
		this.audit = audit;
		this.changes = changes;
	}

	public long addSpeech(CurrentUser user, long meetingId, @Nullable Long memberId, @Nullable String guestName,
			@Nullable String content) {
		requireOpen(user, meetingId);
		var text = MeetingText.text(content, "content", 5000);
		if (text == null) {
			throw new BusinessRuleException("content", "minutes.speech.content.required");
		}
		String speaker;
		if (memberId != null) {
			speaker = meetings.attendance(user, meetingId)
				.stream()
				.filter((r) -> r.memberId() == memberId)
				.findFirst()
				.orElseThrow(() -> new BusinessRuleException("speaker", "minutes.person.notOnRoster"))
				.fullName();
		}
		else {
			speaker = MeetingText.line(guestName, "speaker", 200);
			if (speaker == null) {
				throw new BusinessRuleException("speaker", "minutes.speech.speaker.required");
			}
		}
		var id = jdbc.sql("""
				insert into meeting_speech (committee_id, meeting_id, member_id, speaker_name, content)
				values (:committee, :meeting, :member, :speaker, :content) returning id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("member", memberId)
			.param("speaker", speaker)
			.param("content", text)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "speech", null,
				Map.of("speaker", speaker));
		return id;
	}

	public void removeSpeech(CurrentUser user, long meetingId, long speechId) {
		requireOpen(user, meetingId);
		remove(user, meetingId, "meeting_speech", speechId, "speaker_name", "removeSpeech");
	}

	/** A target of the resolution this meeting adopts, for the next meeting to review. */
	public long addTarget(CurrentUser user, long meetingId, @Nullable String content) {
		requireOpen(user, meetingId);
		var text = MeetingText.text(content, "target", 1000);
		if (text == null) {
			throw new BusinessRuleException("target", "minutes.target.content.required");
		}
		var id = jdbc
			.sql("""
					insert into resolution_target (committee_id, meeting_id, content) values (:committee, :meeting, :content)
					returning id
					""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("content", text)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "target", null,
				Map.of("target", text));
		return id;
	}

	public void removeTarget(CurrentUser user, long meetingId, long targetId) {
		requireOpen(user, meetingId);
		remove(user, meetingId, "resolution_target", targetId, "content", "removeTarget");
	}

	/**
	 * Reviews a target of the previous regular meeting's resolution at this meeting: met
	 * or not, with a note (docs/domain.md §5 agenda item 3; §6 criterion 7).
	 */
	public void reviewTarget(CurrentUser user, long meetingId, long targetId, @Nullable Boolean met,
			@Nullable String note) {
		requireOpen(user, meetingId);
		var meeting = meetings.meeting(user, meetingId);
		var previous = queries.previousRegular(user, meeting).orElseThrow(NotFoundException::new);
		var target = queries.targets(user, previous.id())
			.stream()
			.filter((t) -> t.id() == targetId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (met == null) {
			throw new BusinessRuleException("met", "minutes.target.met.required");
		}
		jdbc.sql("""
				update resolution_target set met = :met, review_note = :note, reviewed_in_meeting_id = :meeting
				where committee_id = :committee and id = :id
				""")
			.param("met", met)
			.param("note", MeetingText.text(note, "note", 1000))
			.param("meeting", meetingId)
			.param("committee", user.committeeId())
			.param("id", targetId)
			.update();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "reviewTarget",
				Map.of("target", target.content(), "met", String.valueOf(target.met())),
				Map.of("target", target.content(), "met", met));
	}

	public long addTask(CurrentUser user, long meetingId, @Nullable Long memberId, @Nullable String content,
			@Nullable LocalDate dueOn) {
		requireOpen(user, meetingId);
		var meeting = meetings.meeting(user, meetingId);
		var text = MeetingText.text(content, "taskContent", 1000);
		if (memberId == null) {
			throw new BusinessRuleException("taskMember", "minutes.task.member.required");
		}
		var member = meetings.attendance(user, meetingId)
			.stream()
			.filter((r) -> r.memberId() == memberId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("taskMember", "minutes.person.notOnRoster"));
		if (text == null) {
			throw new BusinessRuleException("taskContent", "minutes.task.content.required", member.fullName());
		}
		if (dueOn == null || dueOn.isBefore(meeting.scheduledOn())) {
			throw new BusinessRuleException("taskDue", "minutes.task.due.required", member.fullName());
		}
		var id = jdbc.sql("""
				insert into meeting_task (committee_id, meeting_id, branch_id, member_id, content, due_on)
				values (:committee, :meeting, :branch, :member, :content, :due) returning id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("branch", meeting.branchId())
			.param("member", memberId)
			.param("content", text)
			.param("due", dueOn)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "task", null,
				Map.of("member", member.fullName(), "task", text, "dueOn", dueOn.toString()));
		return id;
	}

	public void removeTask(CurrentUser user, long meetingId, long taskId) {
		requireOpen(user, meetingId);
		remove(user, meetingId, "meeting_task", taskId, "content", "removeTask");
	}

	/**
	 * A member's proposal recorded in the minutes, forwarded to the committee at once.
	 */
	public long addProposal(CurrentUser user, long meetingId, @Nullable String proposer, @Nullable String content) {
		requireOpen(user, meetingId);
		var meeting = meetings.meeting(user, meetingId);
		var name = MeetingText.line(proposer, "proposer", 200);
		var text = MeetingText.text(content, "proposal", 2000);
		if (name == null) {
			throw new BusinessRuleException("proposer", "minutes.proposal.proposer.required");
		}
		if (text == null) {
			throw new BusinessRuleException("proposal", "minutes.proposal.content.required");
		}
		var id = jdbc.sql("""
				insert into meeting_proposal (committee_id, meeting_id, branch_id, proposer_name, content)
				values (:committee, :meeting, :branch, :name, :content) returning id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("branch", meeting.branchId())
			.param("name", name)
			.param("content", text)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "proposal", null,
				Map.of("proposer", name, "proposal", text));
		return id;
	}

	public void removeProposal(CurrentUser user, long meetingId, long proposalId) {
		requireOpen(user, meetingId);
		remove(user, meetingId, "meeting_proposal", proposalId, "content", "removeProposal");
	}

	private void remove(CurrentUser user, long meetingId, String table, long id, String label, String action) {
		var removed = jdbc
			.sql("delete from " + table + " where committee_id = :committee and meeting_id = :meeting and id = :id"
					+ " returning " + label)
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, action,
				Map.of("removed", removed), null);
	}

	/**
	 * The secretary writes; once signed, the speeches, targets, tasks and proposals are
	 * part of the locked record.
	 */
	private void requireOpen(CurrentUser user, long meetingId) {
		requireWriter(user);
		meetings.meeting(user, meetingId);
		if (queries.minutes(user, meetingId).map(MinutesView::locked).orElse(false)) {
			throw new BusinessRuleException("", "minutes.locked");
		}
		// What follows changes what the minutes record; scored once it commits.
		changes.changed(user.committeeId(), meetingId, MeetingRecordChanged.Part.MINUTES);
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.role().plansMeetings()) {
			throw new AccessDeniedException("minutes");
		}
	}

}
