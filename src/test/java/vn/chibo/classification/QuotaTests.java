package vn.chibo.classification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quota of the top level and the 100-point thresholds (docs/domain.md §7), without
 * Spring.
 */
class QuotaTests {

	private static Quota quota(int excellent, int good) {
		var levels = new ArrayList<ReviewLevel>();
		levels.addAll(Collections.nCopies(excellent, ReviewLevel.EXCELLENT));
		levels.addAll(Collections.nCopies(good, ReviewLevel.GOOD));
		levels.add(ReviewLevel.PASS);
		return Quota.of(levels, 20);
	}

	@Test
	void theTopLevelIsAtMostAFifthOfTheSecond() {
		assertThat(quota(2, 10).allowed()).isEqualTo(2);
		assertThat(quota(2, 10).kept()).isTrue();
		assertThat(quota(3, 10).kept()).isFalse();
		assertThat(quota(1, 9).allowed()).isEqualTo(1);
		assertThat(quota(2, 9).kept()).isFalse();
		assertThat(quota(1, 4).kept()).isFalse();
		assertThat(quota(0, 0).kept()).isTrue();
	}

	@Test
	void pointsFallIntoTheirLevels() {
		var excellent = BigDecimal.valueOf(90);
		var good = BigDecimal.valueOf(70);
		var pass = BigDecimal.valueOf(50);
		assertThat(ReviewLevel.of(new BigDecimal("90"), excellent, good, pass)).isEqualTo(ReviewLevel.EXCELLENT);
		assertThat(ReviewLevel.of(new BigDecimal("89.99"), excellent, good, pass)).isEqualTo(ReviewLevel.GOOD);
		assertThat(ReviewLevel.of(new BigDecimal("70"), excellent, good, pass)).isEqualTo(ReviewLevel.GOOD);
		assertThat(ReviewLevel.of(new BigDecimal("69.5"), excellent, good, pass)).isEqualTo(ReviewLevel.PASS);
		assertThat(ReviewLevel.of(new BigDecimal("50"), excellent, good, pass)).isEqualTo(ReviewLevel.PASS);
		assertThat(ReviewLevel.of(new BigDecimal("49.9"), excellent, good, pass)).isEqualTo(ReviewLevel.FAIL);
	}

}
