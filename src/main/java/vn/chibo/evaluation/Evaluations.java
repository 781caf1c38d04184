package vn.chibo.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingFactsQuery;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.evaluation.rubric.RubricEngine;
import vn.chibo.evaluation.score.ManualScore;
import vn.chibo.evaluation.score.MeetingScore;
import vn.chibo.evaluation.score.ScoreKeeper;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Scores meetings (docs/domain.md §6) and keeps the scores: each with the rubric version
 * it used, so editing a rubric never changes a score already given; a rescore under the
 * rubric now in force is an explicit, audited action. Hand-given points — the branch's
 * self-score, the superior committee member's (which prevails) — update the meeting's
 * score under the same version.
 */
@Service
@Transactional
public class Evaluations {

	static final String AUDIT_TYPE = "evaluation";

	private final JdbcClient jdbc;

	private final Counter scored;

	private final MeetingQueries meetings;

	private final MeetingFactsQuery facts;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	private final Rubrics rubrics;

	Evaluations(JdbcClient jdbc, MeetingQueries meetings, MeetingFactsQuery facts, AuditTrail audit, JsonMapper json,
			Clock clock, Rubrics rubrics, MeterRegistry meters) {
		this.scored = meters.counter("chibo.scores");
		this.rubrics = rubrics;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.facts = facts;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The scores of a meeting the user may read, one per rubric in force, as kept: a
	 * reading writes nothing (scores follow the record through {@link ScoreKeeper}).
	 */
	@Transactional(readOnly = true)
	public List<MeetingScore> scores(CurrentUser user, long meetingId) {
		meetings.readable(user, meetingId);
		return stored(user.committeeId(), meetingId);
	}

	/**
	 * Scores a meeting from its record after a change (docs/domain.md §6): a held meeting
	 * not scored yet is scored under the rubrics in force on its date; until the minutes
	 * are signed the score follows the record under the same rubric versions; signed, it
	 * stays as it was at signing until an explicit rescore. Answers whether it scored.
	 */
	public boolean refresh(long committeeId, long meetingId, boolean signing) {
		// One scoring of a meeting at a time: two would rewrite the same score lines.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('score:' || :c || ':' || :m, 0))")
			.param("c", committeeId)
			.param("m", meetingId)
			.query((rs, row) -> 1)
			.list();
		var meeting = meetings.find(committeeId, meetingId);
		if (meeting.status() != MeetingStatus.HELD) {
			return false;
		}
		var scores = stored(committeeId, meetingId);
		if (scores.isEmpty()) {
			rubrics.installShipped(committeeId);
			var inForce = rubrics.inForce(committeeId, meeting.kind(), meeting.scheduledOn());
			for (var rubric : inForce) {
				store(committeeId, meeting, rubric, AuditTrail.SYSTEM);
			}
			return !inForce.isEmpty();
		}
		if (!signing && facts.facts(committeeId, meetingId, false).signedAt() != null) {
			return false;
		}
		for (var score : scores) {
			var rubric = new Rubrics.StoredRubric(score.rubricId(), rubrics.rubric(committeeId, score.rubricId()),
					score.scoredAt(), score.scoredBy());
			store(committeeId, meeting, rubric, score.scoredBy());
		}
		return true;
	}

	/**
	 * Held meetings of the committee that have no score though a rubric applies to them:
	 * what the sweep scores.
	 */
	@Transactional(readOnly = true)
	public List<Long> unscored(long committeeId) {
		var scored = new HashSet<>(jdbc.sql("select distinct meeting_id from meeting_score where committee_id = :c")
			.param("c", committeeId)
			.query(Long.class)
			.list());
		return facts.heldSince(committeeId, LocalDate.of(1930, 2, 3))
			.stream()
			.filter((id) -> !scored.contains(id))
			.filter((id) -> {
				var meeting = meetings.find(committeeId, id);
				return !rubrics.inForce(committeeId, meeting.kind(), meeting.scheduledOn()).isEmpty();
			})
			.toList();
	}

	/**
	 * Scores the meeting again from its record, under the rubric versions in force now;
	 * audited with the reason, the old and the new result.
	 */
	public void rescore(CurrentUser user, long meetingId, @Nullable String reason) {
		var meeting = meetings.readable(user, meetingId);
		if (!mayRescore(user, meeting)) {
			throw new AccessDeniedException("rescore");
		}
		var why = VietnameseText.cleanOrNull(reason);
		if (why == null) {
			throw new BusinessRuleException("reason", "evaluation.rescore.reason");
		}
		if (meeting.status() != MeetingStatus.HELD) {
			throw new BusinessRuleException("", "evaluation.notHeld");
		}
		rubrics.installShipped(user.committeeId());
		var before = stored(user.committeeId(), meetingId).stream().map(Evaluations::summary).toList();
		jdbc.sql("delete from meeting_score where committee_id = :c and meeting_id = :m")
			.param("c", user.committeeId())
			.param("m", meetingId)
			.update();
		for (var rubric : rubrics.inForce(user.committeeId(), meeting.kind(), meeting.scheduledOn())) {
			store(user.committeeId(), meeting, rubric, user.username());
		}
		var after = stored(user.committeeId(), meetingId).stream().map(Evaluations::summary).toList();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, meetingId, "rescore", Map.of("scores", before),
				Map.of("scores", after, "reason", why));
	}

