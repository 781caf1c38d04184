package vn.chibo.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.AttendanceWarning;
import vn.chibo.meeting.AttendanceWarnings;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingSignals;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.Post;
import vn.chibo.notification.Notifications;
import vn.chibo.notification.Recipient;
import vn.chibo.organization.OrgNode;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.sql.SqlArrays;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.PageOf;

/**
 * The early-warning list (docs/domain.md §6) of the branches a user sees, computed from
 * the record as it is now, over the last three months: each warning links to its record
 * and can be sent to the branch's secretary.
 */
@Service
@Transactional(readOnly = true)
public class EarlyWarnings {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** The size that asks for every warning: the absences read in full. */
	private static final int ALL = Integer.MAX_VALUE;

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	private final MeetingSignals signals;

	private final AttendanceWarnings attendanceWarnings;

	private final MemberQueries members;

	private final Notifications notifications;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	EarlyWarnings(JdbcClient jdbc, MeetingQueries meetings, MeetingSignals signals,
			AttendanceWarnings attendanceWarnings, MemberQueries members, Notifications notifications,
			MessageSource messages, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.attendanceWarnings = attendanceWarnings;
		this.meetings = meetings;
		this.signals = signals;
		this.members = members;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every warning of the user's branches, newest first. */
	public List<EarlyWarning> warnings(CurrentUser user) {
		return warnings(user, ALL).items();
	}

	/**
	 * The newest {@code size} warnings, as {@link #warnings} lists them, and how many
	 * there are: the absences, most of them in a large committee, are read from the
	 * newest back as far as these need and counted by the database (the office's start
	 * page shows five).
	 */
	public PageOf<EarlyWarning> newest(CurrentUser user, int size) {
		return warnings(user, size);
	}

	private PageOf<EarlyWarning> warnings(CurrentUser user, int size) {
		var today = LocalDate.now(clock);
		var from = today.minusMonths(3).withDayOfMonth(1);
		var branches = meetings.readableBranches(user, null);
		var facts = facts(user, branches.stream().map(OrgNode::id).toList(), today, from, size);
		var warnings = new ArrayList<EarlyWarning>();
		for (var branch : branches) {
			warnings.addAll(forBranch(branch, facts, today));
		}
		warnings.sort(Comparator.comparing(EarlyWarning::on).reversed());
		var total = warnings.size() - facts.absencesRead() + facts.absencesInAll();
		return new PageOf<>(List.copyOf(warnings.subList(0, Math.min(size, warnings.size()))), total, 0, size);
	}

	/**
	 * What the warnings are made from, for every branch at once: a statement a kind of
	 * fact, not one a branch (the office's start page shows this list for every branch of
	 * the committee).
	 */
	private record Facts(Map<Long, Long> regular, Map<Long, Long> thematic, Map<Long, List<MeetingSignals.Held>> held,
			Map<Long, List<AttendanceWarning>> absences, int absencesRead, int absencesInAll,
			Map<Long, MeetingSignals.OverdueTasks> overdue, Map<Long, List<Recent>> recent) {
	}

	private Facts facts(CurrentUser user, List<Long> branchIds, LocalDate today, LocalDate from, int size) {
		var c = user.committeeId();
		var monthStart = today.withDayOfMonth(1);
		var quarterStart = monthStart.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
		// Absences since the window's start (the same rules as the members' histories),
		// each year's newest first; the newest of them alone when some are asked for:
		// older ones than those cannot be among the newest warnings.
		var to = LocalDate.of(today.getYear(), 12, 31);
		var kinds = List.of(AttendanceWarning.Kind.ABSENT_UNEXCUSED, AttendanceWarning.Kind.CONSECUTIVE_EXCUSED);
		var listed = (size == ALL) ? listed(attendanceWarnings.between(user, from, to, kinds))
				: attendanceWarnings.newestBetween(user, from, to, kinds, size);
		var absences = new HashMap<Long, List<AttendanceWarning>>();
		for (var warning : listed.shown()) {
			absences.computeIfAbsent(warning.branchId(), (b) -> new ArrayList<>()).add(warning);
		}
		// Scores of the last three regular meetings of each branch: three read back from
		// each branch's newest in the index on its dates, not all its years numbered.
		var recent = new HashMap<Long, List<Recent>>();
		jdbc.sql("""
				select b.id, s.meeting_id, s.scheduled_on, s.percent from unnest(cast(:branches as bigint[])) b(id)
				cross join lateral (select s.meeting_id, s.scheduled_on, s.percent from meeting_score s
					where s.committee_id = :c and s.branch_id = b.id and s.kind = 'REGULAR' and s.scheduled_on <= :today
					order by s.scheduled_on desc, s.meeting_id desc limit 3) s
				order by b.id, s.scheduled_on desc, s.meeting_id desc
				""")
			.param("c", c)
			.param("branches", SqlArrays.ids(branchIds))
			.param("today", today)
			.query((rs, row) -> Map.entry(rs.getLong(1),
					new Recent(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getDouble(4))))
			.list()
			.forEach((e) -> recent.computeIfAbsent(e.getKey(), (b) -> new ArrayList<>()).add(e.getValue()));
		return new Facts(
				signals.regularHeldOrAhead(c, branchIds, today, monthStart, monthStart.plusMonths(1).minusDays(1)),
				signals.thematic(c, branchIds, quarterStart, quarterStart.plusMonths(3).minusDays(1)),
				signals.held(c, branchIds, from, today), absences, listed.shown().size(), listed.total(),
				signals.overdueTasks(c, branchIds, today), recent);
	}

	private static AttendanceWarnings.Listed listed(List<AttendanceWarning> all) {
		return new AttendanceWarnings.Listed(all, all.size());
	}

	private List<EarlyWarning> forBranch(OrgNode branch, Facts facts, LocalDate today) {
		var list = new ArrayList<EarlyWarning>();
		var calendar = "/meetings?year=" + today.getYear() + "&branchId=" + branch.id();
		// This month: a regular meeting held, or one still ahead.
		if (facts.regular().getOrDefault(branch.id(), 0L) == 0) {
			list.add(new EarlyWarning(EarlyWarning.Kind.NO_MEETING_THIS_MONTH, branch.id(), branch.name(), today,
					List.of(today.getMonthValue() + "/" + today.getYear()), calendar));
		}
		if (facts.thematic().getOrDefault(branch.id(), 0L) == 0) {
			list.add(new EarlyWarning(EarlyWarning.Kind.NO_THEMATIC_THIS_QUARTER, branch.id(), branch.name(), today,
					List.of(String.valueOf((today.getMonthValue() - 1) / 3 + 1), String.valueOf(today.getYear())),
					calendar));
		}
		// Held meetings of the last months: attendance and unsigned minutes.
		for (var held : facts.held().getOrDefault(branch.id(), List.of())) {
			var date = held.on();
			if (held.expected() > 0 && held.attended() * 100 <= held.expected() * 85) {
				list.add(new EarlyWarning(EarlyWarning.Kind.LOW_ATTENDANCE, branch.id(), branch.name(), date,
						List.of(date.format(DATE), held.attended() + "/" + held.expected()),
						"/meetings/" + held.meetingId() + "/attendance"));
			}
			if (!held.signed() && !date.isAfter(today.minusDays(2))) {
				list.add(new EarlyWarning(EarlyWarning.Kind.MINUTES_UNSIGNED, branch.id(), branch.name(), date,
						List.of(date.format(DATE)), "/meetings/" + held.meetingId() + "/minutes#signatures"));
			}
		}
		// Read for the window and these kinds only (facts above).
		for (var warning : facts.absences().getOrDefault(branch.id(), List.of())) {
			var kind = (warning.kind() == AttendanceWarning.Kind.CONSECUTIVE_EXCUSED)
					? EarlyWarning.Kind.CONSECUTIVE_EXCUSED : EarlyWarning.Kind.UNEXCUSED_ABSENCE;
			list.add(new EarlyWarning(kind, branch.id(), branch.name(), warning.on(),
					List.of(warning.memberName(), warning.on().format(DATE)),
					"/meetings/attendance/members/" + warning.memberId() + "?year=" + today.getYear()));
		}
		var overdue = facts.overdue().get(branch.id());
		if (overdue != null && overdue.count() > 0 && overdue.earliest() != null) {
			list.add(new EarlyWarning(EarlyWarning.Kind.OVERDUE_TASKS, branch.id(), branch.name(), today,
					List.of(String.valueOf(overdue.count()), overdue.earliest().format(DATE)),
					"/meetings/" + overdue.meetingId() + "/minutes#tasks"));
		}
		// Scores of the last three regular meetings, falling twice running.
		var recent = facts.recent().getOrDefault(branch.id(), List.of());
		if (recent.size() == 3 && recent.get(0).percent() < recent.get(1).percent()
				&& recent.get(1).percent() < recent.get(2).percent()) {
			list.add(
					new EarlyWarning(EarlyWarning.Kind.SCORES_FALLING, branch.id(), branch.name(), recent.get(0).on(),
							List.of(percent(recent.get(2).percent()), percent(recent.get(1).percent()),
									percent(recent.get(0).percent())),
							"/evaluation/meetings/" + recent.get(0).meetingId()));
		}
		return list;
	}

	/**
	 * Sends a warning to the secretary (and deputy) of its branch, in chibo and by
	 * e-mail. Answers how many were told.
	 */
	@Transactional
	public int send(CurrentUser user, String key) {
		if (!user.role().readsMemberRecords() || user.role() == Role.SECRETARY) {
			throw new AccessDeniedException("warning");
		}
		var warning = warnings(user).stream()
			.filter((w) -> w.key().equals(key))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		var secretaries = members.currentPosts(user.committeeId(), warning.branchId())
			.stream()
			.filter((p) -> p.post() == Post.SECRETARY || p.post() == Post.DEPUTY_SECRETARY)
			.map((p) -> p.memberId())
			.toList();
		if (secretaries.isEmpty()) {
			throw new BusinessRuleException("", "warning.noSecretary", warning.branchName());
		}
		var emails = members.emails(user.committeeId(), secretaries);
		var text = messages.getMessage("warning." + warning.kind(), warning.args(), Locale.forLanguageTag("vi"));
		notifications.send(user.committeeId(),
				secretaries.stream().map((id) -> new Recipient(id, emails.get(id))).toList(), "WARNING", "earlyWarning",
				List.of(warning.branchName(), text), warning.link());
		audit.record(user.committeeId(), user.username(), Evaluations.AUDIT_TYPE, warning.branchId(), "sendWarning",
				null, Map.of("warning", text));
		return secretaries.size();
	}

	private static String percent(double value) {
		return String.valueOf(value).replace('.', ',');
	}

	private record Recent(long meetingId, LocalDate on, double percent) {
	}

}
