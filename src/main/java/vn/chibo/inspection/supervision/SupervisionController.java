package vn.chibo.inspection.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.inspection.InspectionAccess;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.member.MemberQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseDates;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Option;
import vn.chibo.shared.web.Years;

/**
 * Regular supervision: the year's share of members supervised by branch against the
 * committee's target, the observations with their recommendations followed up, the form
 * of a new observation; the same as JSON.
 */
@Controller
class SupervisionController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Supervisions supervisions;

	private final InspectionAccess access;

	private final MemberQueries members;

	private final MeetingQueries meetings;

	private final MessageSource messages;

	private final Clock clock;

	SupervisionController(Supervisions supervisions, InspectionAccess access, MemberQueries members,
			MeetingQueries meetings, MessageSource messages, Clock clock) {
		this.supervisions = supervisions;
		this.access = access;
		this.members = members;
		this.meetings = meetings;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/inspection/supervision")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long branchId, Model model, Locale locale) {
		var shown = Years.shown(year, clock, 2000);
		var view = supervisions.year(user, shown);
		model.addAttribute("view", view);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(List.of(), shown));
		model.addAttribute("insider", access.insider(user));
		model.addAttribute("kinds", ObservationKind.values());
		model.addAttribute("today", LocalDate.now(clock).format(DATE));
		if (view.writes()) {
			var branches = supervisions.writable(user);
			var chosen = branches.stream()
				.filter((b) -> branchId != null && b.id() == branchId)
				.findFirst()
				.orElse(branches.isEmpty() ? null : branches.getFirst());
			model.addAttribute("branches", branches);
			model.addAttribute("branch", chosen);
			if (chosen != null) {
				// The chosen branch's members and its meetings held this year, to choose
				// from.
				var people = new ArrayList<Option>();
				for (var m : members.rosterOn(user.committeeId(), chosen.id(), LocalDate.now(clock))) {
					people.add(new Option(m.id(),
							m.fullName() + ((m.dateOfBirth() != null) ? " (" + m.dateOfBirth().getYear() + ")" : ""),
							false));
				}
				model.addAttribute("people", people);
				var held = new ArrayList<Option>();
				var reader = access.insider(user) ? access.committeeWide(user) : user;
				for (var m : meetings.calendar(reader, shown, chosen.id())) {
					if (m.status() == MeetingStatus.HELD) {
						held.add(
								new Option(m.id(),
										m.scheduledOn().format(DATE) + " · "
												+ messages.getMessage("meeting.kind." + m.kind(), null, locale),
										false));
					}
				}
				model.addAttribute("held", held.reversed());
			}
		}
		return "inspection/supervision";
	}

	@PostMapping("/inspection/supervision")
	String record(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("note") NoteForm form,
			BindingResult result, RedirectAttributes redirect, Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "supervision.field.")) {
			Flash.run(redirect, "supervision.flash.recorded", () -> supervisions.record(user, form));
		}
		var year = (form.getObservedOn() != null) ? form.getObservedOn().getYear() : LocalDate.now(clock).getYear();
		return "redirect:/inspection/supervision?year=" + year
				+ ((form.getBranchId() != null) ? "&branchId=" + form.getBranchId() : "");
	}

	@PostMapping("/inspection/supervision/{id}/follow-up")
	String followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String on, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable Integer year, RedirectAttributes redirect) {
		Flash.run(redirect, "supervision.flash.followedUp", () -> supervisions.followUp(user, id, date(on), text));
		return "redirect:/inspection/supervision" + ((year != null) ? "?year=" + year : "");
	}

	@PostMapping("/inspection/supervision/target")
	String target(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String percent, RedirectAttributes redirect) {
		var shown = Years.shown(year, clock, 2000);
		Flash.run(redirect, "supervision.flash.target", () -> supervisions.setTarget(user, shown, number(percent)));
		return "redirect:/inspection/supervision?year=" + shown;
	}

	/** The committee's target of a year, in percent. */
	record Target(@Nullable Integer percent) {
	}

	@GetMapping("/api/v1/supervision")
	@ResponseBody
	Supervisions.Year api(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "inspection.year.range");
		}
		return supervisions.year(user, year);
	}

	@PostMapping("/api/v1/supervision/notes")
	ResponseEntity<Supervisions.Year> apiRecord(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody NoteForm form) {
		supervisions.record(user, form);
		return ResponseEntity.status(201).body(supervisions.year(user, form.getObservedOn().getYear()));
	}

	@PutMapping("/api/v1/supervision/target/{year}")
	@ResponseBody
	Supervisions.Year apiTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestBody Target body) {
		supervisions.setTarget(user, year, body.percent());
		return supervisions.year(user, year);
	}

	/** A date as Vietnamese users type it; unreadable answers the field's message. */
	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return VietnameseDates.date(text);
		}
		catch (IllegalArgumentException ex) {
			throw new BusinessRuleException("on", "supervision.followUp.unreadable");
		}
	}

	private static @Nullable Integer number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip().replace("%", ""));
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("percent", "supervision.target.range");
		}
	}

}
