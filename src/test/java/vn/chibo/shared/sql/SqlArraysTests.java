package vn.chibo.shared.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrays as PostgreSQL receives them: typed, so that a cached plan does not parse a
 * literal again for each row (docs/architecture.md, "Fast pages").
 */
@ChiboTest
class SqlArraysTests {

	record Row(long id) {
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void idsArriveAsABigintArrayInTheirOrder() {
		assertThat(SqlArrays.ids(List.of(new Row(7), new Row(9)), Row::id)).containsExactly(7, 9);
		assertThat(jdbc.sql("select pg_typeof(:ids)::text || ' ' || cast(cast(:ids as bigint[]) as text)")
			.param("ids", SqlArrays.ids(List.of(3L, Long.MIN_VALUE, 2L)))
			.query(String.class)
			.single()).isEqualTo("bigint[] {3,-9223372036854775808,2}");
		assertThat(jdbc.sql("select cardinality(cast(:ids as bigint[]))")
			.param("ids", SqlArrays.ids(List.of()))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void textsArriveTypedWithTheirQuotesBracesAndBackslashes() {
		var texts = List.of("1.a", "Chi bộ \"Kho\", {số 2}", "a\\b", "", "NULL");
		assertThat(jdbc.sql("select pg_typeof(:texts)::text")
			.param("texts", SqlArrays.texts(texts))
			.query(String.class)
			.single()).endsWith("[]");
		assertThat(jdbc.sql("select t from unnest(cast(:texts as text[])) with ordinality as u(t, n) order by n")
			.param("texts", SqlArrays.texts(texts))
			.query(String.class)
			.list()).containsExactlyElementsOf(texts);
	}

	@Test
	void numbersAreALiteralPostgreSqlReadsExactly() {
		assertThat(SqlArrays.numbers(new double[] { 1.5, 0, 10 })).isEqualTo("{1.5,0.0,10.0}");
		assertThat(jdbc.sql("select cast(cast(:n as numeric[]) as text)")
			.param("n", SqlArrays.numbers(new double[] { 0.1, 2.25, 7 }))
			.query(String.class)
			.single()).isEqualTo("{0.1,2.25,7.0}");
	}

}
