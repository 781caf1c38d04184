package vn.chibo.meeting.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.PageOf;
import vn.chibo.shared.web.Years;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingLists;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.PreparationRow;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.attendance.AttendanceRow;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.attendance.SelfCheckIn;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.minutes.MinutesFollowUp;
import vn.chibo.meeting.minutes.MinutesForm;

/**
 * Meetings as JSON under the same rules as the pages: the plan, agenda, preparation,
 * attendance and members' own check-in.
 */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingApiController {

	private final MeetingQueries queries;

	private final MeetingLists lists;

	private final MeetingService meetings;

	private final MeetingAttendance attendance;

	private final SelfCheckIn checkIns;

	private final CheckInTokens tokens;

	private final Clock clock;

	private final MinutesQueries minutesQueries;

	private final MeetingMinutes minutes;

	private final MinutesFollowUp followUp;

	MeetingApiController(MeetingQueries queries, MeetingLists lists, MeetingService meetings,
			MeetingAttendance attendance, SelfCheckIn checkIns, CheckInTokens tokens, Clock clock,
			MinutesQueries minutesQueries, MeetingMinutes minutes, MinutesFollowUp followUp) {
		this.lists = lists;
		this.followUp = followUp;
		this.minutesQueries = minutesQueries;
		this.minutes = minutes;
		this.queries = queries;
		this.meetings = meetings;
		this.attendance = attendance;
		this.checkIns = checkIns;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** A meeting with its agenda, preparation and attendance counts. */
	record MeetingDetails(MeetingRow meeting, List<String> agenda, List<PreparationRow> preparation,
			AttendanceCounts attendance) {
	}

	record Attendance(AttendanceCounts counts, List<AttendanceRow> members, List<MeetingQueries.Guest> guests) {
	}

	record AttendanceEntry(@Nullable AttendanceStatus status, @Nullable String reason,
			@Nullable String amendmentReason) {
	}

	record PlanRequest(long branchId, int year) {
	}

	record Planned(int added) {
	}

	record CheckInRequest(@Nullable String token) {
	}

	record CheckInCode(String token, long expiresInSeconds) {
	}

	/** The minutes of a meeting with everything they record and review. */
	record Minutes(@Nullable MinutesView minutes, AttendanceCounts attendance, List<MinutesView.Speech> speeches,
			List<MinutesView.Target> targets, List<MinutesView.Target> previousTargets,
			List<MinutesView.Task> tasksAssigned, List<MinutesView.Task> tasksToReview,
			List<MinutesView.Proposal> proposals, List<MinutesView.Amendment> amendments) {
	}

	record TaskStatusChange(TaskStatus status, @Nullable Long meetingId) {
	}

	@GetMapping
	List<MeetingRow> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long branchId) {
		// From the Party's founding to 2100: outside it a refused year, not a database
		// error.
		return queries.calendar(user, Years.shown(year, clock, MeetingQueries.FIRST_YEAR), branchId);
	}

	/**
	 * A page of the year's meetings with the meetings page's filters: kind, status,
	 * month, past or to come, minutes not signed by both signers.
	 */
	@GetMapping("/list")
	PageOf<MeetingRow> page(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long branchId,
			@RequestParam(required = false) @Nullable MeetingKind kind,
			@RequestParam(required = false) @Nullable MeetingStatus status,
			@RequestParam(required = false) @Nullable Integer month,
			@RequestParam(required = false) @Nullable Boolean past,
			@RequestParam(defaultValue = "false") boolean unsigned, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var today = LocalDate.now(clock);
		var shown = Years.shown(year, clock, MeetingQueries.FIRST_YEAR);
		return lists.page(user, shown, branchId,
				MeetingLists.ListFilter.of(shown, today, kind, status, month, past, unsigned), today,
				PageOf.clampPage(page), PageOf.clampSize(size));
	}

	@GetMapping("/{id}")
	MeetingDetails show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return new MeetingDetails(queries.readable(user, id), queries.agenda(user, id), queries.preparation(user, id),
				AttendanceCounts.of(queries.attendance(user, id)));
	}

	@PostMapping
	ResponseEntity<MeetingDetails> schedule(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody MeetingForm form) {
		var id = meetings.schedule(user, form);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(show(user, id));
	}

	@PostMapping("/plan")
	Planned plan(@AuthenticationPrincipal CurrentUser user, @RequestBody PlanRequest request) {
		return new Planned(meetings.planYear(user, request.branchId(), request.year()));
	}

	@GetMapping("/{id}/attendance")
	Attendance attendance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		queries.readable(user, id);
		var rows = queries.attendanceShownTo(user, id);
		return new Attendance(AttendanceCounts.of(rows), rows, queries.guests(user, id));
	}

	/**
	 * The roll call for one member; the roster snapshot is taken if not yet, and never
	 * again.
	 */
	@PutMapping("/{id}/attendance/{memberId}")
	Attendance record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long memberId,
			@RequestBody AttendanceEntry entry) {
		attendance.snapshot(user, id);
		attendance.record(user, id, memberId, entry.status(), entry.reason(), entry.amendmentReason());
		return attendance(user, id);
	}

	/**
	 * A fresh check-in code, as the meeting's QR code holds it (for a screen or kiosk of
	 * the branch's own).
	 */
	@PostMapping("/{id}/check-in-code")
	CheckInCode checkInCode(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		attendance.snapshot(user, id);
		return new CheckInCode(checkIns.checkInToken(user, id), tokens.lifetime().toSeconds());
	}

	@GetMapping("/{id}/minutes")
	Minutes minutes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var meeting = queries.readable(user, id);
		var previous = minutesQueries.previousRegular(user, meeting);
		return new Minutes(minutesQueries.minutes(user, id).orElse(null),
				AttendanceCounts.of(queries.attendance(user, id)), minutesQueries.speeches(user, id),
				minutesQueries.targets(user, id),
				previous.map((p) -> minutesQueries.targets(user, p.id())).orElse(List.of()),
				minutesQueries.tasksAssigned(user, meeting), minutesQueries.tasksToReview(user, meeting),
				minutesQueries.proposals(user, id), minutesQueries.amendments(user, id));
	}

	/**
	 * Saves the minutes from the version given in the body; a save from an older version
	 * answers 409.
	 */
	@PutMapping("/{id}/minutes")
	Minutes saveMinutes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody MinutesForm form) {
		minutes.save(user, id, form);
		return minutes(user, id);
	}

	@PostMapping("/{id}/minutes/sign")
	Minutes sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		minutes.sign(user, id);
		return minutes(user, id);
	}

	/** The signed-in member's tasks. */
	@GetMapping("/tasks/mine")
	List<MinutesView.Task> myTasks(@AuthenticationPrincipal CurrentUser user) {
		var memberId = user.memberId();
		return (memberId != null) ? minutesQueries.tasksOf(user, memberId) : List.of();
	}

	@PutMapping("/tasks/{taskId}/status")
	List<MinutesView.Task> taskStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long taskId,
			@RequestBody TaskStatusChange change) {
		followUp.setTaskStatus(user, taskId, change.status(), change.meetingId());
		return myTasks(user);
	}

	/** The signed-in member checks in with a code shown at the meeting. */
	@PostMapping("/check-in")
	SelfCheckIn.CheckIn checkIn(@AuthenticationPrincipal CurrentUser user, @RequestBody CheckInRequest request) {
		if (request.token() == null || request.token().isBlank()) {
			throw new BusinessRuleException("token", "checkIn.token.invalid");
		}
		return checkIns.checkIn(user, request.token());
	}

}
