package vn.chibo.shared.sql;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search's condition and the plan PostgreSQL makes of it when the plan is cached for
 * any words, as it is once a statement has run a few times (docs/scale.md, "Searching one
 * committee").
 */
@ChiboTest
class ContainsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Fixtures fixtures;

	@Test
	void wordsWithThreeLettersInARowAreAPatternShorterOnesAPosition() {
		assertThat(Contains.of("m.search_text", "q", "nguyen van"))
			.isEqualTo(new Contains("m.search_text like :q", "%nguyen van%"));
		assertThat(Contains.of("m.search_text", "q", "q3 2026")).extracting(Contains::sql)
			.isEqualTo("m.search_text like :q");
		assertThat(Contains.of("m.search_text", "q", "an"))
			.isEqualTo(new Contains("strpos(m.search_text, :q) > 0", "an"));
		assertThat(Contains.of("m.search_text", "q", "a b c d")).extracting(Contains::sql)
			.isEqualTo("strpos(m.search_text, :q) > 0");
		// the pattern's own characters stand for themselves
		assertThat(Contains.of("a.search_text", "q", "100%_a\\b").value()).isEqualTo("%100\\%\\_a\\\\b%");
		assertThat(Contains.of("a.search_text", "q", "5%").value()).isEqualTo("5%");
	}

	@Test
	void onlyWordsTheTextIndexCanLookUpAreLookedUpInIt() {
		var committee = fixtures.committee();
		for (var name : new String[] { "Nguyễn Văn An", "Trần Thị Lan", "Lê Thị Tú" }) {
			fixtures.member(committee, committee.branch(1), name, TheoryLevel.ELEMENTARY);
		}
		assertThat(plan("nguyen van")).contains("member_committee_search");
		assertThat(plan("an")).doesNotContain("member_committee_search");
		assertThat(count(committee.id(), "an")).isEqualTo(2);
		assertThat(count(committee.id(), "van")).isEqualTo(1);
		assertThat(count(committee.id(), "n")).isEqualTo(2);
	}

	/**
	 * The plan cached for any words, which a statement keeps after a few runs: prepared
	 * with parameters, planned without their values. The committee's own condition is
	 * left out and the table's scan made dear, so that the text index is the plan's
	 * choice wherever the condition lets it be used: a test database's few members would
	 * otherwise be read through the committee's B-tree for any words.
	 */
	private String plan(String folded) {
		var contains = Contains.of("m.search_text", "q", folded);
		return transaction.execute((status) -> {
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql(
					"prepare search(text) as select count(*) from member m where " + contains.sql().replace(":q", "$1"))
				.update();
			// EXPLAIN takes no parameters of its own: the test's words, quoted
			var plan = jdbc.sql("explain execute search('" + contains.value().replace("'", "''") + "')")
				.query(String.class)
				.list();
			jdbc.sql("deallocate search").update();
			return String.join("\n", plan);
		});
	}

	private long count(long committeeId, String folded) {
		var contains = Contains.of("m.search_text", "q", folded);
		return jdbc.sql("select count(*) from member m where m.committee_id = :committee and " + contains.sql())
			.param("committee", committeeId)
			.param("q", contains.value())
			.query(Long.class)
			.single();
	}

}
