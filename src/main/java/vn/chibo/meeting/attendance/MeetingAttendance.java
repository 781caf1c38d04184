package vn.chibo.meeting.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static vn.chibo.meeting.support.MeetingAccess.requirePlanner;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.minutes.SignedMinutes;
import vn.chibo.meeting.support.RecordChanges;
import vn.chibo.meeting.support.MeetingText;

/**
 * Takes a meeting's attendance (docs/domain.md §5): the roster snapshot of the branch on
 * the meeting date, the secretary's roll call and guests; members' own check-in is
 * {@link SelfCheckIn}.
 */
@Service
@Transactional
public class MeetingAttendance {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	private final MemberQueries members;

	private final AuditTrail audit;

	private final Clock clock;

	private final SignedMinutes signed;

	private final RecordChanges changes;

	private final MessageSource messages;

	MeetingAttendance(JdbcClient jdbc, MeetingQueries queries, MemberQueries members, AuditTrail audit, Clock clock,
			SignedMinutes signed, RecordChanges changes, MessageSource messages) {
		this.messages = messages;
		this.changes = changes;
		this.signed = signed;
		this.jdbc = jdbc;
		this.queries = queries;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Takes the roster snapshot of the meeting's branch on its date when attendance
	 * starts, once: a snapshot already taken is never re-taken silently (members added
	 * later with an earlier admission date do not join it); see {@link #rebuildRoster}.
	 */
	public void snapshot(CurrentUser user, long meetingId) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		if (queries.attendance(user, meeting.id()).isEmpty()) {
			insertRoster(user.committeeId(), meeting.id(), meeting.branchId(), meeting.scheduledOn());
			changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.ATTENDANCE);
			audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "roster", null,
					Map.of("members", queries.attendance(user, meeting.id()).size()));
		}
	}

	/**
	 * Takes the roster again from the branch's members on the meeting date, before the
	 * minutes are signed, as an explicit and audited action: members now on the roster
	 * are added, those no longer on it are taken out unless their attendance was
	 * recorded. Answers how many were added and taken out.
	 */
	public int[] rebuildRoster(CurrentUser user, long meetingId) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		signed.beforeChange(user, meeting.id(), "roster");
		var before = queries.attendance(user, meeting.id());
		var roster = members.rosterOn(user.committeeId(), meeting.branchId(), meeting.scheduledOn());
		var onRoster = roster.stream().map((m) -> m.id()).collect(Collectors.toSet());
		var removed = before.stream()
			.filter((row) -> row.status() == null && !onRoster.contains(row.memberId()))
			.toList();
		for (var row : removed) {
			jdbc.sql("""
					delete from meeting_attendance where committee_id = :committee and meeting_id = :meeting
					and member_id = :member and status is null
					""")
				.param("committee", user.committeeId())
				.param("meeting", meeting.id())
				.param("member", row.memberId())
				.update();
		}
		insertRoster(user.committeeId(), meeting.id(), meeting.branchId(), meeting.scheduledOn());
		var after = queries.attendance(user, meeting.id());
		var had = before.stream().map(AttendanceRow::memberId).collect(Collectors.toSet());
		var added = after.stream().filter((row) -> !had.contains(row.memberId())).map(AttendanceRow::fullName).toList();
		changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.ATTENDANCE);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "rebuildRoster",
				Map.of("members", before.size()), Map.of("members", after.size(), "added", String.join(", ", added),
						"removed", String.join(", ", removed.stream().map(AttendanceRow::fullName).toList())));
		return new int[] { added.size(), removed.size() };
	}

	private void insertRoster(long committeeId, long meetingId, long branchId, LocalDate date) {
		var roster = members.rosterOn(committeeId, branchId, date);
		var position = jdbc.sql(
				"select coalesce(max(position), 0) from meeting_attendance where committee_id = :c and meeting_id = :m")
			.param("c", committeeId)
			.param("m", meetingId)
			.query(Integer.class)
			.single();
		for (var member : roster) {
			position++;
			jdbc.sql("""
					insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name,
					probationary, exempted, temporary_in, temporary_out)
					values (:committee, :meeting, :member, :position, :name, :probationary, :exempted, :in, :out)
					on conflict (committee_id, meeting_id, member_id) do nothing
					""")
				.param("committee", committeeId)
				.param("meeting", meetingId)
				.param("member", member.id())
				.param("position", position)
				.param("name", member.fullName())
				.param("probationary", member.status() == MemberStatus.PROBATIONARY)
				.param("exempted", member.exempted())
				.param("in", member.temporaryIn())
				.param("out", member.temporaryOut())
				.update();
		}
	}

	/**
	 * The roll call: the secretary records one member's attendance. An absence with
	 * reason needs its reason (docs/domain.md §5).
	 */
	public void record(CurrentUser user, long meetingId, long memberId, @Nullable AttendanceStatus status,
			@Nullable String reason) {
		record(user, meetingId, memberId, status, reason, null);
	}

	/**
	 * The roll call for one member; on signed minutes only as an amendment, with its
	 * reason, printed in the minutes' annex.
	 */
	public void record(CurrentUser user, long meetingId, long memberId, @Nullable AttendanceStatus status,
			@Nullable String reason, @Nullable String amendmentReason) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var why = MeetingText.line(amendmentReason, "amendmentReason", 1000);
		var amending = signed.beforeChange(user, meeting.id(), "attendance", why);
		var before = queries.attendance(user, meeting.id())
			.stream()
			.filter((row) -> row.memberId() == memberId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (status == null) {
			throw new BusinessRuleException("status", "attendance.status.required", before.fullName());
		}
		var cleanReason = VietnameseText.cleanOrNull(reason);
		if (status == AttendanceStatus.ABSENT_EXCUSED && cleanReason == null) {
			throw new BusinessRuleException("reason", "attendance.reason.required", before.fullName());
		}
		if (cleanReason != null && cleanReason.length() > 500) {
			throw new BusinessRuleException("reason", "meeting.text.size");
		}
		var absent = !status.attended();
		jdbc.sql("""
				update meeting_attendance set status = :status, reason = :reason, method = 'ROLL_CALL',
				checked_in_at = case when :absent then null else coalesce(checked_in_at, :now) end, recorded_by = :by
				where committee_id = :committee and meeting_id = :meeting and member_id = :member
				""")
			.param("status", status.name())
			.param("reason", absent ? cleanReason : null)
			.param("absent", absent)
			.param("now", OffsetDateTime.now(clock))
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.param("member", memberId)
			.update();
		var after = new LinkedHashMap<String, Object>();
		after.put("member", before.fullName());
		after.put("status", status);
		if (absent && cleanReason != null) {
			after.put("reason", cleanReason);
		}
		var was = new LinkedHashMap<String, Object>();
		was.put("member", before.fullName());
		was.put("status", (before.status() != null) ? before.status() : "");
		if (before.reason() != null) {
			was.put("reason", before.reason());
		}
		changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.ATTENDANCE);
		if (amending && why != null) {
			signed.amend(user, meeting.id(), why, Map.of("attendance", shown(was)), Map.of("attendance", shown(after)));
			after.put("amendmentReason", why);
		}
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(),
				amending ? "amendAttendance" : "attendance", was, after);
	}

	/**
	 * "Everyone present": each member of the roster not yet recorded and expected at the
	 * meeting (neither exempted nor away on a temporary transfer) is marked present; the
	 * entries already made stay, so the secretary marks the exceptions before or after
	 * (docs/domain.md §5). Not on signed minutes: there each entry is an amendment with
	 * its reason. Answers how many were marked.
	 */
	public int everyonePresent(CurrentUser user, long meetingId) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		signed.beforeChange(user, meeting.id(), "attendance", null);
		var marked = jdbc.sql("""
				update meeting_attendance set status = 'PRESENT', method = 'ROLL_CALL', checked_in_at = :now,
				recorded_by = :by
				where committee_id = :committee and meeting_id = :meeting and status is null and not exempted
				and not temporary_out
				""")
			.param("now", OffsetDateTime.now(clock))
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.update();
		if (marked > 0) {
			changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.ATTENDANCE);
			audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(),
					"everyonePresent", null, Map.of("members", marked));
		}
		return marked;
	}

	public long addGuest(CurrentUser user, long meetingId, @Nullable String name, @Nullable String title) {
		return addGuest(user, meetingId, name, title, null);
	}

	/** A guest; on signed minutes only as an amendment with its reason. */
	public long addGuest(CurrentUser user, long meetingId, @Nullable String name, @Nullable String title,
			@Nullable String amendmentReason) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var why = MeetingText.line(amendmentReason, "amendmentReason", 1000);
		var amending = signed.beforeChange(user, meeting.id(), "guests", why);
		var cleanName = VietnameseText.cleanOrNull(name);
		var cleanTitle = VietnameseText.cleanOrNull(title);
		if (cleanName == null) {
			throw new BusinessRuleException("guestName", "attendance.guest.name.required");
		}
		if (cleanName.length() > 200 || (cleanTitle != null && cleanTitle.length() > 300)) {
			throw new BusinessRuleException("guestName", "meeting.text.size");
		}
		var id = jdbc
			.sql("""
					insert into meeting_guest (committee_id, meeting_id, name, title) values (:committee, :meeting, :name, :title)
					returning id
					""")
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.param("name", cleanName)
			.param("title", cleanTitle)
			.query(Long.class)
			.single();
		var shown = (cleanTitle != null) ? cleanName + " – " + cleanTitle : cleanName;
		if (amending && why != null) {
			signed.amend(user, meeting.id(), why, Map.of("guests", ""), Map.of("guests", shown));
		}
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "addGuest", null,
				Map.of("guest", cleanName));
		return id;
	}

	public void removeGuest(CurrentUser user, long meetingId, long guestId) {
		removeGuest(user, meetingId, guestId, null);
	}

	/** Takes a guest out; on signed minutes only as an amendment with its reason. */
	public void removeGuest(CurrentUser user, long meetingId, long guestId, @Nullable String amendmentReason) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var why = MeetingText.line(amendmentReason, "amendmentReason", 1000);
		var amending = signed.beforeChange(user, meeting.id(), "guests", why);
		var name = jdbc.sql("""
				delete from meeting_guest where committee_id = :committee and meeting_id = :meeting and id = :id
				returning name
				""")
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.param("id", guestId)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		if (amending && why != null) {
			signed.amend(user, meeting.id(), why, Map.of("guests", name), Map.of("guests", ""));
		}
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "removeGuest",
				Map.of("guest", name), null);
	}

	/** A roll-call entry as the annex prints it: name, status in Vietnamese, reason. */
	private String shown(Map<String, Object> entry) {
		var status = entry.get("status");
		var label = (status instanceof AttendanceStatus known)
				? messages.getMessage("attendance.status." + known, null, Locale.forLanguageTag("vi")) : "";
		var reason = entry.get("reason");
		return entry.get("member") + ": " + label + ((reason != null) ? " (" + reason + ")" : "");
	}

	/** Members in the meeting's roster, for the API and tests. */
	List<AttendanceRow> roster(CurrentUser user, long meetingId) {
		return queries.attendance(user, meetingId);
	}

}
