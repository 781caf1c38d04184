package vn.chibo.evaluation.superior;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.shared.replica.ReplicaReads;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.shared.security.CurrentUser;

import vn.chibo.evaluation.Evaluations;
import vn.chibo.evaluation.web.HeatmapRows;
import vn.chibo.shared.web.PageOf;

/**
 * The superior committee's overview (docs/domain.md §6): its grassroots committees ×
 * months, and a committee's branches × months, read-only. Only observers reach it
 * (SecurityConfiguration).
 */
@Controller
@ReplicaReads
class SuperiorController {

	private final SuperiorQueries superior;

	private final Clock clock;

	private final MeetingQueries meetings;

	private final Evaluations evaluations;

	private final MessageSource messages;

	SuperiorController(SuperiorQueries superior, Clock clock, MeetingQueries meetings, Evaluations evaluations,
			MessageSource messages) {
		this.messages = messages;
		this.meetings = meetings;
		this.evaluations = evaluations;
		this.superior = superior;
		this.clock = clock;
	}

	@GetMapping("/evaluation/superior")
	String overview(@AuthenticationPrincipal CurrentUser observer,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String sort, Model model) {
		var shown = year(year);
		var weakestFirst = "weakest".equals(sort);
		model.addAttribute("superior", superior.overview(observer, shown, weakestFirst));
		model.addAttribute("year", String.valueOf(shown));
		model.addAttribute("yearNumber", shown);
		model.addAttribute("sort", weakestFirst ? "weakest" : "name");
		return "evaluation/superior";
	}

	@GetMapping("/evaluation/superior/{committeeId}")
	String committee(@AuthenticationPrincipal CurrentUser observer, @PathVariable long committeeId,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		var shown = year(year);
		var dashboard = superior.committee(observer, committeeId, shown);
		model.addAttribute("committee", superior.committee(observer, committeeId));
		model.addAttribute("dashboard", dashboard);
		// A page of the committee's branches, as on its own dashboard.
		var branches = PageOf.of(dashboard.rows(), page, HeatmapRows.PAGE);
		model.addAttribute("heatmap", HeatmapRows.of(branches.items(),
				"/evaluation/superior/" + committeeId + "/meetings/", messages, locale));
		model.addAttribute("heatmapPage", branches);
		model.addAttribute("year", String.valueOf(shown));
		model.addAttribute("yearNumber", shown);
		return "evaluation/superior-committee";
	}

	/**
	 * A meeting's explained score, read-only, without links into the committee's records.
	 */
	@GetMapping("/evaluation/superior/{committeeId}/meetings/{meetingId}")
	String meeting(@AuthenticationPrincipal CurrentUser observer, @PathVariable long committeeId,
			@PathVariable long meetingId, Model model) {
		var reader = superior.standIn(observer, committeeId);
		model.addAttribute("committee", superior.committee(observer, committeeId));
		model.addAttribute("meeting", meetings.readable(reader, meetingId));
		model.addAttribute("scores", evaluations.scores(reader, meetingId));
		model.addAttribute("scorer", null);
		model.addAttribute("mayRescore", false);
		return "evaluation/meeting";
	}

	private int year(@Nullable Integer year) {
		return (year != null) ? year : LocalDate.now(clock).getYear();
	}

}
