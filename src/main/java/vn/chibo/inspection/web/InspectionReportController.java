package vn.chibo.inspection.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.print.Sheets;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Downloads;
import vn.chibo.shared.web.Years;

import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionFigures;
import vn.chibo.inspection.InspectionReport;

/**
 * The year's report of inspection, supervision and discipline: on the page as it prints,
 * as PDF and DOCX issued by the inspection committee, its figures as a spreadsheet and as
 * JSON.
 */
@Controller
class InspectionReportController {

	private final InspectionReport report;

	private final InspectionFigures figures;

	private final InspectionAccess access;

	private final MessageSource messages;

	private final Clock clock;

	InspectionReportController(InspectionReport report, InspectionFigures figures, InspectionAccess access,
			MessageSource messages, Clock clock) {
		this.report = report;
		this.figures = figures;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/inspection/report")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		model.addAttribute("doc", report.document(user, shown));
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(List.of(), shown));
		model.addAttribute("insider", access.insider(user));
		return "inspection/report";
	}

	@GetMapping("/inspection/report/{year}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return Downloads.file(report.pdf(user, checked(year)), MediaType.APPLICATION_PDF,
				"bao-cao-kiem-tra-giam-sat-" + year + ".pdf", true);
	}

	@GetMapping("/inspection/report/{year}.docx")
	ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return Downloads.file(report.docx(user, checked(year)), MediaType.parseMediaType(UploadedFiles.DOCX),
				"bao-cao-kiem-tra-giam-sat-" + year + ".docx", false);
	}

	/** The year's figures as a spreadsheet: one row a kind of item, then the totals. */
	@GetMapping("/inspection/report.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		var shown = Years.shown(year, clock, 2000);
		var f = figures.year(user, shown);
		var rows = new ArrayList<List<?>>();
		for (var row : f.rows()) {
			rows.add(List.of(text(locale, "inspection.kind." + row.kind()),
					text(locale, row.members() ? "inspection.report.members" : "inspection.report.branches"),
					row.planned(), row.concluded(), row.inProgress(), row.overdue()));
		}
		rows.add(List.of(text(locale, "inspection.report.withViolations"), "", f.withViolations()));
		rows.add(List.of(text(locale, "inspection.report.remediesOnTime"), "", f.remedies(), f.remediesOnTime(),
				f.remediesVerified()));
		f.disciplineByForm()
			.forEach((form, n) -> rows
				.add(List.of(text(locale, "discipline.title"), text(locale, "discipline.form." + form), n)));
		rows.add(List.of(text(locale, "complaint.title"), "", f.complaints(), f.complaintsAnswered(),
				f.complaintsOnTime(), f.complaintsOpen()));
		var headings = List.of(text(locale, "inspection.field.kind"), text(locale, "inspection.column.subject"),
				text(locale, "inspection.report.planned"), text(locale, "inspection.column.concluded"),
				text(locale, "inspection.column.inProgress"), text(locale, "inspection.column.overdue"));
		return Sheets.download("so-lieu-kiem-tra-giam-sat-" + shown + ".xlsx",
				Sheets.workbook(text(locale, "inspection.sheet", String.valueOf(shown)), headings, rows));
	}

	@GetMapping("/api/v1/inspections/figures/{year}")
	@ResponseBody
	InspectionFigures.YearFigures api(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return figures.year(user, checked(year));
	}

	private static int checked(int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "inspection.year.range");
		}
		return year;
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
