package vn.chibo.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingKind;

/**
 * A rubric as data (docs/domain.md §6; format in {@code docs/rubric-format.md}): criteria
 * groups and criteria with their points and scoring rules, level thresholds, knock-out
 * caps, the kinds of meeting it applies to and the dates it is in force.
 */
public record Rubric(String code, int version, String name, @Nullable String source, Mode mode,
		List<MeetingKind> appliesTo, LocalDate validFrom, @Nullable LocalDate validTo, boolean normalize,
		List<Threshold> levels, List<Cap> caps, List<Group> groups) {

	/** Points summed into a level, or pass/fail for every criterion. */
	public enum Mode {

		POINTS, PASS_FAIL

	}

	public record Threshold(Level level, double min) {
	}

	/** A knock-out condition that holds the level at most at {@code level}. */
	public record Cap(CapCondition when, Level level) {
	}

	public record Group(String code, String name, List<Criterion> criteria) {
	}

	public record Criterion(String code, String name, double max, RuleType rule, @Nullable Map<String, Object> params,
			boolean onlyWithThematic) {

		public Map<String, Object> parameters() {
			return (params != null) ? params : Map.of();
		}

		public boolean manual() {
			return rule == RuleType.MANUAL;
		}

	}

	public boolean appliesTo(MeetingKind kind, LocalDate date) {
		return appliesTo.contains(kind) && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
	}

	/** Every criterion in order. */
	public List<Criterion> criteria() {
		return groups.stream().flatMap((g) -> g.criteria().stream()).toList();
	}

	/** The level of a percentage by the thresholds, highest first. */
	public Level levelOf(double percent) {
		for (var threshold : levels) {
			if (percent >= threshold.min() - 1e-9) {
				return threshold.level();
			}
		}
		return levels.getLast().level();
	}

}
