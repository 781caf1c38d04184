package vn.chibo.inspection.discipline;

/**
 * What an appeal (khiếu nại kỷ luật) ends in: the decision upheld, reduced or annulled.
 */
public enum AppealOutcome {

	UPHELD, REDUCED, ANNULLED

}
