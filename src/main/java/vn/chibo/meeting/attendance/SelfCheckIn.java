package vn.chibo.meeting.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

import static vn.chibo.meeting.support.MeetingAccess.requirePlanner;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.minutes.SignedMinutes;
import vn.chibo.meeting.support.RecordChanges;

/**
 * Members check themselves in (docs/domain.md §5): the secretary's screen shows a signed,
 * short-lived code as a QR code on the meeting day; a member scanning it is marked
 * present — or late — once, if on the meeting's roster and before the minutes are signed.
 */
@Service
@Transactional
public class SelfCheckIn {

	/**
	 * A member checking in this long after the announced start is recorded late [R: our
	 * rule, docs/domain.md §5 lists "late" without a threshold].
	 */
	static final Duration LATE_AFTER = Duration.ofMinutes(15);

	/** Self check-in opens this long before the announced start [R: our rule]. */
	static final Duration OPENS_BEFORE = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Counter checkIns;

	private final MeetingQueries queries;

	private final CheckInTokens tokens;

	private final Clock clock;

	private final SignedMinutes signed;

	private final RecordChanges changes;

	SelfCheckIn(JdbcClient jdbc, MeetingQueries queries, CheckInTokens tokens, Clock clock, SignedMinutes signed,
			RecordChanges changes, MeterRegistry meters) {
		this.checkIns = meters.counter("chibo.checkins", "kind", "meeting");
		this.jdbc = jdbc;
		this.queries = queries;
		this.tokens = tokens;
		this.clock = clock;
		this.signed = signed;
		this.changes = changes;
	}

	/** What a member's own check-in recorded. */
	public record CheckIn(long meetingId, String branchName, LocalDate scheduledOn, AttendanceStatus status,
			OffsetDateTime checkedInAt) {
	}

