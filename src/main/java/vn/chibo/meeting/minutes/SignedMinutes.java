package vn.chibo.meeting.minutes;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

import vn.chibo.meeting.MeetingService;

/**
 * Everything signed minutes show is final (docs/domain.md §5 "Minutes fields": the
 * minutes are signed by the chair and the minute-taker): the attendance and roster, the
 * guests and the agenda as well as the text. Every path that writes one of these parts —
 * page, htmx, API — asks here first. Signed by both, the part is refused; signed by one,
 * the signature is voided, as a change of the text voids it, so both sign the same
 * record.
 */
@Component
public class SignedMinutes {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final JsonMapper json;

	SignedMinutes(JdbcClient jdbc, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * Before a change of {@code part} (attendance, guests, agenda, roster): refused on
	 * signed minutes, voids a single signature. Locks the minutes' row, so a signature
	 * cannot land between this check and the change.
	 */
	public void beforeChange(CurrentUser user, long meetingId, String part) {
		beforeChange(user, meetingId, part, null);
	}

	/**
	 * As {@link #beforeChange(CurrentUser, long, String)}; on signed minutes the change
	 * is let through when it comes with the reason of an amendment, which the caller
	 * records with {@link #amend}. Answers whether the change is an amendment.
	 */
	public boolean beforeChange(CurrentUser user, long meetingId, String part, @Nullable String amendmentReason) {
		var signatures = jdbc.sql("""
				select chair_signed_at is not null, taker_signed_at is not null from meeting_minutes
				where committee_id = :committee and meeting_id = :meeting for update
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new boolean[] { rs.getBoolean(1), rs.getBoolean(2) })
			.optional()
			.orElse(new boolean[] { false, false });
		if (signatures[0] && signatures[1]) {
			if (amendmentReason == null) {
				throw new BusinessRuleException("amendmentReason", "minutes.locked." + part);
			}
			return true;
		}
		if (signatures[0] || signatures[1]) {
			jdbc.sql("""
					update meeting_minutes set chair_signed_at = null, chair_signed_by = null, taker_signed_at = null,
					taker_signed_by = null where committee_id = :committee and meeting_id = :meeting
					""").param("committee", user.committeeId()).param("meeting", meetingId).update();
			audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "voidSignature",
					Map.of("chairSigned", signatures[0], "minuteTakerSigned", signatures[1]), Map.of("changed", part));
		}
		return false;
	}

	/**
	 * Records a change to signed minutes as an amendment: who, when, why, before and
	 * after — printed in the annex of the minutes (docs/domain.md §5: later changes are
	 * amendments).
	 */
	public void amend(CurrentUser user, long meetingId, String reason, Map<String, ?> before, Map<String, ?> after) {
		jdbc.sql("""
				insert into minutes_amendment (committee_id, meeting_id, amended_by, reason, before, after)
				values (:committee, :meeting, :by, :reason, cast(:before as jsonb), cast(:after as jsonb))
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("by", user.username())
			.param("reason", reason)
			.param("before", json.writeValueAsString(before))
			.param("after", json.writeValueAsString(after))
			.update();
	}

	/** Signed by the chair and the minute-taker. */
	public boolean locked(long committeeId, long meetingId) {
		return jdbc.sql("""
				select exists (select 1 from meeting_minutes where committee_id = :committee and meeting_id = :meeting
				and chair_signed_at is not null and taker_signed_at is not null)
				""").param("committee", committeeId).param("meeting", meetingId).query(Boolean.class).single();
	}

	/** Whether anyone has signed: members no longer check themselves in. */
	public boolean signedByAnyone(long committeeId, long meetingId) {
		return jdbc.sql("""
				select exists (select 1 from meeting_minutes where committee_id = :committee and meeting_id = :meeting
				and (chair_signed_at is not null or taker_signed_at is not null))
				""").param("committee", committeeId).param("meeting", meetingId).query(Boolean.class).single();
	}

}
