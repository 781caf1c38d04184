package vn.chibo.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument.Section;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The year's classification results for a report (docs/domain.md §12: "annual
 * classification results with the 20% check"): members rated by level for each branch of
 * the reader's part of the tree, and whether each kept the quota.
 */
@Component
public class ClassificationReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final MemberReviews reviews;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final OrganizationReviews organizationReviews;

	private final JdbcClient jdbc;

	ClassificationReport(MemberReviews reviews, OrganizationQueries organizations, MessageSource messages,
			OrganizationReviews organizationReviews, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.organizationReviews = organizationReviews;
		this.reviews = reviews;
		this.organizations = organizations;
		this.messages = messages;
	}

	/**
	 * The year's decided levels in figures (docs/domain.md §7): members by level in the
	 * user's branches, the branches by the level decided for them, and the committee's
	 * own level as its superior decided — one aggregate each, for reports over many
	 * years.
	 */
	public record YearCounts(int year, int excellent, int good, int pass, int fail, int branchesExcellent,
			int branchesGood, int branchesPass, int branchesFail, @Nullable ReviewLevel committee) {

		public int rated() {
			return excellent + good + pass + fail;
		}

	}

	public YearCounts counts(CurrentUser user, int year) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("classification");
		}
		var ids = SqlArrays.ids(organizations.branches(user), (b) -> b.id());
		var branches = ids;
		var members = jdbc.sql("""
				select count(*) filter (where final_level = 'EXCELLENT'), count(*) filter (where final_level = 'GOOD'),
				count(*) filter (where final_level = 'PASS'), count(*) filter (where final_level = 'FAIL')
				from member_review where committee_id = :c and year = :year and branch_id = any(cast(:b as bigint[]))
				""")
			.param("c", user.committeeId())
			.param("year", year)
			.param("b", branches)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
			.single();
		var orgs = jdbc.sql("""
				select count(*) filter (where final_level = 'EXCELLENT'), count(*) filter (where final_level = 'GOOD'),
				count(*) filter (where final_level = 'PASS'), count(*) filter (where final_level = 'FAIL')
				from organization_review where committee_id = :c and year = :year
				and organization_id = any(cast(:b as bigint[]))
				""")
			.param("c", user.committeeId())
			.param("year", year)
			.param("b", branches)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
			.single();
		var scope = organizations.find(user.committeeId(), user.scopeOrganizationId()).orElseThrow();
		var committee = scope.level().holdsMembers() ? null
				: jdbc.sql("""
						select final_level from organization_review where committee_id = :c and year = :year
						and organization_id = :o and final_level is not null
						""")
					.param("c", user.committeeId())
					.param("year", year)
					.param("o", scope.id())
					.query((rs, n) -> ReviewLevel.parse(rs.getString(1)))
					.optional()
					.orElse(null);
		return new YearCounts(year, members[0], members[1], members[2], members[3], orgs[0], orgs[1], orgs[2], orgs[3],
				committee);
	}

	public Section section(CurrentUser user, int year) {
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("inspection.column.branch"), text("classification.column.rated"),
				text("classification.level.EXCELLENT"), text("classification.level.GOOD"),
				text("classification.level.PASS"), text("classification.level.FAIL"),
				text("classification.column.quota")));
		var links = new ArrayList<List<String>>();
		links.add(List.of());
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
			var list = "/classification/branches/" + branch.id() + "?year=" + year;
			links.add(List.of(list, list, list, list, list, list, list));
		}
		var rated = totals[4];
		var paragraph = text("classification.report.text", String.valueOf(year), rated, totals[0],
				(rated == 0) ? 0 : Math.round(100f * totals[0] / rated), totals[1], totals[2], totals[3], totals[5],
				over);
		return new Section(text("classification.report.section"), List.of(paragraph, organizations(user, year)), table,
				links);
	}

	/**
	 * The organisations' levels of the year (docs/domain.md §7, §11): the branches by the
	 * level the committee decided, and the committee's own by its superior.
	 */
	private String organizations(CurrentUser user, int year) {
		var byLevel = new int[4];
		var undecided = 0;
		@Nullable String committee = null;
		for (var row : organizationReviews.year(user, year).rows()) {
			if (row.committee()) {
				committee = (row.finalLevel() != null) ? text("classification.level." + row.finalLevel())
						: text("classification.report.committeeUndecided");
			}
			else if (row.finalLevel() != null) {
				byLevel[row.finalLevel().ordinal()]++;
			}
			else {
				undecided++;
			}
		}
		var branches = text("classification.report.organizations", byLevel[0], byLevel[1], byLevel[2], byLevel[3],
				undecided);
		return (committee != null) ? text("classification.report.committee", committee) + " " + branches : branches;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
