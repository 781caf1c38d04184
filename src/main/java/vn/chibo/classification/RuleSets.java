package vn.chibo.classification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.web.NotFoundException;

/**
 * The rule sets of the annual classification, versioned by date (docs/domain.md §7):
 * 21-HD/BTCTW until 2022, 124-QĐ/TW for 2023–2024, 366-QĐ/TW with its 100-point scale
 * since 2025. The year's review uses the set in force on its last day, a committee's own
 * version before the one issued for all.
 */
@Component
@Transactional(readOnly = true)
public class RuleSets {

	private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleSets(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A section of the self-review, with its most points on the 100-point scale. */
	public record Section(String code, String name, @Nullable Integer max) {
	}

	public record RuleSet(long id, String code, String name, LocalDate validFrom, @Nullable LocalDate validTo,
			boolean points, @Nullable BigDecimal excellentMin, @Nullable BigDecimal goodMin,
			@Nullable BigDecimal passMin, int quotaPercent, List<Section> sections, @Nullable Long committeeId) {

		/** A committee's own version, not the rule issued for all. */
		public boolean own() {
			return committeeId != null;
		}

		/** The level of a total on the 100-point scale. */
		public ReviewLevel level(BigDecimal score) {
			if (excellentMin == null || goodMin == null || passMin == null) {
				throw new IllegalStateException(code + " has no thresholds");
			}
			return ReviewLevel.of(score, excellentMin, goodMin, passMin);
		}

	}

	/** The rule set in force for a year's review. */
	public RuleSet forYear(long committeeId, int year) {
		return jdbc.sql("""
				select * from review_rule_set where (committee_id is null or committee_id = :committee)
				and valid_from <= :day and (valid_to is null or valid_to >= :day)
				order by committee_id nulls last, valid_from desc limit 1
				""")
			.param("committee", committeeId)
			.param("day", LocalDate.of(year, 12, 31))
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** A version by its key, whoever's it is: a review reads the version it used. */
	public RuleSet find(long id) {
		return jdbc.sql("select * from review_rule_set where id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs))
			.single();
	}

	/** Every rule set a committee may use, newest first. */
	public List<RuleSet> all(long committeeId) {
		return jdbc.sql("""
				select * from review_rule_set where committee_id is null or committee_id = :committee
				order by valid_from desc, committee_id nulls last
				""").param("committee", committeeId).query((rs, n) -> row(rs)).list();
	}

	private RuleSet row(ResultSet rs) throws SQLException {
		return new RuleSet(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("scale").equals("POINTS"), rs.getBigDecimal("excellent_min"), rs.getBigDecimal("good_min"),
				rs.getBigDecimal("pass_min"), rs.getInt("quota_percent"),
				json.readValue(rs.getString("sections"), SECTIONS), rs.getObject("committee_id", Long.class));
	}

}
