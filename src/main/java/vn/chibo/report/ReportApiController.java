package vn.chibo.report;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.report.Terms.Term;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.Years;

/**
 * The year and term reports as JSON (their sections, paragraphs, tables and the address
 * each figure counts), the committee's terms, and the reports' text parts.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

	private final YearReport report;

	private final TermReport termReport;

	private final Terms terms;

	private final ReportTexts texts;

	private final Clock clock;

	ReportApiController(YearReport report, TermReport termReport, Terms terms, ReportTexts texts, Clock clock) {
		this.report = report;
		this.termReport = termReport;
		this.terms = terms;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/year/{year}")
	ReportDocument year(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return report.report(user, Years.shown(year, clock, 2000));
	}

	/** The text parts of the year report of the user's organisation. */
	@PutMapping("/year/{year}/text")
	ReportDocument yearText(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@Valid @RequestBody ReportTextForm body) {
		var shown = Years.shown(year, clock, 2000);
		texts.save(user, ReportTexts.Kind.YEAR, String.valueOf(shown), body);
		return report.report(user, shown);
	}

	@GetMapping("/terms")
	List<Term> terms(@AuthenticationPrincipal CurrentUser user) {
		YearReport.requireReader(user);
		return terms.list(user.committeeId());
	}

	@PostMapping("/terms")
	@ResponseStatus(HttpStatus.CREATED)
	Term addTerm(@AuthenticationPrincipal CurrentUser user, @RequestBody TermForm body) {
		return terms.shown(user.committeeId(), terms.add(user, body));
	}

	@GetMapping("/term/{id}")
	ReportDocument term(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		YearReport.requireReader(user);
		return termReport.report(user, terms.shown(user.committeeId(), id));
	}

	/** The text parts of a term report of the user's organisation. */
	@PutMapping("/term/{id}/text")
	ReportDocument termText(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody ReportTextForm body) {
		var term = terms.shown(user.committeeId(), id);
		texts.save(user, ReportTexts.Kind.TERM, term.period(), body);
		return termReport.report(user, term);
	}

}
