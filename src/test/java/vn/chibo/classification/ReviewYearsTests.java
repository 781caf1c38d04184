package vn.chibo.classification;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Years held without a break (docs/domain.md §11: five years running), without Spring.
 */
class ReviewYearsTests {

	@Test
	void aGapStopsTheCount() {
		assertThat(ReviewYears.running(List.of(2025, 2024, 2023, 2022, 2021), 2025)).isEqualTo(5);
		assertThat(ReviewYears.running(List.of(2025, 2024, 2022, 2021, 2020), 2025)).isEqualTo(2);
		assertThat(ReviewYears.running(List.of(2024, 2023), 2025)).isZero();
	}

}
