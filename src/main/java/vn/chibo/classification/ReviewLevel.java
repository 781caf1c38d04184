package vn.chibo.classification;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The four levels of the annual classification (docs/domain.md §7), top down: hoàn thành
 * xuất sắc nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ, không hoàn thành nhiệm
 * vụ.
 */
public enum ReviewLevel {

	EXCELLENT, GOOD, PASS, FAIL;

	/**
	 * The level of a score on the 100-point scale (366-QĐ/TW: ≥ 90, 70–< 90, 50–< 70,
	 * below 50), by the rule set's thresholds.
	 */
	public static ReviewLevel of(BigDecimal score, BigDecimal excellent, BigDecimal good, BigDecimal pass) {
		if (score.compareTo(excellent) >= 0) {
			return EXCELLENT;
		}
		if (score.compareTo(good) >= 0) {
			return GOOD;
		}
		return (score.compareTo(pass) >= 0) ? PASS : FAIL;
	}

	public static @Nullable ReviewLevel parse(@Nullable String value) {
		return (value == null) ? null : valueOf(value);
	}

}
