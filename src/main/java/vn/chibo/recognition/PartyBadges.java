package vn.chibo.recognition;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * When a member's Party membership badge (Huy hiệu Đảng) falls due (docs/domain.md §11,
 * after 01-HD/TW): at 30, 40, 45, 50 … 90 years of Party age, counted from the date of
 * the admission decision; badges are presented on 3/2, 19/5, 2/9 and 7/11, each at the
 * first of those dates on or after the day the member reaches the milestone — one reached
 * after 7/11 is presented on 3/2 of the next year. A gravely ill member may be awarded
 * early: up to 12 months before the milestone, or 24 months for 70 years and more.
 */
final class PartyBadges {

	static final List<Integer> MILESTONES = List.of(30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);

	static final List<MonthDay> PRESENTATIONS = List.of(MonthDay.of(2, 3), MonthDay.of(5, 19), MonthDay.of(9, 2),
			MonthDay.of(11, 7));

	private PartyBadges() {
	}

	/** A milestone a member reaches, and the ceremony it is presented at. */
	record Due(int years, LocalDate reached, LocalDate presentedOn) {
	}

	/**
	 * The badge presented in {@code year} to a member admitted on {@code admission}, if
	 * any: the milestone whose ceremony falls in that year.
	 */
	static Optional<Due> dueIn(LocalDate admission, int year) {
		for (var years : MILESTONES) {
			var reached = admission.plusYears(years);
			var presented = presentation(reached);
			if (presented.getYear() == year) {
				return Optional.of(new Due(years, reached, presented));
			}
		}
		return Optional.empty();
	}

	/**
	 * The milestone a gravely ill member may be proposed for early in {@code year}: one
	 * presented after that year, reached within the early window (12 months, 24 from 70
	 * years) of the year's last ceremony.
	 */
	static Optional<Due> earlyIn(LocalDate admission, int year) {
		var lastCeremony = PRESENTATIONS.getLast().atYear(year);
		for (var years : MILESTONES) {
			var reached = admission.plusYears(years);
			var presented = presentation(reached);
			if (presented.getYear() <= year) {
				continue;
			}
			var window = (years >= 70) ? 24 : 12;
			if (!reached.minusMonths(window).isAfter(lastCeremony)) {
				return Optional.of(new Due(years, reached, presented));
			}
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** The first ceremony on or after the day. */
	static LocalDate presentation(LocalDate reached) {
		for (var day : PRESENTATIONS) {
			var ceremony = day.atYear(reached.getYear());
			if (!ceremony.isBefore(reached)) {
				return ceremony;
			}
		}
		return PRESENTATIONS.getFirst().atYear(reached.getYear() + 1);
	}

}
