package vn.chibo.inspection;

import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * Where a programme item stands (docs/domain.md §10: not carrying out the programme is
 * itself a violation): planned; overdue once its month has passed without a decision; in
 * progress from the decision; concluded.
 */
public enum InspectionStatus {

	PLANNED, OVERDUE, IN_PROGRESS, CONCLUDED;

	public static InspectionStatus of(int year, int plannedMonth, @Nullable LocalDate decidedOn,
			@Nullable LocalDate concludedOn, LocalDate today) {
		if (concludedOn != null) {
			return CONCLUDED;
		}
		if (decidedOn != null) {
			return IN_PROGRESS;
		}
		return YearMonth.of(year, plannedMonth).isBefore(YearMonth.from(today)) ? OVERDUE : PLANNED;
	}

}
