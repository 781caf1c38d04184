package vn.chibo.report;

import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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
import vn.chibo.report.Terms.Term;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.Downloads;
import vn.chibo.shared.web.Flash;

/**
 * The term report for the congress: the committee's terms to choose from (the office adds
 * one), the report on the page with each year's figure linked to that year's report, as
 * PDF and DOCX, and its text parts written beside the previous term's.
 */
@Controller
@RequestMapping("/reports/term")
class TermReportController {

	private final TermReport report;

	private final Terms terms;

	private final ReportTexts texts;

	private final MessageSource messages;

	TermReportController(TermReport report, Terms terms, ReportTexts texts, MessageSource messages) {
		this.report = report;
		this.terms = terms;
		this.texts = texts;
		this.messages = messages;
	}

	@GetMapping
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long term,
			Model model) {
		YearReport.requireReader(user);
		var all = terms.list(user.committeeId());
		model.addAttribute("terms", all);
		model.addAttribute("addsTerms", user.role().managesStructure());
		if (!model.containsAttribute("termForm")) {
			model.addAttribute("termForm", new TermForm());
		}
		// A term asked for that is not the committee's is not found, even where it has
		// none.
		if (term != null || !all.isEmpty()) {
			var shown = terms.shown(user.committeeId(), term);
			model.addAttribute("term", shown);
			model.addAttribute("doc", report.report(user, shown));
			model.addAttribute("writes", ReportTexts.writes(user));
		}
		return "report/term";
	}

	@PostMapping
	String addTerm(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("termForm") TermForm form,
			BindingResult result, RedirectAttributes redirect, Locale locale) {
		if (Flash.unreadable(result, redirect, messages, locale, "term.field.")) {
			return "redirect:/reports/term";
		}
		var id = new long[1];
		Flash.run(redirect, "term.flash.added", () -> id[0] = terms.add(user, form));
		return "redirect:/reports/term" + ((id[0] != 0) ? "?term=" + id[0] : "");
	}

	@GetMapping("/{id}/text")
	String textForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var term = terms.shown(user.committeeId(), id);
		model.addAttribute("form", ReportTextForm.of(texts.find(user, ReportTexts.Kind.TERM, term.period())));
		return textPage(user, term, model);
	}

	@PostMapping("/{id}/text")
	String saveText(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") ReportTextForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var term = terms.shown(user.committeeId(), id);
		if (result.hasErrors()) {
			return textPage(user, term, model);
		}
		texts.save(user, ReportTexts.Kind.TERM, term.period(), form);
		Flash.success(redirect, "reportText.flash.saved");
		return "redirect:/reports/term?term=" + term.id() + "#term-report";
	}

	private String textPage(CurrentUser user, Term term, Model model) {
		var before = terms.before(user.committeeId(), term);
		model.addAttribute("heading", "reportText.term.title");
		model.addAttribute("period", term.label());
		model.addAttribute("previousPeriod", (before != null) ? before.label() : "");
		model.addAttribute("nextPeriod", term.lastYear() + "–" + (2 * term.lastYear() - term.firstYear()));
		model.addAttribute("previous",
				(before != null) ? texts.find(user, ReportTexts.Kind.TERM, before.period()) : ReportTexts.Texts.NONE);
		model.addAttribute("action", "/reports/term/" + term.id() + "/text");
		model.addAttribute("back", "/reports/term?term=" + term.id());
		model.addAttribute("tasksLabel", "reportText.tasks.term");
		return "report/text";
	}

	@ReplicaReads
	@GetMapping("/{id}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var term = terms.shown(user.committeeId(), id);
		return Downloads.file(report.pdf(user, term), MediaType.APPLICATION_PDF,
				"bao-cao-tong-ket-nhiem-ky-" + term.period() + ".pdf", false);
	}

	@ReplicaReads
	@GetMapping("/{id}.docx")
	ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var term = terms.shown(user.committeeId(), id);
		return Downloads.file(report.docx(user, term), ReportController.DOCX,
				"bao-cao-tong-ket-nhiem-ky-" + term.period() + ".docx", false);
	}

}
