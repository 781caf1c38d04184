package vn.chibo.meeting;

/**
 * A gap in a branch's plan: a month with no regular meeting, or a quarter with no
 * thematic one (docs/domain.md §5). {@code period} is the month (1–12) or the quarter
 * (1–4).
 */
public record PlanWarning(long branchId, String branchName, Kind kind, int period) {

	public enum Kind {

		NO_REGULAR_IN_MONTH, NO_THEMATIC_IN_QUARTER

	}

}
