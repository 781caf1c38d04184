package vn.chibo.meeting.minutes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.support.RecordChanges;

/**
 * Writes the minutes of a meeting (docs/domain.md §5 "Minutes fields", §16 skeleton): the
 * record itself, speeches, the review of the previous resolution's targets, the new
 * resolution's targets, tasks and proposals; then the chair and the minute-taker sign and
 * the minutes are locked — later changes are amendments with their reason. Two people
 * saving the same minutes never overwrite each other: the second save is refused as a
 * conflict.
 */
@Service
@Transactional
public class MeetingMinutes {

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	private final MinutesQueries queries;

	private final AuditTrail audit;

	private final Clock clock;

	private final MinutesExport export;

	private final SignedMinutes signed;

	private final RecordChanges changes;

	MeetingMinutes(JdbcClient jdbc, MeetingQueries meetings, MinutesQueries queries, AuditTrail audit, Clock clock,
			MinutesExport export, SignedMinutes signed, RecordChanges changes) {
		this.changes = changes;
		this.export = export;
		this.signed = signed;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Saves the record. {@code form.version} must be the version the user started from
	 * (none for new minutes); signed minutes change only with an amendment reason.
	 * Answers the new version.
	 */
	public int save(CurrentUser user, long meetingId, MinutesForm form) {
		requireWriter(user);
		var meeting = meetings.meeting(user, meetingId);
		var current = queries.minutes(user, meetingId).orElse(null);
		var expected = form.getVersion();
		if ((current == null && expected != null && expected != 0)
				|| (current != null && !Objects.equals(expected, current.version()))) {
			throw new ConflictException("minutes.conflict",
					(current != null) ? current.updatedBy() : AuditTrail.SYSTEM);
		}
		var start = form.getStartTime();
		var end = form.getEndTime();
		if (start != null && end != null && !end.isAfter(start)) {
			throw new BusinessRuleException("endTime", "minutes.endTime.beforeStart");
		}
		var chair = form.getChairMemberId();
		var taker = form.getMinuteTakerMemberId();
		var roster = meetings.attendance(user, meetingId);
		for (var person : new Long[] { chair, taker }) {
			if (person != null && roster.stream().noneMatch((r) -> r.memberId() == person)) {
				throw new BusinessRuleException((person.equals(chair)) ? "chairMemberId" : "minuteTakerMemberId",
						"minutes.person.notOnRoster");
			}
		}
		if (chair != null && chair.equals(taker)) {
			throw new BusinessRuleException("minuteTakerMemberId", "minutes.person.same");
		}
		var counts = AttendanceCounts.of(roster);
		var votes = sum(form.getVotesFor(), form.getVotesAgainst(), form.getVotesAbstain());
		if (votes > 0 && counts.attended() > 0 && votes > counts.attended()) {
			throw new BusinessRuleException("votesFor", "minutes.votes.tooMany", votes, counts.attended());
		}
		var reason = line(form.getAmendmentReason(), "amendmentReason", 1000);
		var locked = current != null && current.locked();
		if (locked && reason == null) {
			throw new BusinessRuleException("amendmentReason", "minutes.amendment.reason");
		}
		var zone = clock.getZone();
		var values = new LinkedHashMap<String, @Nullable Object>();
		values.put("started_at",
				(start != null) ? meeting.scheduledOn().atTime(start).atZone(zone).toOffsetDateTime() : null);
		values.put("ended_at",
				(end != null) ? meeting.scheduledOn().atTime(end).atZone(zone).toOffsetDateTime() : null);
		values.put("place", VietnameseText.cleanOrNull(form.getPlace()));
		values.put("chair_member_id", chair);
		values.put("minute_taker_member_id", taker);
		values.put("information", text(form.getInformation()));
		values.put("review", text(form.getReview()));
		values.put("discussion_summary", text(form.getDiscussionSummary()));
		values.put("next_tasks", text(form.getNextTasks()));
		values.put("other_business", text(form.getOtherBusiness()));
		values.put("conclusions", text(form.getConclusions()));
		values.put("resolution", text(form.getResolution()));
		values.put("votes_for", form.getVotesFor());
		values.put("votes_against", form.getVotesAgainst());
		values.put("votes_abstain", form.getVotesAbstain());
		values.put("self_assessment", text(form.getSelfAssessment()));
		var before = (current != null) ? snapshot(current) : Map.<String, @Nullable Object>of();
		var changed = new LinkedHashMap<String, @Nullable Object>();
		var was = new LinkedHashMap<String, @Nullable Object>();
		values.forEach((column, value) -> {
			var old = before.get(column);
			if (!Objects.equals(printable(old), printable(value))) {
				changed.put(column, printable(value));
				was.put(column, printable(old));
			}
		});
		if (current != null && changed.isEmpty()) {
			return current.version();
		}
		var sql = new StringBuilder();
		if (current == null) {
			sql.append("insert into meeting_minutes (committee_id, meeting_id, updated_by, version, ")
				.append(String.join(", ", values.keySet()))
				.append(") values (:committee, :meeting, :by, 1, ");
			sql.append(String.join(", ", values.keySet().stream().map((c) -> ":" + c).toList())).append(')');
		}
		else {
			sql.append("update meeting_minutes set updated_by = :by, updated_at = now(), version = version + 1, ");
			sql.append(String.join(", ", values.keySet().stream().map((c) -> c + " = :" + c).toList()));
			// Changing unlocked minutes after one signature voids it: both sign the same
			// text.
			if (!locked) {
				sql.append(", chair_signed_at = null, chair_signed_by = null, taker_signed_at = null,"
						+ " taker_signed_by = null");
			}
			sql.append(" where committee_id = :committee and meeting_id = :meeting and version = :version");
		}
		var statement = jdbc.sql(sql.toString())
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("by", user.username())
			.param("version", (expected != null) ? expected : 0);
		for (var entry : values.entrySet()) {
			statement = statement.param(entry.getKey(), entry.getValue());
		}
		if (statement.update() == 0) {
			throw new ConflictException("minutes.conflict", (current != null) ? current.updatedBy() : "");
		}
		if (start != null) {
			jdbc.sql(
					"update meeting set status = 'HELD' where committee_id = :committee and id = :id and status = 'PLANNED'")
				.param("committee", user.committeeId())
				.param("id", meetingId)
				.update();
		}
		if (locked && reason != null) {
			signed.amend(user, meetingId, reason, was, changed);
		}
		changes.changed(user.committeeId(), meetingId, MeetingRecordChanged.Part.MINUTES);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId,
				locked ? "amendMinutes" : "minutes", (current != null) ? was : null, changed);
		return (current != null) ? current.version() + 1 : 1;
	}

