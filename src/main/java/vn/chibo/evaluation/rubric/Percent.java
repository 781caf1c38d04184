package vn.chibo.evaluation.rubric;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

import vn.chibo.shared.web.DecimalComma;

/**
 * A score's percentage as shown beside its level colour: cut, never rounded up, to one
 * decimal and written with a decimal comma ("89,9", "90"), so a shown figure never reads
 * as the next level's (docs/domain.md §6: the levels' thresholds are whole or half
 * points).
 */
public final class Percent {

	private Percent() {
	}

	public static @Nullable String shown(@Nullable Double percent) {
		if (percent == null || percent.isNaN() || percent.isInfinite()) {
			return null;
		}
		return DecimalComma.text(BigDecimal.valueOf(percent).setScale(1, RoundingMode.FLOOR));
	}

}
