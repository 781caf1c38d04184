package vn.chibo.meeting.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.Post;
import vn.chibo.notification.Notifications;
import vn.chibo.notification.Recipient;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.cluster.ClusterLocks;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.PreparationStep;

/**
 * Tells members about their meetings (docs/domain.md §5 preparation step 3): the notice
 * of time, place and content to every member and to the superior committee member who
 * follows the branch; reminders some days before (7 and 1 by default, per committee);
 * notices when a meeting moves or is cancelled.
 */
@Service
public class MeetingNotices {

	private static final Logger log = LoggerFactory.getLogger(MeetingNotices.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	private final MeetingService meetings;

	private final MemberQueries members;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final ClusterLocks locks;

	private final Clock clock;

	MeetingNotices(JdbcClient jdbc, MeetingQueries queries, MeetingService meetings, MemberQueries members,
			Notifications notifications, AuditTrail audit, MessageSource messages, TransactionTemplate transaction,
			Clock clock, ClusterLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.queries = queries;
		this.meetings = meetings;
		this.members = members;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Sends the notice of a meeting and records the "notice sent" step at this moment.
	 * Answers how many members were notified.
	 */
	@Transactional
	public int sendNotice(CurrentUser user, long meetingId) {
		if (!user.role().plansMeetings()) {
			throw new AccessDeniedException("meeting");
		}
		var meeting = queries.meeting(user, meetingId);
		if (meeting.status() != MeetingStatus.PLANNED) {
			throw new BusinessRuleException("", "notice.notPlanned");
		}
		var recipients = recipients(user.committeeId(), meeting, true);
		var mails = notifications.send(user.committeeId(), recipients, "MEETING", "meetingNotice", describe(meeting),
				"/meetings/" + meeting.id());
		var note = messages.getMessage("notice.step", new Object[] { recipients.size(), mails },
				Locale.forLanguageTag("vi"));
		if (!meetings.recordStepNow(user, meeting.id(), PreparationStep.NOTICE_SENT, note)) {
			audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "notice", null,
					Map.of("members", recipients.size(), "emails", mails));
		}
		return recipients.size();
	}

	/** What "send the notice" would send, and to how many, before it is sent. */
	public record NoticePreview(String text, int recipients, int emails) {
	}

	@Transactional(readOnly = true)
	public NoticePreview preview(CurrentUser user, long meetingId) {
		var meeting = queries.meeting(user, meetingId);
		var recipients = recipients(user.committeeId(), meeting, true);
		var text = messages.getMessage("notification.meetingNotice.body", describe(meeting).toArray(),
				Locale.forLanguageTag("vi"));
		var emails = (int) recipients.stream().filter((r) -> r.email() != null && !r.email().isBlank()).count();
		return new NoticePreview(text, recipients.size(), emails);
	}

	/** How many days before a meeting the committee's members are reminded. */
	public List<Integer> reminderDays(long committeeId) {
		return jdbc.sql("select reminder_days from meeting_reminder_setting where committee_id = :committee")
			.param("committee", committeeId)
			.query((rs, row) -> Arrays.stream((Integer[]) rs.getArray(1).getArray())
				.sorted(Comparator.reverseOrder())
				.toList())
			.optional()
			.orElse(List.of(7, 1));
	}

	/**
	 * Sets the reminder days of the committee from a list like "7, 1" (1 to 60 days, at
	 * most five reminders; empty for none). The committee office or administrator does.
	 */
	@Transactional
	public void setReminderDays(CurrentUser user, @Nullable String text) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("settings");
		}
		var days = new TreeSet<Integer>(Comparator.reverseOrder());
		for (var part : (text != null) ? text.split("[,;\\s]+") : new String[0]) {
			if (part.isBlank()) {
				continue;
			}
			try {
				var day = Integer.parseInt(part.strip());
				if (day < 1 || day > 60) {
					throw new NumberFormatException();
				}
				days.add(day);
			}
			catch (NumberFormatException ex) {
				throw new BusinessRuleException("reminderDays", "notice.reminderDays.invalid", part.strip());
			}
		}
		if (days.size() > 5) {
			throw new BusinessRuleException("reminderDays", "notice.reminderDays.tooMany");
		}
		var before = reminderDays(user.committeeId());
		jdbc.sql(
				"""
						insert into meeting_reminder_setting (committee_id, reminder_days) values (:committee, cast(:days as integer[]))
						on conflict (committee_id) do update set reminder_days = excluded.reminder_days
						""")
			.param("committee", user.committeeId())
			.param("days", days.toArray(Integer[]::new))
			.update();
		audit.record(user.committeeId(), user.username(), "committee", user.committeeId(), "reminderDays",
				Map.of("reminderDays", before), Map.of("reminderDays", List.copyOf(days)));
	}

	/** Tells the members that a meeting moved or was cancelled. */
	@Transactional
	public void changed(CurrentUser user, MeetingRow meeting, String key) {
		notifications.send(user.committeeId(), recipients(user.committeeId(), meeting, false), "MEETING", key,
				describe(meeting), "/meetings/" + meeting.id());
	}

	/**
	 * Each morning: the reminders due today, as each committee set them (7 and 1 days
	 * before by default). A reminder not sent on its day (the server was down) goes the
	 * next run while the meeting is still ahead.
	 */
	@Scheduled(cron = "${chibo.meetings.reminder-cron:0 30 6 * * *}", zone = "Asia/Ho_Chi_Minh")
	void remindEveryMorning() {
		// once per cluster; a node whose turn comes later finds them sent
		locks.runAlone("meeting.reminders", () -> {
			var sent = sendReminders(LocalDate.now(clock));
			if (sent > 0) {
				log.info("Meeting reminders sent: {}", sent);
			}
		});
	}

	/**
	 * Sends the reminders due on {@code today}; answers how many meetings were reminded.
	 */
	public int sendReminders(LocalDate today) {
		var due = jdbc.sql("""
				select g.committee_id, g.id, d.days from meeting g
				left join meeting_reminder_setting s on s.committee_id = g.committee_id
				cross join lateral unnest(coalesce(s.reminder_days, '{7,1}')) as d(days)
				where g.status = 'PLANNED' and g.scheduled_on > :today and g.scheduled_on <= :today + d.days
				and not exists (select 1 from meeting_reminder r where r.committee_id = g.committee_id
					and r.meeting_id = g.id and r.days_before <= d.days)
				order by g.committee_id, g.id, d.days
				""")
			.param("today", today)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		var done = new LinkedHashMap<Long, long[]>();
		for (var item : due) {
			// The nearest reminder wins when several fall due at once.
			done.merge(item[1], item, (a, b) -> (a[2] <= b[2]) ? a : b);
		}
		var count = 0;
		for (var item : done.values()) {
			count += transaction.execute((status) -> remind(item[0], item[1], (int) item[2])) ? 1 : 0;
		}
		return count;
	}

	private boolean remind(long committeeId, long meetingId, int daysBefore) {
		var inserted = jdbc
			.sql("""
					insert into meeting_reminder (committee_id, meeting_id, days_before) values (:committee, :meeting, :days)
					on conflict do nothing
					""")
			.param("committee", committeeId)
			.param("meeting", meetingId)
			.param("days", daysBefore)
			.update();
		if (inserted == 0) {
			return false;
		}
		var meeting = queries.find(committeeId, meetingId);
		var args = new ArrayList<>(describe(meeting));
		args.add(String.valueOf(daysBefore));
		notifications.send(committeeId, recipients(committeeId, meeting, false), "MEETING", "meetingReminder", args,
				"/meetings/" + meetingId);
		return true;
	}

	/**
	 * The branch's members on the meeting date and, for the notice, the committee member
	 * who follows the branch.
	 */
	private List<Recipient> recipients(long committeeId, MeetingRow meeting, boolean withFollower) {
		var ids = new ArrayList<Long>();
		members.rosterOn(committeeId, meeting.branchId(), meeting.scheduledOn())
			.stream()
			.filter((m) -> !m.temporaryOut())
			.forEach((m) -> ids.add(m.id()));
		if (withFollower) {
			members.currentPosts(committeeId, meeting.branchId())
				.stream()
				.filter((p) -> p.post() == Post.FOLLOWER && !ids.contains(p.memberId()))
				.forEach((p) -> ids.add(p.memberId()));
		}
		var emails = members.emails(committeeId, ids);
		return ids.stream().map((id) -> new Recipient(id, emails.get(id))).toList();
	}

	/** Branch, date, time and place, as the notices say them. */
	private List<String> describe(MeetingRow meeting) {
		var vi = Locale.forLanguageTag("vi");
		return List.of(messages.getMessage("meeting.kindLower." + meeting.kind(), null, vi), meeting.branchName(),
				meeting.scheduledOn().format(DATE),
				(meeting.startsAt() != null) ? meeting.startsAt().format(DateTimeFormatter.ofPattern("HH:mm"))
						: messages.getMessage("notice.timeUnset", null, vi),
				(meeting.place() != null) ? meeting.place() : messages.getMessage("notice.placeUnset", null, vi));
	}

}
