package vn.chibo;

import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table is keyed by its grassroots committee (docs/decisions/0002): its primary
 * key, its unique indexes and each of its foreign keys hold {@code committee_id}, so that
 * the schema can be distributed by that column, its rows of one committee kept together.
 * The catalog is read as the migrations left it; the tables that are not a committee's,
 * or are found by another key, are listed here with the reason (the first kind would be
 * reference tables of a distributed schema).
 */
@ChiboTest
class TenancyKeysTests {

	/** Tables not owned by one committee, and why. */
	static final Map<String, String> SHARED = Map.ofEntries(Map.entry("committee", "the tenants themselves"),
			Map.entry("flyway_schema_history", "the schema's own history"),
			Map.entry("event_publication", "Spring Modulith's registry of events, across committees"),
			Map.entry("signing_key", "the keys that sign check-in codes, one for the deployment"),
			Map.entry("spring_session", "sessions exist before their user's committee is known"),
			Map.entry("spring_session_attributes", "the sessions' attributes"),
			Map.entry("review_rule_set", "the rules issued for every committee beside each one's own: reference data"),
			Map.entry("calendar_feed",
					"found by its secret address alone (a calendar app cannot say its committee); its rows carry it"),
			Map.entry("password_reset", "found by its one-time token before the committee is known; its rows carry it"),
			Map.entry("mail_outbox", "one queue the sender works through across committees; its rows carry it"));

	/** Unique indexes across committees, and why. */
	static final Map<String, String> UNIQUE_ACROSS = Map.of("app_user_username",
			"a user name signs in before its committee is known (docs/scale.md: the login_name table)",
			"news_image_storage_key_key",
			"a picture's random file name in the one pictures folder (docs/scale.md: to hold the committee)");

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyKeyHoldsTheCommittee() {
		var problems = new TreeSet<String>();
		jdbc.sql("""
				select c.conrelid::regclass::text, c.conname, c.contype,
					exists (select from unnest(c.conkey) k join pg_attribute a
						on a.attrelid = c.conrelid and a.attnum = k where a.attname = 'committee_id'),
					coalesce(c.confrelid::regclass::text, '')
				from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
				where n.nspname = 'public' and c.contype in ('p', 'f')
				""").query((rs, row) -> {
			var table = rs.getString(1);
			// a foreign key to reference data (a shared table) needs no committee
			if (!SHARED.containsKey(table) && !table.equals("write_probe") && !rs.getBoolean(4)
					&& !SHARED.containsKey(rs.getString(5))) {
				problems.add(table + ": " + ("p".equals(rs.getString(3)) ? "primary key " : "foreign key ")
						+ rs.getString(2) + " lacks committee_id");
			}
			return table;
		}).list();
		var withoutCommittee = jdbc.sql("""
				select t.relname from pg_class t join pg_namespace n on n.oid = t.relnamespace
				where n.nspname = 'public' and t.relkind in ('r', 'p')
				and not exists (select from pg_attribute a where a.attrelid = t.oid and a.attname = 'committee_id')
				""").query(String.class).list();
		for (var table : withoutCommittee) {
			if (!SHARED.containsKey(table) && !table.equals("write_probe")) {
				problems.add(table + ": no committee_id");
			}
		}
		var uniques = jdbc.sql("""
				select t.relname, i.relname from pg_index x join pg_class i on i.oid = x.indexrelid
				join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
				where n.nspname = 'public' and x.indisunique and not x.indisprimary
				and not exists (select from unnest(x.indkey) k join pg_attribute a
					on a.attrelid = t.oid and a.attnum = k where a.attname = 'committee_id')
				""").query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		for (var unique : uniques) {
			if (!SHARED.containsKey(unique[0]) && !UNIQUE_ACROSS.containsKey(unique[1])) {
				problems.add(unique[0] + ": unique index " + unique[1] + " lacks committee_id");
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * A text search is one committee's (docs/scale.md, "Searching one committee"): every
	 * GIN index of a committee's table leads with the committee key, so that a search
	 * beside thousands of committees reads its own committee's matches, not everyone's.
	 */
	@Test
	void everyTextSearchIndexLeadsWithTheCommittee() {
		var indexes = jdbc.sql("""
				select t.relname, i.relname, a.attname from pg_index x join pg_class i on i.oid = x.indexrelid
				join pg_am m on m.oid = i.relam join pg_class t on t.oid = x.indrelid
				join pg_namespace n on n.oid = t.relnamespace
				left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
				where n.nspname = 'public' and m.amname = 'gin'
				""").query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
		assertThat(indexes).extracting((index) -> index[1]).contains("member_committee_search");
		assertThat(indexes).filteredOn((index) -> !SHARED.containsKey(index[0]))
			.allSatisfy((index) -> assertThat(index[2]).as(index[1]).isEqualTo("committee_id"));
	}

}
