package vn.chibo.study.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Years;
import vn.chibo.study.Commitments;
import vn.chibo.study.StudyQueries;

/**
 * The yearly commitment (Chỉ thị 05-CT/TW): one's own, written and reviewed on a phone,
 * and for the branch executive its members' with the opinion on each review; the same as
 * JSON under /api/v1.
 */
@Controller
class CommitmentController {

	private final Commitments commitments;

	private final Clock clock;

	CommitmentController(Commitments commitments, Clock clock) {
		this.commitments = commitments;
		this.clock = clock;
	}

	@GetMapping("/study/commitments")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		StudyQueries.requireReader(user);
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("own", commitments.own(user, shown).orElse(null));
		model.addAttribute("hasRecord", user.memberId() != null);
		var today = LocalDate.now(clock);
		model.addAttribute("reviewOpen",
				!today.isBefore(Commitments.reviewOpens(shown)) && !today.isAfter(Commitments.reviewCloses(shown)));
		model.addAttribute("reviewOpens", Commitments.reviewOpens(shown));
		model.addAttribute("lines", user.role().gradesReflections() ? commitments.branch(user, shown) : List.of());
		return "study/commitments";
	}

	@PostMapping("/study/commitments/{year}")
	String write(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		Flash.run(redirect, "commitment.flash.written", () -> commitments.write(user, year, body, version));
		return "redirect:/study/commitments?year=" + year;
	}

	@PostMapping("/study/commitments/{year}/review")
	String review(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestParam(required = false) @Nullable String review,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		Flash.run(redirect, "commitment.flash.reviewed", () -> commitments.review(user, year, review, version));
		return "redirect:/study/commitments?year=" + year;
	}

	@PostMapping("/study/commitments/opinion/{id}")
	String opinion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String opinion, @RequestParam int year,
			RedirectAttributes redirect) {
		Flash.run(redirect, "commitment.flash.opinion", () -> commitments.opinion(user, id, opinion));
		return "redirect:/study/commitments?year=" + year(year) + "#c" + id;
	}

	record Commitments05(Commitments.@Nullable Commitment own, List<Commitments.Line> branch) {
	}

	@GetMapping("/api/v1/study/commitments")
	@ResponseBody
	Commitments05 api(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		StudyQueries.requireReader(user);
		var shown = year(year);
		return new Commitments05(commitments.own(user, shown).orElse(null),
				user.role().gradesReflections() ? commitments.branch(user, shown) : List.of());
	}

	record Text(@Nullable String text, @Nullable Integer version) {
	}

	@PutMapping("/api/v1/study/commitments/{year}")
	@ResponseBody
	Commitments.@Nullable Commitment writeApi(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestBody Text text) {
		commitments.write(user, year, text.text(), text.version());
		return commitments.own(user, year).orElse(null);
	}

	@PutMapping("/api/v1/study/commitments/{year}/review")
	@ResponseBody
	Commitments.@Nullable Commitment reviewApi(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestBody Text text) {
		commitments.review(user, year, text.text(), text.version());
		return commitments.own(user, year).orElse(null);
	}

	@PostMapping("/api/v1/study/commitments/{id}/opinion")
	@ResponseBody
	void opinionApi(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Text text) {
		commitments.opinion(user, id, text.text());
	}

	private int year(@Nullable Integer year) {
		return Years.shown(year, clock, 2000);
	}

}
