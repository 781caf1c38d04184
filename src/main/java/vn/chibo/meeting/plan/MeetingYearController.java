package vn.chibo.meeting.plan;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.shared.replica.ReplicaReads;
import vn.chibo.meeting.AttendanceWarnings;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingLists;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.YearPlan;
import vn.chibo.meeting.notice.MeetingNotices;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.Option;
import vn.chibo.shared.web.PageOf;
import vn.chibo.shared.web.Years;

/**
 * The committee's year of meetings: the plan grid (a branch a row, a month a cell) a page
 * of branches at a time with the gaps of those branches, the year's meetings as a paged
 * list, and the attendance warnings; and the month as a calendar.
 */
@Controller
@RequestMapping("/meetings")
class MeetingYearController {

	/** Branches a page of the grid shows. */
	static final int GRID_BRANCHES = 15;

	/** Meetings a page of the list shows. */
	static final int LIST_SIZE = 20;

	/**
	 * The newest attendance warnings of the committee shown; for one branch, all of its
	 * year's.
	 */
	static final int ATTENDANCE_WARNINGS = 20;

	private static final int BRANCH_WARNINGS = 500;

	private final MeetingQueries queries;

	private final MeetingLists lists;

	private final YearPlan plan;

	private final AttendanceWarnings attendanceWarnings;

	private final MeetingNotices notices;

	private final MessageSource messages;

	private final Clock clock;

	MeetingYearController(MeetingQueries queries, MeetingLists lists, YearPlan plan,
			AttendanceWarnings attendanceWarnings, MeetingNotices notices, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.lists = lists;
		this.plan = plan;
		this.attendanceWarnings = attendanceWarnings;
		this.notices = notices;
		this.messages = messages;
		this.clock = clock;
	}

	@ReplicaReads
	@GetMapping
	String calendar(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long branchId,
			@RequestParam(required = false) @Nullable MeetingKind kind,
			@RequestParam(required = false) @Nullable MeetingStatus status,
			@RequestParam(required = false) @Nullable Integer month,
			@RequestParam(required = false) @Nullable Boolean past,
			@RequestParam(defaultValue = "false") boolean unsigned, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "0") int rows, HttpServletRequest request, Model model) {
		var today = LocalDate.now(clock);
		var shownYear = Years.shown(year, clock, MeetingQueries.FIRST_YEAR);
		var grid = plan.grid(user, shownYear, branchId, PageOf.clampPage(rows), GRID_BRANCHES);
		model.addAttribute("year", shownYear);
		model.addAttribute("branchId", branchId);
		model.addAttribute("branchOptions",
				Option.html(queries.readableBranches(user, null)
					.stream()
					.map((b) -> new Option(b.id(), b.name(), Objects.equals(b.id(), branchId)))
					.toList()));
		model.addAttribute("grid", grid);
		model.addAttribute("gridRows", GridRows.of(grid, kindShort()));
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("statuses", MeetingStatus.values());
		var filter = MeetingLists.ListFilter.of(shownYear, today, kind, status, month, past, unsigned);
		model.addAttribute("filter", filter);
		var meetings = lists.page(user, shownYear, branchId, filter, today, PageOf.clampPage(page), LIST_SIZE);
		model.addAttribute("meetings", meetings);
		model.addAttribute("listRows", MeetingListRows.of(meetings.items(), request.getContextPath(), messages,
				LocaleContextHolder.getLocale()));
		// Warnings about named members are for those who read member records.
		var warnings = user.role().readsMemberRecords() ? attendanceWarnings.of(user, shownYear, branchId,
				(branchId == null) ? ATTENDANCE_WARNINGS : BRANCH_WARNINGS) : null;
		model.addAttribute("attendanceWarnings", warnings);
		if (warnings != null) {
			model.addAttribute("warningItems", AttendanceWarningItems.of(warnings.shown(), shownYear,
					request.getContextPath(), messages, LocaleContextHolder.getLocale()));
		}
		model.addAttribute("canPlan",
				user.role().plansMeetings() && (branchId == null || queries.inScope(user, branchId)));
		model.addAttribute("canSetReminders", user.role().managesStructure());
		model.addAttribute("reminderDays", notices.reminderDays(user.committeeId()));
		return "meeting/calendar";
	}

	/** The kinds' short names, resolved once for the grid's cells. */
	private EnumMap<MeetingKind, String> kindShort() {
		var locale = LocaleContextHolder.getLocale();
		var names = new EnumMap<MeetingKind, String>(MeetingKind.class);
		for (var kind : MeetingKind.values()) {
			names.put(kind, messages.getMessage("meeting.kindShort." + kind, null, locale));
		}
		return names;
	}

	/**
	 * A week of the month view: seven days, each with its meetings (none outside the
	 * month).
	 */
	public record Week(List<Day> days) {
	}

	public record Day(@Nullable LocalDate date, List<MeetingRow> meetings, boolean today) {
	}

	/** The month as a calendar, Monday first, with the meetings of every branch shown. */
	@GetMapping("/month")
	String month(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Integer month,
			@RequestParam(required = false) @Nullable Long branchId, Model model) {
		var today = LocalDate.now(clock);
		var shown = YearMonth.of(Years.shown(year, clock, MeetingQueries.FIRST_YEAR),
				(month != null && month >= 1 && month <= 12) ? month : today.getMonthValue());
		var rows = queries.calendar(user, shown.getYear(), branchId)
			.stream()
			.filter((r) -> YearMonth.from(r.scheduledOn()).equals(shown))
			.toList();
		var weeks = new ArrayList<Week>();
		var day = shown.atDay(1).with(DayOfWeek.MONDAY);
		while (!day.isAfter(shown.atEndOfMonth())) {
			var days = new ArrayList<Day>();
			for (var i = 0; i < 7; i++, day = day.plusDays(1)) {
				var date = day;
				var inMonth = YearMonth.from(date).equals(shown);
				days.add(new Day(inMonth ? date : null,
						inMonth ? rows.stream().filter((r) -> r.scheduledOn().equals(date)).toList() : List.of(),
						date.equals(today)));
			}
			weeks.add(new Week(days));
		}
		model.addAttribute("shown", shown);
		model.addAttribute("monthNumber", String.valueOf(shown.getMonthValue()));
		model.addAttribute("yearNumber", String.valueOf(shown.getYear()));
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weeks", weeks);
		model.addAttribute("meetings", rows);
		model.addAttribute("branchId", branchId);
		model.addAttribute("branches", queries.readableBranches(user, null));
		return "meeting/month";
	}

}
