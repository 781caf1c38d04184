package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.shared.replica.ReplicaReads;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.Downloads;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Years;

/**
 * The year's report on Party building: on the page as it prints with each figure linked
 * to the list it counts, as PDF and DOCX in the Party's layout, and the page where the
 * office writes its text parts with last year's beside them.
 */
@Controller
@RequestMapping("/reports/year")
class ReportController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final YearReport report;

	private final ReportTexts texts;

	private final Clock clock;

	ReportController(YearReport report, ReportTexts texts, Clock clock) {
		this.report = report;
		this.texts = texts;
		this.clock = clock;
	}

	@ReplicaReads
	@GetMapping
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		var current = LocalDate.now(clock).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(
				IntStream.rangeClosed(current - 6, current).boxed().sorted(Comparator.reverseOrder()).toList(), shown));
		model.addAttribute("doc", report.report(user, shown));
		model.addAttribute("writes", ReportTexts.writes(user));
		return "report/year";
	}

	@GetMapping("/{year}/text")
	String textForm(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, Model model) {
		var shown = Years.shown(year, clock, 2000);
		model.addAttribute("form", ReportTextForm.of(texts.find(user, ReportTexts.Kind.YEAR, String.valueOf(shown))));
		return textPage(user, shown, model);
	}

	@PostMapping("/{year}/text")
	String saveText(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@Valid @ModelAttribute("form") ReportTextForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var shown = Years.shown(year, clock, 2000);
		if (result.hasErrors()) {
			return textPage(user, shown, model);
		}
		texts.save(user, ReportTexts.Kind.YEAR, String.valueOf(shown), form);
		Flash.success(redirect, "reportText.flash.saved");
		return "redirect:/reports/year?year=" + shown + "#year-report";
	}

	private String textPage(CurrentUser user, int year, Model model) {
		model.addAttribute("heading", "reportText.year.title");
		model.addAttribute("period", String.valueOf(year));
		model.addAttribute("previousPeriod", String.valueOf(year - 1));
		model.addAttribute("nextPeriod", String.valueOf(year + 1));
		model.addAttribute("previous", texts.find(user, ReportTexts.Kind.YEAR, String.valueOf(year - 1)));
		model.addAttribute("action", "/reports/year/" + year + "/text");
		model.addAttribute("back", "/reports/year?year=" + year);
		model.addAttribute("tasksLabel", "reportText.tasks.year");
		return "report/text";
	}

	@ReplicaReads
	@GetMapping("/{year}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return Downloads.file(report.pdf(user, Years.shown(year, clock, 2000)), MediaType.APPLICATION_PDF,
				"bao-cao-cong-tac-xay-dung-dang-" + year + ".pdf", false);
	}

	@ReplicaReads
	@GetMapping("/{year}.docx")
	ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return Downloads.file(report.docx(user, Years.shown(year, clock, 2000)), DOCX,
				"bao-cao-cong-tac-xay-dung-dang-" + year + ".docx", false);
	}

}
