package vn.chibo.meeting.calendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingQueries;

/**
 * Calendar feeds (iCalendar, RFC 5545) of a member's branch and of a branch, at secret
 * addresses a calendar app subscribes to. Each meeting is one event with a stable UID;
 * its version is the event's SEQUENCE, so a moved or cancelled meeting updates in place.
 */
@Service
@Transactional
public class CalendarFeeds {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	/** A meeting without a recorded end lasts this long in the calendar. */
	private static final Duration DEFAULT_LENGTH = Duration.ofMinutes(120);

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	private final MessageSource messages;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, MeetingQueries queries, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.messages = messages;
		this.clock = clock;
	}

	/** The secret address of the signed-in member's own feed, made if there is none. */
	public String memberToken(CurrentUser user) {
		var memberId = user.memberId();
		if (memberId == null) {
			throw new NotFoundException();
		}
		return token(user.committeeId(), "member_id", memberId);
	}

	/** The secret address of a branch's feed, for those who see the branch. */
	public String branchToken(CurrentUser user, long branchId) {
		requireBranch(user, branchId);
		return token(user.committeeId(), "branch_id", branchId);
	}

	/** The member's own address, if made: what the page shows (a reading makes none). */
	@Transactional(readOnly = true)
	public Optional<String> existingMemberToken(CurrentUser user) {
		var memberId = user.memberId();
		return (memberId != null) ? existing(user.committeeId(), "member_id", memberId) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<String> existingBranchToken(CurrentUser user, long branchId) {
		requireBranch(user, branchId);
		return existing(user.committeeId(), "branch_id", branchId);
	}

	private void requireBranch(CurrentUser user, long branchId) {
		if (queries.branches(user, branchId).isEmpty()) {
			throw new NotFoundException();
		}
	}

	/**
	 * The feed at a secret address: the meetings of the branch (a member's current
	 * branch) from a year back to a year ahead.
	 */
	@Transactional(readOnly = true)
	public Optional<String> feed(String token) {
		var feed = jdbc.sql("""
				select f.committee_id, coalesce(f.branch_id, m.branch_id) from calendar_feed f
				left join member_name m on m.committee_id = f.committee_id and m.id = f.member_id
				where f.token = :token
				""").param("token", token).query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional();
		if (feed.isEmpty()) {
			return Optional.empty();
		}
		var committeeId = feed.get()[0];
		var branchId = feed.get()[1];
		var today = LocalDate.now(clock);
		var vi = Locale.forLanguageTag("vi");
		var out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//chibo//meetings//VI");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
		line(out, "BEGIN:VTIMEZONE");
		line(out, "TZID:Asia/Ho_Chi_Minh");
		line(out, "BEGIN:STANDARD");
		line(out, "DTSTART:19700101T000000");
		line(out, "TZOFFSETFROM:+0700");
		line(out, "TZOFFSETTO:+0700");
		line(out, "TZNAME:ICT");
		line(out, "END:STANDARD");
		line(out, "END:VTIMEZONE");
		jdbc.sql(
				"""
						select g.id, g.kind, g.scheduled_on, g.starts_at, g.place, g.topic, g.status, g.version, g.updated_at,
						o.name, n.ended_at from meeting g join org_unit o on o.committee_id = g.committee_id and o.id = g.branch_id
						left join meeting_minutes n on n.committee_id = g.committee_id and n.meeting_id = g.id
						where g.committee_id = :committee and g.branch_id = :branch and g.scheduled_on between :from and :to
						order by g.scheduled_on, g.id
						""")
			.param("committee", committeeId)
			.param("branch", branchId)
			.param("from", today.minusYears(1))
			.param("to", today.plusYears(1))
			.query((rs, row) -> {
				var date = rs.getObject("scheduled_on", LocalDate.class);
				var startsAt = rs.getObject("starts_at", LocalTime.class);
				var endedAt = rs.getObject("ended_at", OffsetDateTime.class);
				var kind = MeetingKind.valueOf(rs.getString("kind"));
				var summary = messages
					.getMessage(
							"calendar.summary", new Object[] {
									messages.getMessage("meeting.kindLower." + kind, null, vi), rs.getString("name") },
							vi);
				line(out, "BEGIN:VEVENT");
				line(out, "UID:meeting-" + committeeId + "-" + rs.getLong("id") + "@chibo");
				line(out, "SEQUENCE:" + rs.getInt("version"));
				line(out,
						"DTSTAMP:" + rs.getObject("updated_at", OffsetDateTime.class)
							.withOffsetSameInstant(ZoneOffset.UTC)
							.format(UTC));
				if (startsAt != null) {
					var start = date.atTime(startsAt);
					var end = (endedAt != null) ? endedAt.atZoneSameInstant(clock.getZone()).toLocalDateTime()
							: start.plus(DEFAULT_LENGTH);
					line(out, "DTSTART;TZID=Asia/Ho_Chi_Minh:" + start.format(LOCAL));
					line(out, "DTEND;TZID=Asia/Ho_Chi_Minh:" + end.format(LOCAL));
				}
				else {
					line(out, "DTSTART;VALUE=DATE:" + date.format(DAY));
					line(out, "DTEND;VALUE=DATE:" + date.plusDays(1).format(DAY));
				}
				line(out, "SUMMARY:" + escape(summary));
				if (rs.getString("place") != null) {
					line(out, "LOCATION:" + escape(rs.getString("place")));
				}
				if (rs.getString("topic") != null) {
					line(out, "DESCRIPTION:" + escape(rs.getString("topic")));
				}
				line(out, "STATUS:" + ("CANCELLED".equals(rs.getString("status")) ? "CANCELLED" : "CONFIRMED"));
				line(out, "END:VEVENT");
				return 0;
			})
			.list();
		line(out, "END:VCALENDAR");
		return Optional.of(out.toString());
	}

	private Optional<String> existing(long committeeId, String column, long id) {
		return jdbc.sql("select token from calendar_feed where committee_id = :committee and " + column + " = :id")
			.param("committee", committeeId)
			.param("id", id)
			.query(String.class)
			.optional();
	}

	private String token(long committeeId, String column, long id) {
		var existing = existing(committeeId, column, id);
		if (existing.isPresent()) {
			return existing.get();
		}
		var bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("insert into calendar_feed (token, committee_id, " + column + ") values (:token, :committee, :id)")
			.param("token", token)
			.param("committee", committeeId)
			.param("id", id)
			.update();
		return token;
	}

	/**
	 * Text values escape backslash, semicolon, comma and new lines (RFC 5545 §3.3.11).
	 */
	static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
	}

	/**
	 * Lines end in CRLF and fold at 75 octets (RFC 5545 §3.1), never inside a character.
	 */
	static void line(StringBuilder out, String content) {
		var bytes = 0;
		var start = 0;
		for (var i = 0; i < content.length(); i++) {
			var c = content.charAt(i);
			var size = (c < 0x80) ? 1 : (c < 0x800) ? 2 : (Character.isSurrogate(c) ? 2 : 3);
			if (bytes + size > ((start == 0) ? 75 : 74)) {
				out.append(content, start, i).append("\r\n ");
				start = i;
				bytes = 0;
			}
			bytes += size;
		}
		out.append(content, start, content.length()).append("\r\n");
	}

}
