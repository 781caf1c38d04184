package vn.chibo.meeting.minutes;

import java.time.Clock;
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

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.support.MeetingText;
import vn.chibo.meeting.support.RecordChanges;

/**
 * Writes the minutes of a meeting (docs/domain.md §5 "Minutes fields", §16 skeleton): the
 * record itself — its entries (speeches, targets, tasks, proposals) are
 * {@link MinutesEntries} — then the chair and the minute-taker sign and the minutes are
 * locked; later changes are amendments with their reason. Two people saving the same
 * minutes never overwrite each other: the second save is refused as a conflict.
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
		var reason = MeetingText.line(form.getAmendmentReason(), "amendmentReason", 1000);
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

}
