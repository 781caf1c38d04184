package vn.chibo.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;

import vn.chibo.shared.web.BusinessRuleException;

/** When a year is reviewed, and how many years a level was held without a break. */
final class ReviewYears {

	private ReviewYears() {
	}

	/**
	 * A year is reviewed from its 1st of November and never ahead (docs/domain.md §7:
	 * Nov–Dec).
	 */
	static void requireOpen(int year, Clock clock) {
		var today = LocalDate.now(clock);
		if (year > today.getYear() || year < 2000 || (year == today.getYear() && today.getMonthValue() < 11)) {
			throw new BusinessRuleException("year", "classification.year.closed", String.valueOf(year));
		}
	}

	/**
	 * How many years ending with {@code year} are all among {@code years}: 2021–2025 in
	 * the list and 2025 asked answer 5; a gap stops the count (docs/domain.md §11: five
	 * years running).
	 */
	static int running(Collection<Integer> years, int year) {
		var count = 0;
		while (years.contains(year - count)) {
			count++;
		}
		return count;
	}

}
