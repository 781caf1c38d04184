package vn.chibo.evaluation.rubric;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.chibo.meeting.MeetingFacts;

import vn.chibo.evaluation.CapCondition;
import vn.chibo.evaluation.Level;
import vn.chibo.evaluation.Rubric;
import vn.chibo.evaluation.RuleType;
import vn.chibo.evaluation.ScoreResult;
import vn.chibo.evaluation.score.ManualScore;

/**
 * Scores a meeting's facts against a rubric (docs/domain.md §6): record-based criteria by
 * their rules, the rest by hand (the superior's score prevails over the self-score),
 * criteria not applicable left out of the maximum, the total normalised when the rubric
 * says so, then the level by the thresholds and the knock-out caps.
 */
public final class RubricEngine {

	private RubricEngine() {
	}

	public static ScoreResult score(Rubric rubric, MeetingFacts facts, Map<String, ManualScore> manual, ZoneId zone) {
		var lines = new ArrayList<ScoreResult.Line>();
		double total = 0;
		double max = 0;
		for (var group : rubric.groups()) {
			for (var criterion : group.criteria()) {
				ScoreResult.Line line;
				if (criterion.onlyWithThematic() && !facts.thematicInMonth() && !facts.combined()) {
					line = new ScoreResult.Line(group.code(), criterion.code(), criterion.name(), 0, criterion.max(),
							false, ScoreResult.Source.NOT_APPLICABLE, criterion.rule(), "noThematic", List.of(),
							"/meetings/" + facts.meetingId(), null);
				}
				else if (criterion.manual()) {
					var given = manual.get(criterion.code());
					var superior = (given != null) ? given.superior() : null;
					var self = (given != null) ? given.self() : null;
					var points = (superior != null) ? superior : (self != null) ? self : 0.0;
					var source = (superior != null) ? ScoreResult.Source.SUPERIOR
							: (self != null) ? ScoreResult.Source.SELF : ScoreResult.Source.NONE;
					var note = (superior != null) ? given.superiorNote() : (self != null) ? given.selfNote() : null;
					line = new ScoreResult.Line(group.code(), criterion.code(), criterion.name(),
							Math.min(points, criterion.max()), criterion.max(), true, source, criterion.rule(),
							source.name(), List.of(), "/meetings/" + facts.meetingId() + "/minutes#record", note);
				}
				else {
					var outcome = criterion.rule().evaluate(facts, criterion, zone);
					line = new ScoreResult.Line(group.code(), criterion.code(), criterion.name(),
							Math.min(outcome.points(), criterion.max()), criterion.max(), outcome.applicable(),
							outcome.applicable() ? ScoreResult.Source.RECORD : ScoreResult.Source.NOT_APPLICABLE,
							criterion.rule(), outcome.evidence(), outcome.arguments(), outcome.link(), null);
				}
				lines.add(line);
				if (line.applicable()) {
					total += line.points();
					max += line.max();
				}
			}
		}
		double percent;
		Level level;
		if (rubric.mode() == Rubric.Mode.PASS_FAIL) {
			var passed = lines.stream().filter(ScoreResult.Line::applicable).allMatch((l) -> l.points() >= l.max());
			percent = (max == 0) ? 0 : total * 100 / max;
			level = passed ? Level.PASS : Level.FAIL;
		}
		else {
			percent = rubric.normalize() ? ((max == 0) ? 0 : total * 100 / max) : total;
			level = rubric.levelOf(round(percent));
		}
		var uncapped = level;
		var caps = new ArrayList<CapCondition>();
		for (var cap : rubric.caps()) {
			if (holds(cap.when(), rubric, facts) && level.atMost(cap.level()) != level) {
				level = level.atMost(cap.level());
				caps.add(cap.when());
			}
		}
		return new ScoreResult(rubric.code(), rubric.version(), round(total), round(max), round(percent), level,
				caps.isEmpty() ? null : uncapped, List.copyOf(caps), List.copyOf(lines));
	}

	private static boolean holds(CapCondition condition, Rubric rubric, MeetingFacts facts) {
		return switch (condition) {
			case UNEXCUSED_ABSENCE -> !facts.unexcused().isEmpty();
			case DURATION_UNDER_HALF -> {
				// The minimum of the rubric's duration criterion (90, or 120 when
				// combined).
				var rule = rubric.criteria().stream().filter((c) -> c.rule() == RuleType.DURATION).findFirst();
				var minimum = rule.map((c) -> RuleType.number(c, facts.combined() ? "combinedMinutes" : "minutes", 90))
					.orElse(facts.combined() ? 120.0 : 90.0);
				var duration = facts.durationMinutes();
				yield duration != null && duration * 2 < minimum;
			}
		};
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
