package vn.chibo.meeting;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Everything signed minutes show is final (DOMAIN.md §5 "Minutes fields": the minutes are
 * signed by the chair and the minute-taker): the attendance and roster, the guests and
 * the agenda as well as the text. Every path that writes one of these parts — page, htmx,
 * API — asks here first. Signed by both, the part is refused; signed by one, the
 * signature is voided, as a change of the text voids it, so both sign the same record.
 */
@Component
class SignedMinutes {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	SignedMinutes(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Before a change of {@code part} (attendance, guests, agenda, roster): refused on
	 * signed minutes, voids a single signature. Locks the minutes' row, so a signature
	 * cannot land between this check and the change.
	 */
	void beforeChange(CurrentUser user, long meetingId, String part) {
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
			throw new BusinessRuleException("", "minutes.locked." + part);
		}
		if (signatures[0] || signatures[1]) {
			jdbc.sql("""
					update meeting_minutes set chair_signed_at = null, chair_signed_by = null, taker_signed_at = null,
					taker_signed_by = null where committee_id = :committee and meeting_id = :meeting
					""").param("committee", user.committeeId()).param("meeting", meetingId).update();
			audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "voidSignature",
					Map.of("chairSigned", signatures[0], "minuteTakerSigned", signatures[1]), Map.of("changed", part));
		}
	}

	/** Signed by the chair and the minute-taker. */
	boolean locked(long committeeId, long meetingId) {
		return jdbc.sql("""
				select exists (select 1 from meeting_minutes where committee_id = :committee and meeting_id = :meeting
				and chair_signed_at is not null and taker_signed_at is not null)
				""").param("committee", committeeId).param("meeting", meetingId).query(Boolean.class).single();
	}

	/** Whether anyone has signed: members no longer check themselves in. */
	boolean signedByAnyone(long committeeId, long meetingId) {
		return jdbc.sql("""
				select exists (select 1 from meeting_minutes where committee_id = :committee and meeting_id = :meeting
				and (chair_signed_at is not null or taker_signed_at is not null))
				""").param("committee", committeeId).param("meeting", meetingId).query(Boolean.class).single();
	}

}
