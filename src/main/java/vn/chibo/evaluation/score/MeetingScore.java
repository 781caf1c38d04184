package vn.chibo.evaluation.score;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.chibo.evaluation.ScoreResult;

/**
 * A meeting's stored score under one rubric version, with the hand-given points it
 * includes.
 */
public record MeetingScore(long rubricId, String rubricName, ScoreResult result, OffsetDateTime scoredAt,
		String scoredBy, Map<String, ManualScore> manual) {
}