	/**
	 * A fresh check-in code for the meeting's QR code, on the meeting day only, once the
	 * roster is taken (so members find their row) and until the minutes are signed.
	 * Writes nothing: the QR image is read on every refresh.
	 */
	@Transactional(readOnly = true)
	public String checkInToken(CurrentUser user, long meetingId) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		if (meeting.status() == MeetingStatus.CANCELLED) {
			throw new BusinessRuleException("", "checkIn.cancelled");
		}
		if (!meeting.scheduledOn().equals(LocalDate.now(clock))) {
			throw new BusinessRuleException("", "checkIn.notToday");
		}
		if (queries.attendance(user, meeting.id()).isEmpty()) {
			throw new BusinessRuleException("", "checkIn.noRoster");
		}
		if (signed.signedByAnyone(user.committeeId(), meeting.id())) {
			throw new BusinessRuleException("", "checkIn.signed");
		}
		return tokens.issue(CheckInTokens.Purpose.MEETING, user.committeeId(), meeting.id());
	}

	/**
	 * A member checks in with the code shown at the meeting: marked present (late after
	 * {@link #LATE_AFTER}), once. Expired codes, codes of another deployment or
	 * committee, and codes of a meeting the member is not on the roster of are refused
	 * with a message saying which.
	 */
	public CheckIn checkIn(CurrentUser user, String token) {
		var claims = tokens.verify(CheckInTokens.Purpose.MEETING, token);
		var memberId = user.memberId();
		var meeting = held(user, claims);
		var date = meeting.date();
		var branchName = meeting.branchName();
		var now = OffsetDateTime.now(clock);
		var startsAt = meeting.startsAt();
		// Only on the meeting day, and from OPENS_BEFORE the announced start: a code
		// shown early does not make a member present hours before the meeting.
		if (!date.equals(now.atZoneSameInstant(clock.getZone()).toLocalDate())) {
			throw new BusinessRuleException("token", "checkIn.notToday");
		}
		if (startsAt != null
				&& now.atZoneSameInstant(clock.getZone()).toLocalTime().isBefore(startsAt.minus(OPENS_BEFORE))
				&& startsAt.isAfter(LocalTime.MIN.plus(OPENS_BEFORE))) {
			throw new BusinessRuleException("token", "checkIn.tooEarly",
					startsAt.minus(OPENS_BEFORE).format(DateTimeFormatter.ofPattern("HH:mm")),
					startsAt.format(DateTimeFormatter.ofPattern("HH:mm")));
		}
		var late = startsAt != null
				&& now.toInstant().isAfter(date.atTime(startsAt).atZone(clock.getZone()).toInstant().plus(LATE_AFTER));
		var status = late ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
		var updated = jdbc.sql("""
				update meeting_attendance set status = :status, method = 'SELF_CHECK_IN', checked_in_at = :now,
				recorded_by = :by where committee_id = :committee and meeting_id = :meeting and member_id = :member
				and status is null
				""")
			.param("status", status.name())
			.param("now", now)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("meeting", claims.meetingId())
			.param("member", memberId)
			.update();
		if (updated == 0) {
			var existing = jdbc.sql("""
					select checked_in_at from meeting_attendance
					where committee_id = :committee and meeting_id = :meeting and member_id = :member
					""")
				.param("committee", user.committeeId())
				.param("meeting", claims.meetingId())
				.param("member", memberId)
				.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
				.optional();
			if (existing.isEmpty()) {
				throw new BusinessRuleException("token", "checkIn.notOnRoster", branchName);
			}
			var at = existing.get();
			if (at.isPresent()) {
				throw new BusinessRuleException("token", "checkIn.already",
						at.get()
							.atZoneSameInstant(clock.getZone())
							.toLocalTime()
							.format(DateTimeFormatter.ofPattern("HH:mm")));
			}
			throw new BusinessRuleException("token", "checkIn.recordedAbsent");
		}
		// Before the minutes record the start the meeting is not held, so nothing to
		// score
		// yet: a check-in on the day stays one write.
		if (meeting.status() == MeetingStatus.HELD) {
			changes.changed(user.committeeId(), claims.meetingId(), MeetingRecordChanged.Part.ATTENDANCE);
		}
		checkIns.increment();
		return new CheckIn(claims.meetingId(), branchName, date, status, now);
	}

	/**
	 * The meeting a check-in code is for, after the same checks as {@link #checkIn}
	 * except the roster: what the confirmation page shows before the member taps.
	 */
	@Transactional(readOnly = true)
	public CheckIn preview(CurrentUser user, String token) {
		var held = held(user, tokens.verify(CheckInTokens.Purpose.MEETING, token));
		return new CheckIn(held.id(), held.branchName(), held.date(), AttendanceStatus.PRESENT,
				OffsetDateTime.now(clock));
	}

	private Held held(CurrentUser user, CheckInTokens.Claims claims) {
		if (claims.committeeId() != user.committeeId()) {
			throw new BusinessRuleException("token", "checkIn.token.foreign");
		}
		if (user.memberId() == null) {
			throw new BusinessRuleException("token", "checkIn.notMember");
		}
		var meeting = jdbc.sql("""
				select g.id, g.scheduled_on, g.starts_at, g.status, o.name,
				n.chair_signed_at is not null or n.taker_signed_at is not null from meeting g
				join org_unit o on o.committee_id = g.committee_id and o.id = g.branch_id
				left join meeting_minutes n on n.committee_id = g.committee_id and n.meeting_id = g.id
				where g.committee_id = :committee and g.id = :id
				""")
			.param("committee", user.committeeId())
			.param("id", claims.meetingId())
			.query((rs, row) -> new Held(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalTime.class), MeetingStatus.valueOf(rs.getString(4)), rs.getString(5),
					rs.getBoolean(6)))
			.optional()
			.orElseThrow(() -> new BusinessRuleException("token", "checkIn.token.invalid"));
		if (meeting.status() == MeetingStatus.CANCELLED) {
			throw new BusinessRuleException("token", "checkIn.cancelled");
		}
		if (meeting.signed()) {
			throw new BusinessRuleException("token", "checkIn.signed");
		}
		return meeting;
	}

	private record Held(long id, LocalDate date, @Nullable LocalTime startsAt, MeetingStatus status, String branchName,
			boolean signed) {
	}

}
