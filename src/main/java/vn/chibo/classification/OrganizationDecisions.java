package vn.chibo.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.classification.OrganizationReviews.Row;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The decisions on Party organisations (docs/domain.md §7, §11): the committee's for its
 * branches under the quota, the superior's on the committee as the office records it —
 * and their amendments, each kept with its reason, never silently overwritten.
 */
@Service
@Transactional
public class OrganizationDecisions {

	private final OrganizationReviews reviews;

	private final RuleSets ruleSets;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	OrganizationDecisions(OrganizationReviews reviews, RuleSets ruleSets, JdbcClient jdbc, AuditTrail audit,
			Clock clock) {
		this.reviews = reviews;
		this.ruleSets = ruleSets;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The committee decides for its branches, all or nothing, the top level within the
	 * quota unless the reason of an exception is given; a level already decided changes
	 * only with the reason of the amendment.
	 */
	public void decide(CurrentUser user, int year, Map<Long, ReviewLevel> levels, @Nullable String exceptionReason,
			@Nullable String amendmentReason) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("decide");
		}
		ReviewYears.requireOpen(year, clock);
		var rules = ruleSets.forYear(user.committeeId(), year);
		var current = reviews.year(user, year);
		var outcome = new HashMap<Long, ReviewLevel>();
		for (var row : current.rows()) {
			if (row.committee()) {
				continue;
			}
			var level = levels.getOrDefault(row.organizationId(), row.finalLevel());
			if (level != null) {
				outcome.put(row.organizationId(), level);
			}
		}
		for (var id : levels.keySet()) {
			if (!outcome.containsKey(id)) {
				throw new BusinessRuleException("organizationId", "classification.org.notBranch");
			}
		}
		var quota = Quota.of(outcome.values(), rules.quotaPercent());
		var exception = VietnameseText.paragraphs(exceptionReason);
		if (!quota.kept() && exception == null) {
			throw new BusinessRuleException("exceptionReason", "classification.quota", quota.excellent(),
					quota.allowed(), quota.good(), quota.percent());
		}
		var amendment = amendment(amendmentReason);
		for (var row : current.rows()) {
			var level = levels.get(row.organizationId());
			if (row.committee() || level == null || level == row.finalLevel()) {
				continue;
			}
			if (row.finalLevel() != null) {
				amend(user, year, row, level, null, amendment);
			}
			save(user, year, row.organizationId(), level, null, false,
					(!quota.kept() && level == ReviewLevel.EXCELLENT) ? exception : null, rules, row.finalLevel(),
					amendment);
		}
	}

	/** The reason of an amendment as typed, bounded. */
	private static @Nullable String amendment(@Nullable String typed) {
		var reason = VietnameseText.paragraphs(typed);
		if (reason != null && reason.length() > 4000) {
			throw new BusinessRuleException("amendmentReason", "classification.amend.size");
		}
		return reason;
	}

	/**
	 * A decided level changed: refused without its reason, else kept beside the decision
	 * (docs/domain.md §7).
	 */
	private void amend(CurrentUser user, int year, Row row, ReviewLevel level, @Nullable String number,
			@Nullable String reason) {
		var from = row.finalLevel();
		if (from == null) {
			return;
		}
		if (reason == null) {
			throw new BusinessRuleException("amendmentReason", "classification.amend.reason", row.name(),
					new DefaultMessageSourceResolvable("classification.level." + from.name()),
					new DefaultMessageSourceResolvable("classification.level." + level.name()));
		}
		jdbc.sql("""
				insert into organization_review_amendment (committee_id, year, organization_id, from_level, to_level,
				from_decision_no, to_decision_no, reason, amended_by, amended_at)
				values (:c, :year, :org, :from, :to, :fromNo, :toNo, :reason, :by, :at)
				""")
			.param("c", user.committeeId())
			.param("year", year)
			.param("org", row.organizationId())
			.param("from", from.name())
			.param("to", level.name())
			.param("fromNo", row.decisionNo())
			.param("toNo", number)
			.param("reason", reason)
			.param("by", user.username())
			.param("at", OffsetDateTime.now(clock))
			.update();
	}

	/** An amendment of an organisation's decided level. */
	public record Amendment(long organizationId, ReviewLevel from, ReviewLevel to, @Nullable String toDecisionNo,
			String reason, String by, OffsetDateTime at) {
	}

	/** The amendments of the year's decisions on the organisations the user reads. */
	@Transactional(readOnly = true)
	public List<Amendment> amendments(CurrentUser user, int year) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("organisation reviews");
		}
		var visible = reviews.year(user, year).rows().stream().map(Row::organizationId).toList();
		return jdbc.sql("""
				select organization_id, from_level, to_level, to_decision_no, reason, amended_by, amended_at
				from organization_review_amendment where committee_id = :c and year = :year order by amended_at, id
				""")
			.param("c", user.committeeId())
			.param("year", year)
			.query((rs, n) -> new Amendment(rs.getLong(1), ReviewLevel.valueOf(rs.getString(2)),
					ReviewLevel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getObject(7, OffsetDateTime.class)))
			.list()
			.stream()
			.filter((a) -> visible.contains(a.organizationId()))
			.toList();
	}

	/** The superior's decision on the committee itself, as the office receives it. */
	public void recordSuperior(CurrentUser user, int year, @Nullable ReviewLevel level, @Nullable String decisionNo,
			@Nullable String amendmentReason) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("superior decision");
		}
		ReviewYears.requireOpen(year, clock);
		var committee = reviews.committee(user);
		if (committee == null) {
			throw new NotFoundException();
		}
		if (level == null) {
			throw new BusinessRuleException("level", "classification.level.required");
		}
		var number = VietnameseText.cleanOrNull(decisionNo);
		if (number == null) {
			throw new BusinessRuleException("decisionNo", "classification.org.decisionNo.required");
		}
		// A new decision of the superior after one recorded: an amendment with its
		// reason.
		var recorded = reviews.year(user, year).rows().stream().filter(Row::committee).findFirst().orElse(null);
		if (recorded != null && recorded.finalLevel() != null) {
			if (recorded.finalLevel() == level && number.equals(recorded.decisionNo())) {
				return;
			}
			var reason = amendment(amendmentReason);
			amend(user, year, recorded, level, number, reason);
			save(user, year, committee.id(), level, number, true, null, ruleSets.forYear(user.committeeId(), year),
					recorded.finalLevel(), reason);
			return;
		}
		save(user, year, committee.id(), level, number, true, null, ruleSets.forYear(user.committeeId(), year), null,
				null);
	}

	private void save(CurrentUser user, int year, long organizationId, ReviewLevel level, @Nullable String number,
			boolean superior, @Nullable String exception, RuleSets.RuleSet rules, @Nullable ReviewLevel before,
			@Nullable String amendment) {
		jdbc.sql("""
				insert into organization_review (committee_id, year, organization_id, rule_set_id, final_level,
				decided_on, decided_by, decision_no, by_superior, exception_reason)
				values (:committee, :year, :org, :rules, :level, :on, :by, :number, :superior, :exception)
				on conflict (committee_id, year, organization_id) do update set final_level = excluded.final_level,
				decided_on = excluded.decided_on, decided_by = excluded.decided_by, decision_no = excluded.decision_no,
				by_superior = excluded.by_superior, exception_reason = excluded.exception_reason,
				rule_set_id = excluded.rule_set_id
				""")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("org", organizationId)
			.param("rules", rules.id())
			.param("level", level.name())
			.param("on", LocalDate.now(clock))
			.param("by", user.username())
			.param("number", number)
			.param("superior", superior)
			.param("exception", exception)
			.update();
		var after = new LinkedHashMap<String, Object>();
		after.put("year", year);
		after.put("finalLevel", level.name());
		after.put("ruleSet", rules.code());
		if (number != null) {
			after.put("decisionNo", number);
		}
		if (exception != null) {
			after.put("exceptionReason", exception);
		}
		if (before != null && amendment != null) {
			after.put("amendmentReason", amendment);
		}
		audit.record(user.committeeId(), user.username(), OrganizationReviews.AUDIT_TYPE, organizationId,
				(before != null) ? "amend" : "decide", (before != null) ? Map.of("finalLevel", before.name()) : null,
				after);
	}

}
