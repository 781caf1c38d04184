package vn.chibo.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * A committee's own versions of the classification rules (docs/domain.md §7, "rules are
 * versioned by date"): the office adds one — often a copy of the rule issued for all —
 * and edits it while no review has used it; a version used by a review is kept as it was
 * (a classification records the version it used), and a change is a new version. The
 * quota may be stricter than the 20% of the rule, never looser; on the 100-point scale
 * the sections' points add up to 100 and the thresholds descend.
 */
@Service
@Transactional
public class RuleSetVersions {

	static final String AUDIT_TYPE = "ruleSet";

	/**
	 * The rule issued for all: at most this share at the top level (docs/domain.md §7).
	 */
	private static final int QUOTA_CEILING = 20;

	private static final int MAX_SECTIONS = 12;

	private final JdbcClient jdbc;

	private final RuleSets ruleSets;

	private final AuditTrail audit;

	private final JsonMapper json;

	RuleSetVersions(JdbcClient jdbc, RuleSets ruleSets, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.audit = audit;
		this.json = json;
	}

	static boolean edits(CurrentUser user) {
		return user.role().managesStructure();
	}

	/** Whether a review of a member or an organisation has used the version. */
	@Transactional(readOnly = true)
	public boolean used(long id) {
		return Boolean.TRUE.equals(jdbc.sql("""
				select exists (select 1 from member_review where rule_set_id = :id)
				or exists (select 1 from organization_review where rule_set_id = :id)
				""").param("id", id).query(Boolean.class).single());
	}

