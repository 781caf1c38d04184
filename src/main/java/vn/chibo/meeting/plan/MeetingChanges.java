package vn.chibo.meeting.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
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

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingRuleSet;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.notice.MeetingNotices;

/**
 * Moves a planned meeting to another day, time or place, or cancels it; members are told,
 * and calendar feeds show the change (the meeting's version is the event's sequence).
 */
@Service
@Transactional
public class MeetingChanges {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	private final MeetingNotices notices;

	private final AuditTrail audit;

	MeetingChanges(JdbcClient jdbc, MeetingQueries queries, MeetingNotices notices, AuditTrail audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.notices = notices;
		this.audit = audit;
	}

	public void reschedule(CurrentUser user, long meetingId, @Nullable LocalDate date, @Nullable LocalTime startsAt,
			@Nullable String place) {
		var meeting = planned(user, meetingId);
		if (date == null) {
			throw new BusinessRuleException("scheduledOn", "meeting.scheduledOn.required");
		}
		var cleanPlace = VietnameseText.cleanOrNull(place);
		if (cleanPlace != null && cleanPlace.length() > 200) {
			throw new BusinessRuleException("place", "meeting.text.size");
		}
		if (date.equals(meeting.scheduledOn()) && Objects.equals(startsAt, meeting.startsAt())
				&& Objects.equals(cleanPlace, meeting.place())) {
			return;
		}
		jdbc.sql("""
				update meeting set scheduled_on = :date, starts_at = :startsAt, place = :place, version = version + 1,
				updated_at = now(), rule_set = :ruleSet where committee_id = :committee and id = :id
				""")
			.param("date", date)
			.param("startsAt", startsAt)
			.param("place", cleanPlace)
			.param("ruleSet", MeetingRuleSet.on(date).name())
			.param("committee", user.committeeId())
			.param("id", meetingId)
			.update();
		var before = new LinkedHashMap<String, Object>();
		before.put("scheduledOn", meeting.scheduledOn().toString());
		before.put("startsAt", String.valueOf(meeting.startsAt()));
		before.put("place", String.valueOf(meeting.place()));
		var after = new LinkedHashMap<String, Object>();
		after.put("scheduledOn", date.toString());
		after.put("startsAt", String.valueOf(startsAt));
		after.put("place", String.valueOf(cleanPlace));
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "reschedule", before,
				after);
		// Reminders count again from the new date.
		jdbc.sql("delete from meeting_reminder where committee_id = :committee and meeting_id = :id")
			.param("committee", user.committeeId())
			.param("id", meetingId)
			.update();
		notices.changed(user, queries.meeting(user, meetingId), "meetingMoved");
	}

	public void cancel(CurrentUser user, long meetingId, @Nullable String reason) {
		var meeting = planned(user, meetingId);
		var cleanReason = VietnameseText.cleanOrNull(reason);
		if (cleanReason == null) {
			throw new BusinessRuleException("reason", "meeting.cancel.reason");
		}
		jdbc.sql("""
				update meeting set status = 'CANCELLED', version = version + 1, updated_at = now()
				where committee_id = :committee and id = :id
				""").param("committee", user.committeeId()).param("id", meetingId).update();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "cancel",
				Map.of("status", meeting.status()), Map.of("status", MeetingStatus.CANCELLED, "reason", cleanReason));
		notices.changed(user, meeting, "meetingCancelled");
	}

	private MeetingRow planned(CurrentUser user, long meetingId) {
		if (!user.role().plansMeetings()) {
			throw new AccessDeniedException("meeting");
		}
		var meeting = queries.meeting(user, meetingId);
		if (meeting.status() != MeetingStatus.PLANNED) {
			throw new BusinessRuleException("", "meeting.change.notPlanned");
		}
		return meeting;
	}

}