	/** The chair or the minute-taker, each with their own account, signs the minutes. */
	public void sign(CurrentUser user, long meetingId) {
		var meeting = meetings.meeting(user, meetingId);
		var minutes = queries.minutes(user, meetingId)
			.orElseThrow(() -> new BusinessRuleException("", "minutes.sign.incomplete"));
		var chair = minutes.chairMemberId() != null && user.isMember(minutes.chairMemberId());
		var taker = minutes.minuteTakerMemberId() != null && user.isMember(minutes.minuteTakerMemberId());
		if (!chair && !taker) {
			throw new BusinessRuleException("", "minutes.sign.notSigner");
		}
		if (!missing(user, meetingId).isEmpty()) {
			throw new BusinessRuleException("", "minutes.sign.incomplete");
		}
		var now = OffsetDateTime.now(clock);
		jdbc.sql("""
				update meeting_minutes set
				chair_signed_at = case when :chair and chair_signed_at is null then :now else chair_signed_at end,
				chair_signed_by = case when :chair and chair_signed_at is null then :by else chair_signed_by end,
				taker_signed_at = case when :taker and taker_signed_at is null then :now else taker_signed_at end,
				taker_signed_by = case when :taker and taker_signed_at is null then :by else taker_signed_by end
				where committee_id = :committee and meeting_id = :meeting
				""")
			.param("chair", chair)
			.param("taker", taker)
			.param("now", now)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.update();
		var signed = queries.minutes(user, meetingId).orElseThrow();
		var as = new LinkedHashMap<String, Object>();
		as.put("as", chair ? (taker ? "chair+minuteTaker" : "chair") : "minuteTaker");
		if (signed.locked()) {
			// What both signed, sealed: the document as it reads now.
			var seal = MinutesExport.seal(export.document(user, meetingId));
			jdbc.sql("""
					update meeting_minutes set signed_hash = :seal, signed_version = version
					where committee_id = :committee and meeting_id = :meeting
					""")
				.param("seal", seal)
				.param("committee", user.committeeId())
				.param("meeting", meetingId)
				.update();
			as.put("seal", seal);
		}
		changes.changed(user.committeeId(), meetingId, MeetingRecordChanged.Part.SIGNED);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "signMinutes", null,
				as);
	}

	/**
	 * What the minutes still lack before they can be signed (docs/domain.md §6 "minutes
	 * complete"), each as a message: times, chair, minute-taker, the roll call of every
	 * member, a conclusion or resolution, and the review of each target of the previous
	 * resolution. Empty when they can be signed.
	 */
	@Transactional(readOnly = true)
	public List<Flash.Message> missing(CurrentUser user, long meetingId) {
		var meeting = meetings.readable(user, meetingId);
		var missing = new ArrayList<Flash.Message>();
		var minutes = queries.minutes(user, meetingId).orElse(null);
		if (minutes == null) {
			missing.add(new Flash.Message("minutes.missing.minutes", new Object[0]));
			return missing;
		}
		var counts = AttendanceCounts.of(meetings.attendance(user, meetingId));
		if (minutes.startedAt() == null) {
			missing.add(new Flash.Message("minutes.missing.start", new Object[0]));
		}
		if (minutes.endedAt() == null) {
			missing.add(new Flash.Message("minutes.missing.end", new Object[0]));
		}
		if (minutes.chairMemberId() == null) {
			missing.add(new Flash.Message("minutes.missing.chair", new Object[0]));
		}
		if (minutes.minuteTakerMemberId() == null) {
			missing.add(new Flash.Message("minutes.missing.taker", new Object[0]));
		}
		if (counts.total() == 0) {
			missing.add(new Flash.Message("minutes.missing.roster", new Object[0]));
		}
		else if (counts.unrecorded() > 0) {
			missing.add(new Flash.Message("minutes.missing.rollCall", new Object[] { counts.unrecorded() }));
		}
		if (minutes.conclusions() == null && minutes.resolution() == null) {
			missing.add(new Flash.Message("minutes.missing.conclusion", new Object[0]));
		}
		var unreviewed = queries.previousRegular(user, meeting)
			.map((previous) -> queries.targets(user, previous.id()))
			.orElse(List.of())
			.stream()
			.filter((target) -> target.met() == null)
			.count();
		if (unreviewed > 0 && meeting.kind() == MeetingKind.REGULAR) {
			missing.add(new Flash.Message("minutes.missing.targets", new Object[] { unreviewed }));
		}
		return missing;
	}

	public long addSpeech(CurrentUser user, long meetingId, @Nullable Long memberId, @Nullable String guestName,
			@Nullable String content) {
		requireOpen(user, meetingId);
		var text = text(content, "content", 5000);
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
			speaker = line(guestName, "speaker", 200);
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
		var text = text(content, "target", 1000);
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
			.param("note", text(note, "note", 1000))
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
		var text = text(content, "taskContent", 1000);
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
		var name = line(proposer, "proposer", 200);
		var text = text(content, "proposal", 2000);
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

	private static Map<String, @Nullable Object> snapshot(MinutesView m) {
		var values = new LinkedHashMap<String, @Nullable Object>();
		values.put("started_at", m.startedAt());
		values.put("ended_at", m.endedAt());
		values.put("place", m.place());
		values.put("chair_member_id", m.chairMemberId());
		values.put("minute_taker_member_id", m.minuteTakerMemberId());
		values.put("information", m.information());
		values.put("review", m.review());
		values.put("discussion_summary", m.discussionSummary());
		values.put("next_tasks", m.nextTasks());
		values.put("other_business", m.otherBusiness());
		values.put("conclusions", m.conclusions());
		values.put("resolution", m.resolution());
		values.put("votes_for", m.votesFor());
		values.put("votes_against", m.votesAgainst());
		values.put("votes_abstain", m.votesAbstain());
		values.put("self_assessment", m.selfAssessment());
		return values;
	}

	private static @Nullable Object printable(@Nullable Object value) {
		return (value instanceof OffsetDateTime time) ? time.toInstant().toString() : value;
	}

	private static int sum(@Nullable Integer... values) {
		var total = 0;
		for (var value : values) {
			total += (value != null) ? value : 0;
		}
		return total;
	}

	private static @Nullable String text(@Nullable String value) {
		return VietnameseText.paragraphs(value);
	}

	/** Text of a part of the minutes, at most {@code max} characters. */
	public static @Nullable String text(@Nullable String value, String field, int max) {
		var text = VietnameseText.paragraphs(value);
		if (text != null && text.length() > max) {
			throw new BusinessRuleException(field, "meeting.text.max", max);
		}
		return text;
	}

	/** A name or a line, at most {@code max} characters. */
	public static @Nullable String line(@Nullable String value, String field, int max) {
		var line = VietnameseText.cleanOrNull(value);
		if (line != null && line.length() > max) {
			throw new BusinessRuleException(field, "meeting.text.max", max);
		}
		return line;
	}

}
