package vn.chibo.shared.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The year a page of yearly records shows — the one asked for, or this year — and the
 * years to choose from.
 */
public final class Years {

	private Years() {
	}

	/**
	 * The year asked for, or this year; outside {@code from}–2100 a broken rule on
	 * "year".
	 */
	public static int shown(@Nullable Integer year, Clock clock, int from) {
		var shown = (year != null) ? year : LocalDate.now(clock).getYear();
		if (shown < from || shown > 2100) {
			throw new BusinessRuleException("year", "common.year.range", String.valueOf(from));
		}
		return shown;
	}

	/** The years that hold records and the one shown, newest first. */
	public static List<Integer> choices(List<Integer> withRecords, int shown) {
		var years = new ArrayList<>(withRecords);
		if (!years.contains(shown)) {
			years.add(shown);
		}
		years.sort(Comparator.reverseOrder());
		return years;
	}

}
