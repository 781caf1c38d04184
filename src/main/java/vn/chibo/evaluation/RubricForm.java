package vn.chibo.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingKind;

/**
 * What the rubric edit screen changes in a version to make the next one: its name, the
 * dates it is in force, the meeting kinds, the level thresholds, and the names and points
 * of its groups and criteria. Codes, rules and their parameters stay as they are (they
 * change by importing a file).
 */
public class RubricForm {

	private @Nullable String name;

	private @Nullable LocalDate validFrom;

	private @Nullable LocalDate validTo;

	private List<MeetingKind> appliesTo = new ArrayList<>();

	private List<@Nullable Double> levels = new ArrayList<>();

	private List<GroupField> groups = new ArrayList<>();

	public static RubricForm of(Rubric rubric) {
		var form = new RubricForm();
		form.name = rubric.name();
		form.validFrom = rubric.validFrom();
		form.validTo = rubric.validTo();
		form.appliesTo = new ArrayList<>(rubric.appliesTo());
		rubric.levels().forEach((l) -> form.levels.add(l.min()));
		for (var group : rubric.groups()) {
			var field = new GroupField();
			field.setName(group.name());
			for (var criterion : group.criteria()) {
				var c = new CriterionField();
				c.setName(criterion.name());
				c.setMax(criterion.max());
				field.getCriteria().add(c);
			}
			form.groups.add(field);
		}
		return form;
	}

	public static class GroupField {

		private @Nullable String name;

		private List<CriterionField> criteria = new ArrayList<>();

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public List<CriterionField> getCriteria() {
			return criteria;
		}

		public void setCriteria(List<CriterionField> criteria) {
			this.criteria = criteria;
		}

	}

	public static class CriterionField {

		private @Nullable String name;

		private @Nullable Double max;

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable Double getMax() {
			return max;
		}

		public void setMax(@Nullable Double max) {
			this.max = max;
		}

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

	public List<MeetingKind> getAppliesTo() {
		return appliesTo;
	}

	public void setAppliesTo(List<MeetingKind> appliesTo) {
		this.appliesTo = appliesTo;
	}

	public List<@Nullable Double> getLevels() {
		return levels;
	}

	public void setLevels(List<@Nullable Double> levels) {
		this.levels = levels;
	}

	/**
	 * Gives the thresholds list a place for each level of the base rubric, so that a form
	 * bound from a broken request shows every field again (a number list cannot grow by
	 * itself while the page is drawn).
	 */
	public void padTo(Rubric base) {
		while (levels.size() < base.levels().size()) {
			levels.add(null);
		}
	}

	public List<GroupField> getGroups() {
		return groups;
	}

	public void setGroups(List<GroupField> groups) {
		this.groups = groups;
	}

}
