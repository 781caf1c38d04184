package vn.chibo.recognition;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The badge rule at its boundaries, without Spring. */
class PartyBadgesTests {

	@Test
	void admittedOnTheFirstOfJanuaryIsPresentedOnThe3rdOfFebruaryOfTheMilestoneYear() {
		var due = PartyBadges.dueIn(LocalDate.of(1996, 1, 1), 2026).orElseThrow();
		assertThat(due.years()).isEqualTo(30);
		assertThat(due.reached()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(due.presentedOn()).isEqualTo(LocalDate.of(2026, 2, 3));
	}

	@Test
	void admittedOnTheLastOfDecemberIsPresentedTheNextYear() {
		assertThat(PartyBadges.dueIn(LocalDate.of(1996, 12, 31), 2026)).isEmpty();
		var due = PartyBadges.dueIn(LocalDate.of(1996, 12, 31), 2027).orElseThrow();
		assertThat(due.years()).isEqualTo(30);
		assertThat(due.presentedOn()).isEqualTo(LocalDate.of(2027, 2, 3));
	}

	@Test
	void aMilestoneOnACeremonyDayIsPresentedThatDay() {
		assertThat(PartyBadges.dueIn(LocalDate.of(1986, 5, 19), 2026).orElseThrow())
			.extracting(PartyBadges.Due::years, PartyBadges.Due::presentedOn)
			.containsExactly(40, LocalDate.of(2026, 5, 19));
		assertThat(PartyBadges.dueIn(LocalDate.of(1986, 5, 20), 2026).orElseThrow().presentedOn())
			.isEqualTo(LocalDate.of(2026, 9, 2));
		assertThat(PartyBadges.dueIn(LocalDate.of(1981, 11, 7), 2026).orElseThrow().presentedOn())
			.as("45 years on 7/11")
			.isEqualTo(LocalDate.of(2026, 11, 7));
	}

	@Test
	void noBadgeBetweenMilestonesNorBeforeThirtyYears() {
		assertThat(PartyBadges.dueIn(LocalDate.of(1991, 6, 1), 2026)).as("35 years").isEmpty();
		assertThat(PartyBadges.dueIn(LocalDate.of(2000, 6, 1), 2026)).as("26 years").isEmpty();
	}

	@Test
	void earlyAwardIsTwelveMonthsAheadAndTwentyFourFromSeventyYears() {
		// 30 years on 1/11/2027: within 12 months of 7/11/2026.
		assertThat(PartyBadges.earlyIn(LocalDate.of(1997, 11, 1), 2026)).isPresent();
		// 30 years on 8/11/2027: one day too far.
		assertThat(PartyBadges.earlyIn(LocalDate.of(1997, 11, 8), 2026)).isEmpty();
		// 70 years on 1/10/2028: within 24 months.
		assertThat(PartyBadges.earlyIn(LocalDate.of(1958, 10, 1), 2026).orElseThrow().years()).isEqualTo(70);
		// A milestone presented this year is not early.
		assertThat(PartyBadges.earlyIn(LocalDate.of(1996, 1, 1), 2026)).isEmpty();
	}

}