	public long add(CurrentUser user, RuleSetForm form) {
		require(user);
		var checked = check(user, form, null);
		var id = jdbc.sql("""
				insert into review_rule_set (committee_id, code, name, valid_from, valid_to, scale, excellent_min,
				good_min, pass_min, quota_percent, sections) values (:c, :code, :name, :from, :to, :scale, :excellent,
				:good, :pass, :quota, cast(:sections as jsonb)) returning id
				""").params(params(user, checked)).query(Long.class).single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, state(checked));
		return id;
	}

	public void edit(CurrentUser user, long id, RuleSetForm form) {
		require(user);
		var before = own(user, id);
		if (used(id)) {
			throw new BusinessRuleException("", "ruleSet.used", before.code());
		}
		var checked = check(user, form, id);
		var p = params(user, checked);
		p.put("id", id);
		jdbc.sql(
				"""
						update review_rule_set set code = :code, name = :name, valid_from = :from, valid_to = :to, scale = :scale,
						excellent_min = :excellent, good_min = :good, pass_min = :pass, quota_percent = :quota,
						sections = cast(:sections as jsonb) where id = :id and committee_id = :c
						""")
			.params(p)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", state(checkedOf(before)),
				state(checked));
	}

	/**
	 * A version of the committee's own, or not found (another's, or one issued for all).
	 */
	RuleSets.RuleSet own(CurrentUser user, long id) {
		return ruleSets.all(user.committeeId())
			.stream()
			.filter((r) -> r.id() == id && r.own())
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	private record Checked(String code, String name, LocalDate from, @Nullable LocalDate to, boolean points,
			@Nullable BigDecimal excellent, @Nullable BigDecimal good, @Nullable BigDecimal pass, int quota,
			List<RuleSets.Section> sections) {
	}

	private static Checked checkedOf(RuleSets.RuleSet r) {
		return new Checked(r.code(), r.name(), r.validFrom(), r.validTo(), r.points(), r.excellentMin(), r.goodMin(),
				r.passMin(), r.quotaPercent(), r.sections());
	}

	private Checked check(CurrentUser user, RuleSetForm form, @Nullable Long id) {
		var code = VietnameseText.cleanOrNull(form.getCode());
		if (code == null || code.length() > 40) {
			throw new BusinessRuleException("code", "ruleSet.code.required");
		}
		var name = VietnameseText.cleanOrNull(form.getName());
		if (name == null || name.length() > 300) {
			throw new BusinessRuleException("name", "ruleSet.name.required");
		}
		var from = form.getValidFrom();
		if (from == null || from.getYear() < 2000 || from.getYear() > 2100) {
			throw new BusinessRuleException("validFrom", "ruleSet.validFrom.required");
		}
		var to = form.getValidTo();
		if (to != null && (to.isBefore(from) || to.getYear() > 2100)) {
			throw new BusinessRuleException("validTo", "ruleSet.validTo.order");
		}
		var quota = form.getQuotaPercent();
		if (quota == null || quota < 1 || quota > QUOTA_CEILING) {
			throw new BusinessRuleException("quotaPercent", "ruleSet.quota.range", QUOTA_CEILING);
		}
		var sections = new ArrayList<RuleSets.Section>();
		var names = form.getSectionName();
		if (names.size() > MAX_SECTIONS) {
			throw new BusinessRuleException("sectionName", "ruleSet.sections.many", MAX_SECTIONS);
		}
		var total = 0;
		for (var i = 0; i < names.size(); i++) {
			var sectionName = VietnameseText.cleanOrNull(names.get(i));
			var max = (i < form.getSectionMax().size()) ? form.getSectionMax().get(i) : null;
			if (sectionName == null) {
				if (max != null) {
					throw new BusinessRuleException("sectionName", "ruleSet.section.name", i + 1);
				}
				continue;
			}
			if (sectionName.length() > 300) {
				throw new BusinessRuleException("sectionName", "ruleSet.section.name", i + 1);
			}
			if (form.isPoints() && (max == null || max < 1 || max > 100)) {
				throw new BusinessRuleException("sectionMax", "ruleSet.section.max", i + 1);
			}
			total += form.isPoints() ? max : 0;
			sections.add(new RuleSets.Section(String.valueOf(sections.size() + 1), sectionName,
					form.isPoints() ? max : null));
		}
		if (sections.isEmpty()) {
			throw new BusinessRuleException("sectionName", "ruleSet.sections.none");
		}
		BigDecimal excellent = null;
		BigDecimal good = null;
		BigDecimal pass = null;
		if (form.isPoints()) {
			if (total != 100) {
				throw new BusinessRuleException("sectionMax", "ruleSet.sections.total", total);
			}
			excellent = form.getExcellentMin();
			good = form.getGoodMin();
			pass = form.getPassMin();
			if (excellent == null || good == null || pass == null || pass.signum() <= 0
					|| excellent.compareTo(BigDecimal.valueOf(100)) > 0 || good.compareTo(excellent) >= 0
					|| pass.compareTo(good) >= 0 || excellent.scale() > 2 || good.scale() > 2 || pass.scale() > 2) {
				throw new BusinessRuleException("excellentMin", "ruleSet.thresholds");
			}
		}
		// Two versions of the committee's own never cover the same day.
		for (var other : ruleSets.all(user.committeeId())) {
			if (!other.own() || (id != null && other.id() == id)) {
				continue;
			}
			var otherTo = other.validTo();
			if ((otherTo == null || !otherTo.isBefore(from)) && (to == null || !to.isBefore(other.validFrom()))) {
				throw new BusinessRuleException("validFrom", "ruleSet.overlap", other.code());
			}
		}
		return new Checked(code, name, from, to, form.isPoints(), excellent, good, pass, quota, sections);
	}

	private Map<String, @Nullable Object> params(CurrentUser user, Checked c) {
		var p = new LinkedHashMap<String, @Nullable Object>();
		p.put("c", user.committeeId());
		p.put("code", c.code());
		p.put("name", c.name());
		p.put("from", c.from());
		p.put("to", c.to());
		p.put("scale", c.points() ? "POINTS" : "CRITERIA");
		p.put("excellent", c.excellent());
		p.put("good", c.good());
		p.put("pass", c.pass());
		p.put("quota", c.quota());
		p.put("sections", json.writeValueAsString(c.sections()));
		return p;
	}

	private static Map<String, Object> state(Checked c) {
		var state = new LinkedHashMap<String, Object>();
		state.put("code", c.code());
		state.put("name", c.name());
		state.put("validFrom", c.from().toString());
		state.put("validTo", (c.to() != null) ? c.to().toString() : "");
		state.put("scale", c.points() ? "POINTS" : "CRITERIA");
		state.put("thresholds", c.points() ? c.excellent() + "/" + c.good() + "/" + c.pass() : "");
		state.put("quotaPercent", c.quota());
		state.put("sections", String.join("; ",
				c.sections().stream().map((s) -> s.name() + ((s.max() != null) ? " (" + s.max() + ")" : "")).toList()));
		return state;
	}

	private static void require(CurrentUser user) {
		if (!edits(user)) {
			throw new AccessDeniedException("rule sets");
		}
	}

}
