package vn.chibo.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.evaluation.EarlyWarnings;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.AttendanceHistory;
import vn.chibo.meeting.AttendanceWarnings;
import vn.chibo.meeting.YearPlan;
import vn.chibo.meeting.MeetingLists;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.PlanWarning;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.member.MemberQueries;
import vn.chibo.notification.Inbox;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.study.ReflectionStatus;
import vn.chibo.study.StudyQueries;

/**
 * Puts together a user's start page from what the modules keep: nothing is computed here
 * that a module does not already answer, and nothing is written.
 */
@Service
@Transactional(readOnly = true)
class HomePage {

	/** How far ahead the next meeting is looked for: a plan covers the year. */
	private static final int DAYS_AHEAD = 400;

	/** Minutes older than this are the archive's business, not today's work. */
	private static final int MONTHS_OF_MINUTES = 12;

	private static final int NOTICES = 5;

	/** The items of each of the committee's lists that the page shows (Home.Part). */
	static final int SHOWN = 10;

	/**
	 * The newest attendance warnings a secretary's start page lists (the meetings page
	 * has them all).
	 */
	private static final int ATTENDANCE_WARNINGS = 10;

	private final MeetingQueries meetings;

	private final MeetingLists lists;

	private final MinutesQueries minutes;

	private final StudyQueries study;

	private final Inbox inbox;

	private final MemberQueries members;

	private final EarlyWarnings earlyWarnings;

	private final AttendanceWarnings attendanceWarnings;

	private final YearPlan yearPlan;

	private final AttendanceHistory attendanceHistory;

	private final Clock clock;

	HomePage(MeetingQueries meetings, MeetingLists lists, MinutesQueries minutes, StudyQueries study, Inbox inbox,
			MemberQueries members, EarlyWarnings earlyWarnings, AttendanceWarnings attendanceWarnings,
			YearPlan yearPlan, AttendanceHistory attendanceHistory, Clock clock) {
		this.lists = lists;
		this.attendanceHistory = attendanceHistory;
		this.yearPlan = yearPlan;
		this.earlyWarnings = earlyWarnings;
		this.attendanceWarnings = attendanceWarnings;
		this.members = members;
		this.meetings = meetings;
		this.minutes = minutes;
		this.study = study;
		this.inbox = inbox;
		this.clock = clock;
	}

	Home of(CurrentUser user) {
		var today = LocalDate.now(clock);
		var secretary = user.role() == Role.SECRETARY;
		var branch = ownBranch(user, secretary);
		var next = (branch == null) ? null
				: meetings.between(user, branch, today, today.plusDays(DAYS_AHEAD)).stream().findFirst().orElse(null);
		var office = user.role().readsMemberRecords() && !secretary;
		var memberId = user.memberId();
		var tasks = (memberId == null) ? List.<MinutesView.Task>of()
				: minutes.tasksOf(user, memberId).stream().filter((t) -> t.status() == TaskStatus.OPEN).toList();
		// docs/domain.md §7: a reflection is written by its due date; returned ones are
		// rewritten.
		var reflections = study.assignments(user, today.minusYears(1))
			.stream()
			.filter((a) -> a.status() == null || a.status() == ReflectionStatus.DRAFT
					|| a.status() == ReflectionStatus.RETURNED)
			.filter((a) -> a.due() == null || !a.due().isBefore(today))
			.toList();
		var year = today.getYear();
		var keeps = secretary || office;
		var recently = OffsetDateTime.now(clock).minusDays(30);
		return new Home(next, next != null && next.scheduledOn().equals(today),
				(next != null) ? meetings.agenda(user, next.id()) : List.of(),
				(next != null)
						? meetings.documents(user, next.id()).stream().filter((d) -> d.sharedAt() != null).toList()
						: List.of(),
				tasks, reflections, inbox.unread(user), inbox.latest(user, NOTICES), attendance(user, year),
				(secretary && next != null)
						? meetings.preparation(user, next.id()).stream().filter((p) -> !p.done()).toList() : List.of(),
				keeps ? Home.Part.of(lists.minutesToSign(user, today.minusMonths(MONTHS_OF_MINUTES), today, SHOWN))
						: new Home.Part<>(List.of(), 0),
				keeps ? Home.Part.of(earlyWarnings.newest(user, SHOWN)) : new Home.Part<>(List.of(), 0),
				Home.Part.of(keeps ? yearPlan.warnings(user, year, null)
					.stream()
					.filter((w) -> w.kind() != PlanWarning.Kind.NO_REGULAR_IN_MONTH
							|| w.period() >= today.getMonthValue())
					.toList() : List.of(), SHOWN),
				secretary ? attendanceWarnings.of(user, year, null, ATTENDANCE_WARNINGS) : null,
				secretary ? minutes.proposalQueue(user, true)
					.stream()
					.filter((p) -> p.answeredAt() != null && p.answeredAt().isAfter(recently))
					.toList() : List.of(),
				(office && user.role().answersProposals()) ? minutes.proposalQueue(user, false) : List.of(),
				Home.Part.of(office ? meetings.between(user, null, today, today.plusDays(6)) : List.of(), SHOWN));
	}

	/**
	 * The branch whose next meeting the page shows: the member's own, else the branch a
	 * secretary keeps.
	 */
	private @Nullable Long ownBranch(CurrentUser user, boolean secretary) {
		if (user.memberId() != null) {
			var member = members.find(user.committeeId(), user.memberId());
			if (member.isPresent()) {
				return member.get().branchId();
			}
		}
		return secretary ? user.scopeOrganizationId() : null;
	}

	private Home.@Nullable Attendance attendance(CurrentUser user, int year) {
		if (user.memberId() == null) {
			return null;
		}
		var lines = attendanceHistory.ofYear(user, year, user.memberId());
		var attended = 0;
		var excused = 0;
		var unexcused = 0;
		for (var line : lines) {
			if (!line.counted()) {
				continue;
			}
			if (line.status() == AttendanceStatus.PRESENT || line.status() == AttendanceStatus.LATE) {
				attended++;
			}
			else if (line.status() == AttendanceStatus.ABSENT_EXCUSED) {
				excused++;
			}
			else {
				unexcused++;
			}
		}
		return new Home.Attendance(year, attended, excused, unexcused);
	}

}
