package vn.chibo.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument.Section;
import vn.chibo.shared.security.CurrentUser;

/**
 * The year's classification results for a report (DOMAIN.md §12: "annual classification
 * results with the 20% check"): members rated by level for each branch of the reader's
 * part of the tree, and whether each kept the quota.
 */
@Component
public class ClassificationReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final MemberReviews reviews;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	ClassificationReport(MemberReviews reviews, OrganizationQueries organizations, MessageSource messages) {
		this.reviews = reviews;
		this.organizations = organizations;
		this.messages = messages;
	}

	public Section section(CurrentUser user, int year) {
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("inspection.column.branch"), text("classification.column.rated"),
				text("classification.level.EXCELLENT"), text("classification.level.GOOD"),
				text("classification.level.PASS"), text("classification.level.FAIL"),
				text("classification.column.quota")));
		var totals = new int[6];
		var over = 0;
		for (var branch : organizations.branches(user)) {
			var review = reviews.branch(user, branch.id(), year);
			var counts = new int[4];
			var decided = 0;
			for (var r : review.reviews()) {
				if (r.finalLevel() != null) {
					counts[r.finalLevel().ordinal()]++;
					decided++;
				}
			}
			for (var i = 0; i < 4; i++) {
				totals[i] += counts[i];
			}
			totals[4] += review.reviews().size();
			totals[5] += review.reviews().size() - decided;
			over += review.decided().kept() ? 0 : 1;
			table.add(List.of(branch.name(), String.valueOf(review.reviews().size()), String.valueOf(counts[0]),
					String.valueOf(counts[1]), String.valueOf(counts[2]), String.valueOf(counts[3]),
					text(review.decided().kept() ? "classification.report.kept" : "classification.report.over",
							review.decided().excellent(), review.decided().allowed())));
		}
		var rated = totals[4];
		var paragraph = text("classification.report.text", String.valueOf(year), rated, totals[0],
				(rated == 0) ? 0 : Math.round(100f * totals[0] / rated), totals[1], totals[2], totals[3], totals[5],
				over);
		return new Section(text("classification.report.section"), List.of(paragraph), table);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
