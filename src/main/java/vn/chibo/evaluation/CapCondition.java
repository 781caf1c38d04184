package vn.chibo.evaluation;

/**
 * Knock-out conditions a rubric may cap the level with (docs/domain.md §6 "Knock-out
 * caps" [R]).
 */
public enum CapCondition {

	/** Any member absent without reason. */
	UNEXCUSED_ABSENCE,
	/** The meeting lasted less than half the minimum. */
	DURATION_UNDER_HALF

}
