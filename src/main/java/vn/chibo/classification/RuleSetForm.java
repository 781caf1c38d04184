package vn.chibo.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A committee's own version of the classification rules (docs/domain.md §7): its name,
 * period, scale with thresholds, the quota of the top level and the sections of the
 * self-review, one name and (on the 100-point scale) most points per row.
 */
public class RuleSetForm {

	/** Rows of sections the form offers. */
	public static final int SECTION_ROWS = 8;

	private @Nullable String code;

	private @Nullable String name;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate validFrom;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate validTo;

	private boolean points;

	private @Nullable BigDecimal excellentMin;

	private @Nullable BigDecimal goodMin;

	private @Nullable BigDecimal passMin;

	private @Nullable Integer quotaPercent;

	private List<@Nullable String> sectionName = new ArrayList<>();

	private List<@Nullable Integer> sectionMax = new ArrayList<>();

	/** The form filled from a version, to copy it or to edit it. */
	static RuleSetForm of(RuleSets.RuleSet rules) {
		var form = new RuleSetForm();
		form.code = rules.code();
		form.name = rules.name();
		form.validFrom = rules.validFrom();
		form.validTo = rules.validTo();
		form.points = rules.points();
		form.excellentMin = rules.excellentMin();
		form.goodMin = rules.goodMin();
		form.passMin = rules.passMin();
		form.quotaPercent = rules.quotaPercent();
		for (var s : rules.sections()) {
			form.sectionName.add(s.name());
			form.sectionMax.add(s.max());
		}
		return form;
	}

	/** The section rows with as many blank ones as the form offers. */
	public List<Integer> rows() {
		var rows = new ArrayList<Integer>();
		for (var i = 0; i < Math.max(SECTION_ROWS, sectionName.size()); i++) {
			rows.add(i);
		}
		return rows;
	}

	public @Nullable String nameAt(int row) {
		return (row < sectionName.size()) ? sectionName.get(row) : null;
	}

	public @Nullable Integer maxAt(int row) {
		return (row < sectionMax.size()) ? sectionMax.get(row) : null;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable LocalDate getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(@Nullable LocalDate validFrom) {
		this.validFrom = validFrom;
	}

	public @Nullable LocalDate getValidTo() {
		return validTo;
	}

	public void setValidTo(@Nullable LocalDate validTo) {
		this.validTo = validTo;
	}

	public boolean isPoints() {
		return points;
	}

	public void setPoints(boolean points) {
		this.points = points;
	}

	public @Nullable BigDecimal getExcellentMin() {
		return excellentMin;
	}

	public void setExcellentMin(@Nullable BigDecimal excellentMin) {
		this.excellentMin = excellentMin;
	}

	public @Nullable BigDecimal getGoodMin() {
		return goodMin;
	}

	public void setGoodMin(@Nullable BigDecimal goodMin) {
		this.goodMin = goodMin;
	}

	public @Nullable BigDecimal getPassMin() {
		return passMin;
	}

	public void setPassMin(@Nullable BigDecimal passMin) {
		this.passMin = passMin;
	}

	public @Nullable Integer getQuotaPercent() {
		return quotaPercent;
	}

	public void setQuotaPercent(@Nullable Integer quotaPercent) {
		this.quotaPercent = quotaPercent;
	}

	public List<@Nullable String> getSectionName() {
		return sectionName;
	}

	public void setSectionName(@Nullable List<@Nullable String> sectionName) {
		this.sectionName = (sectionName != null) ? sectionName : new ArrayList<>();
	}

	public List<@Nullable Integer> getSectionMax() {
		return sectionMax;
	}

	public void setSectionMax(@Nullable List<@Nullable Integer> sectionMax) {
		this.sectionMax = (sectionMax != null) ? sectionMax : new ArrayList<>();
	}

}
