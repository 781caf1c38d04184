package vn.chibo.evaluation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.evaluation.rubric.Percent;

/**
 * The committee's year of meeting quality (docs/domain.md §6): the heat map of branches ×
 * months, each branch's year by the aggregation rule, levels per quarter, and the
 * criteria that lose the most points.
 */
public record Dashboard(int year, List<Row> rows, List<QuarterLevels> quarters, List<WeakCriterion> weakest) {

	/** A branch's year: one cell a month and the year's aggregate. */
	/**
	 * @param thematicCount thematic meetings scored this year, aggregated apart from the
	 * regular ones (docs/domain.md §6)
	 * @param thematicMean their mean score
	 */
	public record Row(long branchId, String branchName, List<Cell> months, @Nullable Double meanPercent,
			@Nullable Level level, boolean capped, int weakMonths, int skippedMonths, int thematicCount,
			@Nullable Double thematicMean) {

		public @Nullable String shownMean() {
			return Percent.shown(meanPercent);
		}

		public @Nullable String shownThematicMean() {
			return Percent.shown(thematicMean);
		}

		public @Nullable Level thematicLevel() {
			return (thematicMean != null) ? EvaluationQueries.levelOf(thematicMean) : null;
		}

	}

	/**
	 * A month of a branch: its regular meeting's score, or why there is none.
	 *
	 * @param state {@code SCORED}, {@code UNSCORED} (held, not scored yet),
	 * {@code PLANNED} (still ahead), {@code MISSING} (a past month without a held
	 * meeting)
	 */
	public record Cell(int month, String state, @Nullable Long meetingId, @Nullable Double percent,
			@Nullable Level level) {

		/** The percentage as shown in the level's colour. */
		public @Nullable String shown() {
			return Percent.shown(percent);
		}

	}

	public record QuarterLevels(int quarter, int good, int fair, int average, int weak, int pass, int fail) {
	}

	/** A criterion and the points it lost on average, over the year's scored meetings. */
	public record WeakCriterion(String rubricCode, String code, String name, double averageLoss, double max,
			int meetings) {
	}

}
