package vn.chibo.meeting.attendance;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.Namesakes;
import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.QrCodes;

import static vn.chibo.meeting.support.MeetingAccess.requirePlanner;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.AttendanceHistory;
import vn.chibo.meeting.AttendanceWarnings;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.minutes.SignedMinutes;

/**
 * Attendance screens: the roll call on a phone-sized page, guests, the check-in QR code
 * shown at the meeting, a member's own check-in, and attendance histories with their
 * warnings.
 */
@Controller
class AttendanceController {

	private final MeetingQueries queries;

	private final MeetingAttendance attendance;

	private final SelfCheckIn checkIns;

	private final MemberQueries members;

	private final CheckInTokens tokens;

	private final Clock clock;

	private final SignedMinutes signed;

	private final Namesakes namesakes;

	private final AttendanceWarnings warnings;

	private final AttendanceHistory history;

	AttendanceController(MeetingQueries queries, MeetingAttendance attendance, SelfCheckIn checkIns,
			MemberQueries members, CheckInTokens tokens, Clock clock, SignedMinutes signed, Namesakes namesakes,
			AttendanceWarnings warnings, AttendanceHistory history) {
		this.warnings = warnings;
		this.history = history;
		this.namesakes = namesakes;
		this.signed = signed;
		this.queries = queries;
		this.attendance = attendance;
		this.checkIns = checkIns;
		this.members = members;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/meetings/{id}/attendance")
	String rollCall(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var meeting = queries.readable(user, id);
		var locked = signed.locked(user.committeeId(), id);
		// Signed minutes: the roll call and the guests are part of them, read only.
		var canPlan = !locked && user.role().plansMeetings() && queries.inScope(user, meeting.branchId());
		model.addAttribute("signed", locked);
		// Signed: the roll call is corrected only as an amendment, with its reason.
		model.addAttribute("amend", locked && user.role().plansMeetings() && queries.inScope(user, meeting.branchId()));
		var rows = queries.attendanceShownTo(user, id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("rows", rows);
		model.addAttribute("labels",
				namesakes.labels(user.committeeId(), rows.stream().map(AttendanceRow::memberId).toList()));
		model.addAttribute("counts", AttendanceCounts.of(rows));
		model.addAttribute("guests", queries.guests(user, id));
		model.addAttribute("statuses", AttendanceStatus.values());
		model.addAttribute("canPlan", canPlan);
		model.addAttribute("today", meeting.scheduledOn().equals(LocalDate.now(clock)));
		return "meeting/attendance";
	}

	@PostMapping("/meetings/{id}/attendance/{memberId}")
	String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long memberId,
			@RequestParam(required = false) @Nullable AttendanceStatus status,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String amendmentReason, RedirectAttributes redirect) {
		try {
			attendance.record(user, id, memberId, status, reason, amendmentReason);
		}
		catch (BusinessRuleException ex) {
			// The row keeps what was chosen, with the message beside it, so only the
			// missing part needs entering.
			redirect.addFlashAttribute("draft",
					new Draft(memberId, status, reason, new Flash.Message(ex.messageKey(), ex.arguments())));
		}
		return "redirect:/meetings/" + id + "/attendance#m" + memberId;
	}

	/** A roll-call entry that was refused, shown again in its row with the reason. */
	public record Draft(long memberId, @Nullable AttendanceStatus status, @Nullable String reason,
			Flash.Message error) implements Serializable {
	}

	/** Everyone on the roster not yet recorded is present; then the exceptions. */
	@PostMapping("/meetings/{id}/attendance/everyone-present")
	String everyonePresent(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		try {
			Flash.success(redirect, "attendance.flash.everyone", attendance.everyonePresent(user, id));
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/meetings/" + id + "/attendance";
	}

	/** Attendance starts: the roster of the branch on the meeting date is taken. */
	@PostMapping("/meetings/{id}/attendance/start")
	String start(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		attendance.snapshot(user, id);
		Flash.success(redirect, "attendance.flash.started");
		return "redirect:/meetings/" + id + "/attendance";
	}

	@PostMapping("/meetings/{id}/attendance/snapshot")
	String rebuild(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			var changed = attendance.rebuildRoster(user, id);
			Flash.success(redirect, "attendance.flash.snapshot", changed[0], changed[1]);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/meetings/" + id + "/attendance";
	}

	@PostMapping("/meetings/{id}/guests")
	String addGuest(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String guestName,
			@RequestParam(required = false) @Nullable String guestTitle,
			@RequestParam(required = false) @Nullable String amendmentReason, RedirectAttributes redirect) {
		Flash.run(redirect, "attendance.flash.guest",
				() -> attendance.addGuest(user, id, guestName, guestTitle, amendmentReason));
		return "redirect:/meetings/" + id + "/attendance#guests";
	}

	@PostMapping("/meetings/{id}/guests/{guestId}/delete")
	String removeGuest(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long guestId,
			@RequestParam(required = false) @Nullable String amendmentReason, RedirectAttributes redirect) {
		Flash.run(redirect, "attendance.flash.guestRemoved",
				() -> attendance.removeGuest(user, id, guestId, amendmentReason));
		return "redirect:/meetings/" + id + "/attendance#guests";
	}

	/** "Show the QR code": the roster is taken if not yet, then the code's page. */
	@PostMapping("/meetings/{id}/check-in-code")
	String startCheckIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		attendance.snapshot(user, id);
		return "redirect:/meetings/" + id + "/check-in-code";
	}

	/** The page shown on the screen at the meeting: the QR code members scan. */
	@GetMapping("/meetings/{id}/check-in-code")
	String checkInCode(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		requirePlanner(user);
		var meeting = queries.meeting(user, id);
		try {
			checkIns.checkInToken(user, id);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
			return "redirect:/meetings/" + id + "/attendance";
		}
		model.addAttribute("meeting", meeting);
		model.addAttribute("counts", AttendanceCounts.of(queries.attendance(user, id)));
		model.addAttribute("minutes", tokens.lifetime().toMinutes());
		model.addAttribute("nonce", System.nanoTime());
		return "meeting/check-in-code";
	}

	/**
	 * The QR code itself, with a fresh token each time: the page reloads it every minute,
	 * well inside the token's lifetime.
	 */
	@GetMapping(path = "/meetings/{id}/check-in-code.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> checkInPng(@AuthenticationPrincipal CurrentUser user, @PathVariable long id)
			throws IOException {
		String token;
		try {
			token = checkIns.checkInToken(user, id);
		}
		catch (BusinessRuleException ex) {
			// No code today (no meeting, no roster, signed): the page says why.
			return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
		}
		var url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/check-in")
			.queryParam("t", token)
			.build()
			.toUriString();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(url));
	}

	@GetMapping("/check-in")
	String checkInForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "t") String token, Model model) {
		model.addAttribute("token", token);
		try {
			model.addAttribute("meeting", checkIns.preview(user, token));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", new Flash.Message(ex.messageKey(), ex.arguments()));
		}
		return "meeting/check-in";
	}

	@PostMapping("/check-in")
	String checkIn(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "t") String token, Model model) {
		model.addAttribute("token", token);
		try {
			model.addAttribute("checkIn", checkIns.checkIn(user, token));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", new Flash.Message(ex.messageKey(), ex.arguments()));
		}
		return "meeting/check-in";
	}

	/** The signed-in member's own attendance. */
	@GetMapping("/meetings/attendance/mine")
	String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year) {
		if (user.memberId() == null) {
			throw new NotFoundException();
		}
		return "redirect:/meetings/attendance/members/" + user.memberId() + ((year != null) ? "?year=" + year : "");
	}

	@GetMapping("/meetings/attendance/members/{memberId}")
	String memberHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		var member = members.find(user.committeeId(), memberId).orElseThrow(NotFoundException::new);
		// A member sees their own attendance; the others who read member records see
		// those in their scope.
		if (!user.isMember(memberId) && !user.role().readsMemberRecords()) {
			throw new NotFoundException();
		}
		var shownYear = (year != null) ? year : LocalDate.now(clock).getYear();
		if (!user.isMember(memberId) && queries.branches(user, member.branchId()).isEmpty()) {
			throw new NotFoundException();
		}
		var lines = history.ofYear(user, shownYear, memberId);
		model.addAttribute("member", member);
		model.addAttribute("year", String.valueOf(shownYear));
		model.addAttribute("lines", lines);
		model.addAttribute("warnings", warnings.ofMember(user, shownYear, memberId));
		return "meeting/member-attendance";
	}

}