	/**
	 * Points given by hand to a criterion: the branch's secretary gives the self-score,
	 * the superior committee member (or the committee) the score that prevails.
	 */
	public void score(CurrentUser user, long meetingId, long rubricId, String criterion, @Nullable Double points,
			@Nullable String note) {
		var meeting = meetings.readable(user, meetingId);
		var scorer = scorer(user, meeting);
		if (scorer == null) {
			throw new AccessDeniedException("score");
		}
		var score = stored(user.committeeId(), meetingId).stream()
			.filter((s) -> s.rubricId() == rubricId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		var rubric = rubrics.rubric(user.committeeId(), rubricId);
		var target = rubric.criteria()
			.stream()
			.filter((c) -> c.code().equals(criterion) && c.manual())
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("criterion", "evaluation.criterion.notManual", criterion));
		if (points == null || points < 0 || points > target.max()) {
			throw new BusinessRuleException("points", "evaluation.points.range", criterion,
					String.valueOf(target.max()).replace(".0", ""));
		}
		var previous = score.manual().get(criterion);
		jdbc.sql("""
				insert into meeting_score_manual (committee_id, meeting_id, rubric_id, criterion, scorer, points, note,
				scored_by) values (:c, :m, :r, :criterion, :scorer, :points, :note, :by)
				on conflict (committee_id, meeting_id, rubric_id, criterion, scorer) do update
				set points = excluded.points, note = excluded.note, scored_by = excluded.scored_by, scored_at = now()
				""")
			.param("c", user.committeeId())
			.param("m", meetingId)
			.param("r", rubricId)
			.param("criterion", criterion)
			.param("scorer", scorer.name())
			.param("points", points)
			.param("note", VietnameseText.cleanOrNull(note))
			.param("by", user.username())
			.update();
		store(user.committeeId(), meeting,
				new Rubrics.StoredRubric(rubricId, rubric, score.scoredAt(), score.scoredBy()), user.username());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, meetingId, "score",
				Map.of("criterion", criterion, "previous", String.valueOf(previous)),
				Map.of("criterion", criterion, "scorer", scorer, "points", points));
	}

	/**
	 * Whether absences with reason stay outside the attendance rate (docs/domain.md §5: a
	 * committee's choice; exempted members are always outside).
	 */
	public boolean excusedOutsideRate(long committeeId) {
		return jdbc.sql("select excused_outside_rate from evaluation_setting where committee_id = :c")
			.param("c", committeeId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Sets the committee's denominator rule; scores already given keep theirs until a
	 * rescore.
	 */
	public void setExcusedOutsideRate(CurrentUser user, boolean outside) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("settings");
		}
		var before = excusedOutsideRate(user.committeeId());
		jdbc.sql("""
				insert into evaluation_setting (committee_id, excused_outside_rate) values (:c, :outside)
				on conflict (committee_id) do update set excused_outside_rate = excluded.excused_outside_rate
				""").param("c", user.committeeId()).param("outside", outside).update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, user.committeeId(), "denominator",
				Map.of("excusedOutsideRate", before), Map.of("excusedOutsideRate", outside));
	}

	/** Who the user scores as on this meeting, if at all. */
	public ScoreResult.@Nullable Source scorer(CurrentUser user, MeetingRow meeting) {
		if (meetings.follows(user, meeting.branchId()) || user.role().answersProposals()) {
			return ScoreResult.Source.SUPERIOR;
		}
		if (user.role().plansMeetings() && meetings.inScope(user, meeting.branchId())) {
			return ScoreResult.Source.SELF;
		}
		return null;
	}

	public boolean mayRescore(CurrentUser user, MeetingRow meeting) {
		return scorer(user, meeting) != null;
	}

	/**
	 * Scores every held meeting of the committee since {@code from} that has no score:
	 * for loading a committee's history.
	 */
	public int scoreUnscored(long committeeId, String actor, LocalDate from,
			ToDoubleBiFunction<Long, Rubric.Criterion> selfScore) {
		rubrics.installShipped(committeeId);
		var count = 0;
		for (var meetingId : facts.heldSince(committeeId, from)) {
			if (!stored(committeeId, meetingId).isEmpty()) {
				continue;
			}
			var meeting = meetings.find(committeeId, meetingId);
			for (var rubric : rubrics.inForce(committeeId, meeting.kind(), meeting.scheduledOn())) {
				for (var criterion : rubric.rubric().criteria()) {
					var points = criterion.manual() ? selfScore.applyAsDouble(meetingId, criterion) : -1;
					if (points >= 0) {
						jdbc.sql(
								"""
										insert into meeting_score_manual (committee_id, meeting_id, rubric_id, criterion, scorer,
										points, scored_by) values (:c, :m, :r, :criterion, 'SELF', :points, :by)
										""")
							.param("c", committeeId)
							.param("m", meetingId)
							.param("r", rubric.id())
							.param("criterion", criterion.code())
							.param("points", Math.min(points, criterion.max()))
							.param("by", actor)
							.update();
					}
				}
				store(committeeId, meeting, rubric, actor);
				count++;
			}
		}
		return count;
	}

	private void store(long committeeId, MeetingRow meeting, Rubrics.StoredRubric rubric, String actor) {
		var manual = manual(committeeId, meeting.id(), rubric.id());
		var result = RubricEngine.score(rubric.rubric(),
				facts.facts(committeeId, meeting.id(), excusedOutsideRate(committeeId)), manual, clock.getZone());
		jdbc.sql(
				"""
						insert into meeting_score (committee_id, meeting_id, rubric_id, branch_id, scheduled_on, kind, total, max,
						percent, level, uncapped_level, details, scored_by)
						values (:c, :m, :r, :branch, :date, :kind, :total, :max, :percent, :level, :uncapped, :details, :by)
						on conflict (committee_id, meeting_id, rubric_id) do update set total = excluded.total, max = excluded.max,
						percent = excluded.percent, level = excluded.level, uncapped_level = excluded.uncapped_level,
						details = excluded.details, scored_by = excluded.scored_by, scored_at = now()
						""")
			.param("c", committeeId)
			.param("m", meeting.id())
			.param("r", rubric.id())
			.param("branch", meeting.branchId())
			.param("date", meeting.scheduledOn())
			.param("kind", meeting.kind().name())
			.param("total", result.total())
			.param("max", result.max())
			.param("percent", result.percent())
			.param("level", result.level().name())
			.param("uncapped", (result.uncapped() != null) ? result.uncapped().name() : null)
			.param("details", json.writeValueAsString(result))
			.param("by", actor)
			.update();
		scored.increment();
		// The applicable criteria as rows, for the aggregates of the dashboard.
		jdbc.sql("delete from meeting_score_line where committee_id = :c and meeting_id = :m and rubric_id = :r")
			.param("c", committeeId)
			.param("m", meeting.id())
			.param("r", rubric.id())
			.update();
		var lines = result.lines().stream().filter(ScoreResult.Line::applicable).toList();
		// One statement, not one per line: the aggregates' statement triggers
		// (docs/decisions/0004-aggregates-by-triggers.md) then run once per score.
		jdbc.sql(
				"""
						insert into meeting_score_line (committee_id, meeting_id, rubric_id, branch_id, scheduled_on, rubric_code,
						criterion, name, points, max)
						select :c, :m, :r, :branch, :date, :code, t.criterion, t.name, t.points, t.max
						from unnest(cast(:criteria as text[]), cast(:names as text[]), cast(:points as numeric[]),
						cast(:maxes as numeric[])) as t(criterion, name, points, max)
						""")
			.param("c", committeeId)
			.param("m", meeting.id())
			.param("r", rubric.id())
			.param("branch", meeting.branchId())
			.param("date", meeting.scheduledOn())
			.param("code", result.rubricCode())
			.param("criteria", SqlArrays.texts(lines.stream().map(ScoreResult.Line::code).toList()))
			.param("names", SqlArrays.texts(lines.stream().map(ScoreResult.Line::name).toList()))
			.param("points", SqlArrays.numbers(lines.stream().mapToDouble(ScoreResult.Line::points).toArray()))
			.param("maxes", SqlArrays.numbers(lines.stream().mapToDouble(ScoreResult.Line::max).toArray()))
			.update();
	}

	private List<MeetingScore> stored(long committeeId, long meetingId) {
		return jdbc.sql("""
				select s.rubric_id, r.name, s.details, s.scored_at, s.scored_by from meeting_score s
				join rubric r on r.committee_id = s.committee_id and r.id = s.rubric_id
				where s.committee_id = :c and s.meeting_id = :m order by r.code
				""")
			.param("c", committeeId)
			.param("m", meetingId)
			.query((rs, row) -> new MeetingScore(rs.getLong(1), rs.getString(2),
					json.readValue(rs.getString(3), ScoreResult.class), rs.getObject(4, OffsetDateTime.class),
					rs.getString(5), Map.of()))
			.list()
			.stream()
			.map((score) -> new MeetingScore(score.rubricId(), score.rubricName(), score.result(), score.scoredAt(),
					score.scoredBy(), manual(committeeId, meetingId, score.rubricId())))
			.toList();
	}

	private Map<String, ManualScore> manual(long committeeId, long meetingId, long rubricId) {
		var given = new HashMap<String, ManualScore>();
		jdbc.sql("""
				select criterion, scorer, points, note from meeting_score_manual
				where committee_id = :c and meeting_id = :m and rubric_id = :r
				""")
			.param("c", committeeId)
			.param("m", meetingId)
			.param("r", rubricId)
			.query((rs, row) -> new Given(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4)))
			.list()
			.forEach((r) -> {
				var old = given.getOrDefault(r.criterion(), new ManualScore(null, null, null, null));
				given.put(r.criterion(),
						"SELF".equals(r.scorer())
								? new ManualScore(r.points(), r.note(), old.superior(), old.superiorNote())
								: new ManualScore(old.self(), old.selfNote(), r.points(), r.note()));
			});
		return given;
	}

	private static Map<String, Object> summary(MeetingScore score) {
		return Map.of("rubric", score.rubricName(), "version", score.result().rubricVersion(), "total",
				score.result().total(), "level", score.result().level());
	}

	/** A hand-given score as stored. */
	private record Given(String criterion, String scorer, double points, @Nullable String note) {
	}

}
