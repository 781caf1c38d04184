package vn.chibo.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import vn.chibo.evaluation.rubric.Percent;

/**
 * A shown score never reads as the next level's: cut to one decimal, not rounded up, with
 * the decimal comma.
 */
class PercentTests {

	@Test
	void aScoreIsCutNeverRoundedUp() {
		assertThat(Percent.shown(89.96)).isEqualTo("89,9");
		assertThat(EvaluationQueries.levelOf(89.96)).isNotEqualTo(EvaluationQueries.levelOf(90.0));
		assertThat(Percent.shown(90.0)).isEqualTo("90");
		assertThat(Percent.shown(72.55)).isEqualTo("72,5");
		assertThat(Percent.shown(100.0)).isEqualTo("100");
		assertThat(Percent.shown(null)).isNull();
		assertThat(Percent.shown(Double.NaN)).isNull();
	}

}
