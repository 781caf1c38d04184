package vn.chibo.shared.replica;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A log position as PostgreSQL writes it, read as the one number it stands for. */
class LsnTests {

	@Test
	void readsBothHalves() {
		assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
		assertThat(Lsn.parse("0/0")).isZero();
		assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF")).isEqualTo(-1L);
		assertThat(Long.compareUnsigned(Lsn.parse("1/0"), Lsn.parse("0/FFFFFFFF"))).isPositive();
	}

	@Test
	void refusesWhatIsNotOne() {
		for (var text : new String[] { "", "16", "/1", "1/", "123456789/1", "1/123456789", "G/1" }) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> Lsn.parse(text));
		}
	}

}
