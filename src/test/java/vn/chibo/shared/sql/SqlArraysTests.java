package vn.chibo.shared.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array literals as PostgreSQL reads them (docs/architecture.md, "Inside a module").
 */
class SqlArraysTests {

	record Row(long id) {
	}

	@Test
	void idsAndNumbersAreCommaSeparatedInBraces() {
		assertThat(SqlArrays.ids(List.of())).isEqualTo("{}");
		assertThat(SqlArrays.ids(List.of(3L, 1L, 2L))).isEqualTo("{3,1,2}");
		assertThat(SqlArrays.ids(List.of(new Row(7), new Row(9)), Row::id)).isEqualTo("{7,9}");
		assertThat(SqlArrays.longs(new long[] { Long.MIN_VALUE, 0, 5 })).isEqualTo("{-9223372036854775808,0,5}");
		assertThat(SqlArrays.numbers(new double[] { 1.5, 0, 10 })).isEqualTo("{1.5,0.0,10.0}");
	}

	@Test
	void textsAreQuotedWithTheirQuotesAndBackslashesEscaped() {
		assertThat(SqlArrays.texts(List.of())).isEqualTo("{}");
		assertThat(SqlArrays.texts(List.of("1.a", "Chi bộ \"Kho\", {số 2}", "a\\b", "", "NULL")))
			.isEqualTo("{\"1.a\",\"Chi bộ \\\"Kho\\\", {số 2}\",\"a\\\\b\",\"\",\"NULL\"}");
	}

}
