package vn.chibo.evaluation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.evaluation.rubric.Percent;

/**
 * A meeting's score under one rubric version, explained: per criterion the points, the
 * evidence and where it is in the record; the caps that applied.
 *
 * @param percent the total as a share of the applicable maximum when the rubric
 * normalises (docs/domain.md §6: months without a thematic part), else the total
 */
public record ScoreResult(String rubricCode, int rubricVersion, double total, double max, double percent, Level level,
		@Nullable Level uncapped, List<CapCondition> caps, List<Line> lines) {

	/** One criterion's result. */
	public record Line(String group, String code, String name, double points, double max, boolean applicable,
			Source source, RuleType rule, String evidence, List<String> arguments, String link, @Nullable String note) {
	}

	/** Where the points of a criterion come from. */
	public enum Source {

		/** Computed from the record. */
		RECORD,
		/** The branch's self-score. */
		SELF,
		/** The superior committee member's score, which prevails. */
		SUPERIOR,
		/** Scored by hand, not yet scored. */
		NONE,
		/** Not applicable to this meeting. */
		NOT_APPLICABLE

	}

	/** The percentage as shown beside the level. */
	public String shownPercent() {
		return Percent.shown(percent);
	}

	public boolean capped() {
		return !caps.isEmpty();
	}

}
