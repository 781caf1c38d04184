package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.Years;

/**
 * The year's report of study, training and commendation: on the page as it prints, and as
 * PDF and DOCX in the Party's layout.
 */
@Controller
@RequestMapping("/reports/year")
class ReportController {

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final YearReport report;

	private final Clock clock;

	ReportController(YearReport report, Clock clock) {
		this.report = report;
		this.clock = clock;
	}

	@GetMapping
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		var current = LocalDate.now(clock).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("years",
				Years.choices(java.util.stream.IntStream.rangeClosed(current - 6, current)
					.boxed()
					.sorted(java.util.Comparator.reverseOrder())
					.toList(), shown));
		model.addAttribute("doc", report.report(user, shown));
		return "report/year";
	}

	@GetMapping("/{year}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return file(report.pdf(user, Years.shown(year, clock, 2000)), MediaType.APPLICATION_PDF,
				"bao-cao-hoc-tap-dao-tao-khen-thuong-" + year + ".pdf");
	}

	@GetMapping("/{year}.docx")
	ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return file(report.docx(user, Years.shown(year, clock, 2000)), DOCX,
				"bao-cao-hoc-tap-dao-tao-khen-thuong-" + year + ".docx");
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(bytes);
	}

}
