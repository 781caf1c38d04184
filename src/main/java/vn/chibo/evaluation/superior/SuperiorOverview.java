package vn.chibo.evaluation.superior;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.evaluation.Dashboard;
import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.evaluation.Level;
import vn.chibo.evaluation.rubric.Percent;

/**
 * The year of meeting quality of every grassroots committee under a superior committee
 * (docs/domain.md §6): one row a committee with a cell a month, levels per quarter and
 * the criteria that lose the most points across all of them. Figures come from the
 * per-committee monthly aggregates of the scores.
 *
 * @param totals the year of all the committees under it
 */
public record SuperiorOverview(int year, List<Row> rows, List<Dashboard.QuarterLevels> quarters,
		List<Dashboard.WeakCriterion> weakest, Totals totals) {

	/**
	 * A committee's month: its regular meetings scored, the mean of the graded ones, and
	 * how many were Kém; pass/fail scores (12-HD framework) apart.
	 */
	public record Month(int month, int meetings, @Nullable Double mean, @Nullable Level level, int weak, int pass,
			int fail) {

		/**
		 * The cell's colour class, decided once here rather than per cell in the template
		 * (an overview has thousands of cells).
		 */
		public String css() {
			return (level != null) ? "level-" + level
					: (pass + fail > 0) ? ((fail == 0) ? "level-PASS" : "level-FAIL") : "";
		}

		/** The mean as shown in its level's colour, if the month has graded scores. */
		public @Nullable String label() {
			return Percent.shown(mean);
		}

		/** Share of the pass/fail scores that passed, when the month has only those. */
		public @Nullable Integer passShare() {
			return (pass + fail > 0) ? Math.round(100f * pass / (pass + fail)) : null;
		}

	}

	/**
	 * A committee's year.
	 *
	 * @param scored regular meetings scored in the months already over
	 * @param expected branches × months already over: one regular meeting each (Party
	 * Charter, docs/domain.md §5)
	 * @param thematicCount thematic meetings scored, aggregated apart (docs/domain.md §6)
	 */
	public record Row(long committeeId, String code, String name, int branches, List<Month> months,
			@Nullable Double mean, @Nullable Level level, int weak, int scored, int expected, int thematicCount,
			@Nullable Double thematicMean) {

		/** Share of the expected branch-months that have a scored meeting. */
		public @Nullable Integer coverage() {
			return (expected > 0) ? Math.min(100, Math.round(100f * scored / expected)) : null;
		}

		public @Nullable Level thematicLevel() {
			return (thematicMean != null) ? EvaluationQueries.levelOf(thematicMean) : null;
		}

		public @Nullable String shownMean() {
			return Percent.shown(mean);
		}

		public @Nullable String shownThematicMean() {
			return Percent.shown(thematicMean);
		}

	}

	public record Totals(int committees, int branches, int meetings, @Nullable Double mean, @Nullable Level level,
			int weak) {

		public @Nullable String shownMean() {
			return Percent.shown(mean);
		}

	}

}
