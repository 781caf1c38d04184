package vn.chibo.report;

import java.time.Clock;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.Years;

/**
 * The year's report of study, training and commendation as JSON: its sections, paragraphs
 * and tables.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

	private final YearReport report;

	private final Clock clock;

	ReportApiController(YearReport report, Clock clock) {
		this.report = report;
		this.clock = clock;
	}

	@GetMapping("/year/{year}")
	ReportDocument year(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return report.report(user, Years.shown(year, clock, 2000));
	}

}
