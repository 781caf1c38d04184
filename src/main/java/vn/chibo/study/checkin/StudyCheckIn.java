package vn.chibo.study.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.study.Presence;
import vn.chibo.study.StudyQueries;
import vn.chibo.study.StudyService;

/**
 * The signed QR check-in of a study session, as meetings have it (docs/domain.md §8): the
 * organiser shows a code that changes every minute on the day of the session; a member on
 * the roster scans it on a phone and is recorded present, once. A code of another
 * committee, of another day or of a meeting is refused with a message saying which.
 */
@Service
@Transactional
public class StudyCheckIn {

	private final JdbcClient jdbc;

	private final Counter checkIns;

	private final StudyQueries queries;

	private final CheckInTokens tokens;

	private final AuditTrail audit;

	private final Clock clock;

	StudyCheckIn(JdbcClient jdbc, StudyQueries queries, CheckInTokens tokens, AuditTrail audit, Clock clock,
			MeterRegistry meters) {
		this.checkIns = meters.counter("chibo.checkins", "kind", "study");
		this.jdbc = jdbc;
		this.queries = queries;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	/** The session a code checks into, as the member's confirmation page names it. */
	public record Target(long sessionId, String title, LocalDate heldOn) {
	}

	/** A member's check-in done: when, into which session. */
	public record Done(String title, LocalDate heldOn, OffsetDateTime at) {
	}

	/**
	 * A fresh code for the session shown by its organiser, on its day, once the roster is
	 * taken.
	 */
	@Transactional(readOnly = true)
	public String token(CurrentUser user, long sessionId) {
		var session = queries.session(user, sessionId);
		if (!queries.manages(user, session)) {
			throw new AccessDeniedException("study");
		}
		if (!session.heldOn().equals(LocalDate.now(clock.withZone(StudyService.ZONE)))) {
			throw new BusinessRuleException("", "checkIn.notToday");
		}
		if (!session.rosterTaken()) {
			throw new BusinessRuleException("", "study.checkIn.noRoster");
		}
		return tokens.issue(CheckInTokens.Purpose.STUDY, user.committeeId(), sessionId);
	}

	public Duration lifetime() {
		return tokens.lifetime();
	}

	/** What the code is for, before the member confirms. */
	@Transactional(readOnly = true)
	public Target preview(CurrentUser user, String token) {
		var target = target(user, token);
		line(user, target);
		return target;
	}

	public Done checkIn(CurrentUser user, String token) {
		var target = target(user, token);
		var line = line(user, target);
		if (line.status() != null) {
			throw new BusinessRuleException("token",
					(line.status() == Presence.PRESENT) ? "study.checkIn.already" : "checkIn.recordedAbsent");
		}
		var now = OffsetDateTime.now(clock);
		var updated = jdbc.sql("""
				update study_attendance set status = 'PRESENT', recorded_by = :by, recorded_at = :now
				where committee_id = :committee and session_id = :session and member_id = :member and status is null
				""")
			.param("by", user.username())
			.param("now", now)
			.param("committee", user.committeeId())
			.param("session", target.sessionId())
			.param("member", user.memberId())
			.update();
		if (updated == 0) {
			throw new BusinessRuleException("token", "study.checkIn.already");
		}
		var after = new LinkedHashMap<String, @Nullable Object>();
		after.put("member", line.fullName());
		after.put("status", Presence.PRESENT.name());
		after.put("method", "QR");
		audit.record(user.committeeId(), user.username(), StudyService.AUDIT_TYPE, target.sessionId(), "checkIn", null,
				after);
		checkIns.increment();
		return new Done(target.title(), target.heldOn(), now);
	}

	private Target target(CurrentUser user, String token) {
		if (token.length() > 200) {
			throw new BusinessRuleException("token", "checkIn.token.invalid");
		}
		var claims = tokens.verify(CheckInTokens.Purpose.STUDY, token);
		if (claims.committeeId() != user.committeeId()) {
			throw new BusinessRuleException("token", "checkIn.token.foreign");
		}
		if (user.memberId() == null) {
			throw new BusinessRuleException("token", "checkIn.notMember");
		}
		var target = jdbc.sql("""
				select id, title, held_on from study_session where committee_id = :committee and id = :id
				""")
			.param("committee", user.committeeId())
			.param("id", claims.meetingId())
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.optional()
			.orElseThrow(() -> new BusinessRuleException("token", "checkIn.token.invalid"));
		if (!target.heldOn().equals(LocalDate.now(clock.withZone(StudyService.ZONE)))) {
			throw new BusinessRuleException("token", "checkIn.notToday");
		}
		return target;
	}

	private record Line(String fullName, @Nullable Presence status) {
	}

	private Line line(CurrentUser user, Target target) {
		return jdbc.sql("""
				select full_name, status from study_attendance where committee_id = :committee and session_id = :session
				and member_id = :member
				""")
			.param("committee", user.committeeId())
			.param("session", target.sessionId())
			.param("member", user.memberId())
			.query((rs, n) -> new Line(rs.getString(1),
					(rs.getString(2) != null) ? Presence.valueOf(rs.getString(2)) : null))
			.optional()
			.orElseThrow(() -> new BusinessRuleException("token", "study.checkIn.notOnRoster", target.title()));
	}

}
