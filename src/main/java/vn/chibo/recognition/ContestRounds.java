package vn.chibo.recognition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The rounds of a contest (hội thi; docs/domain.md §11): each judge's score sheet of a
 * round, kept all or nothing, and who goes on to the next round. The contest itself, its
 * entries and its prizes are {@link Contests}.
 */
@Service
@Transactional
public class ContestRounds {

	private final JdbcClient jdbc;

	private final Contests contests;

	private final ContestQueries contestQueries;

	private final AuditTrail audit;

	ContestRounds(JdbcClient jdbc, Contests contests, ContestQueries contestQueries, AuditTrail audit) {
		this.jdbc = jdbc;
		this.contests = contests;
		this.contestQueries = contestQueries;
		this.audit = audit;
	}

	/** One judge's scores of one round: entry id → criterion position → score. */
	public record ScoreSheet(int round, int judge, Map<Long, Map<Integer, BigDecimal>> scores) {
	}

	/** What one judge gave in one round, for the score sheet. */
	@Transactional(readOnly = true)
	public ScoreSheet sheet(CurrentUser user, long contestId, int round, int judge) {
		var contest = contestQueries.contest(user, contestId);
		checkRoundAndJudge(contest, round, judge);
		var scores = new LinkedHashMap<Long, Map<Integer, BigDecimal>>();
		jdbc.sql("""
				select entry_id, criterion, score from contest_score where committee_id = :committee and round = :round
				and judge = :judge and entry_id in (select id from contest_entry where committee_id = :committee
				and contest_id = :contest)
				""")
			.param("committee", user.committeeId())
			.param("contest", contestId)
			.param("round", round)
			.param("judge", judge)
			.query((rs) -> {
				scores.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
					.put(rs.getInt(2), rs.getBigDecimal(3).stripTrailingZeros());
			});
		return new ScoreSheet(round, judge, scores);
	}

	/**
	 * Keeps one judge's scores of a round, all or nothing: each typed as Vietnamese write
	 * it (a decimal comma, a point read too), from 0 to the criterion's maximum, at most
	 * two decimals; an empty box is no score. The message names the entrant and the
	 * criterion. Entries scored are those in the round. Answers how many scores are kept.
	 */
	public int score(CurrentUser user, long contestId, int round, int judge, Map<String, String> typed) {
		Awards.requireManager(user);
		var contest = contestQueries.contest(user, contestId);
		checkRoundAndJudge(contest, round, judge);
		if (contest.criteria().isEmpty()) {
			throw new BusinessRuleException("", "contest.criteria.none");
		}
		var rows = new ArrayList<Object[]>();
		for (var entry : contest.ranking()) {
			if (entry.reached() < round) {
				continue;
			}
			for (var c = 1; c <= contest.criteria().size(); c++) {
				var criterion = contest.criteria().get(c - 1);
				var text = typed.get(entry.id() + "-" + c);
				var value = (text != null) ? VietnameseText.cleanOrNull(text) : null;
				if (value == null) {
					continue;
				}
				BigDecimal score;
				try {
					if (value.length() > 12) {
						throw new NumberFormatException();
					}
					score = new BigDecimal(value.replace(',', '.'));
				}
				catch (NumberFormatException ex) {
					throw new BusinessRuleException("scores", "contest.score.unreadable", entry.entrantName(),
							criterion.name(), value);
				}
				if (score.signum() < 0 || score.compareTo(criterion.maxScore()) > 0 || score.scale() > 2) {
					throw new BusinessRuleException("scores", "contest.score.range", entry.entrantName(),
							criterion.name(), criterion.maxText());
				}
				rows.add(new Object[] { entry.id(), c, score });
			}
		}
		var unknown = typed.keySet()
			.stream()
			.filter((k) -> contest.ranking()
				.stream()
				.noneMatch((e) -> e.reached() >= round && k.startsWith(e.id() + "-")
						&& k.substring(k.indexOf('-') + 1).matches("\\d{1,2}")
						&& Integer.parseInt(k.substring(k.indexOf('-') + 1)) <= contest.criteria().size()))
			.filter((k) -> VietnameseText.cleanOrNull(typed.get(k)) != null)
			.findFirst();
		if (unknown.isPresent()) {
			throw new BusinessRuleException("scores", "contest.score.notInRound");
		}
		jdbc.sql("""
				delete from contest_score where committee_id = :committee and round = :round and judge = :judge
				and entry_id in (select id from contest_entry where committee_id = :committee and contest_id = :contest)
				""")
			.param("committee", user.committeeId())
			.param("contest", contestId)
			.param("round", round)
			.param("judge", judge)
			.update();
		for (var row : rows) {
			jdbc.sql("""
					insert into contest_score (committee_id, entry_id, round, criterion, judge, score)
					values (:committee, :entry, :round, :criterion, :judge, :score)
					""")
				.param("committee", user.committeeId())
				.param("entry", row[0])
				.param("round", round)
				.param("criterion", row[1])
				.param("judge", judge)
				.param("score", row[2])
				.update();
		}
		contests.touch(user, contestId, contest.version());
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("round", contest.rounds().get(round - 1));
		state.put("judge", contest.judges().get(judge - 1));
		state.put("scores", rows.size());
		audit.record(user.committeeId(), user.username(), Contests.AUDIT_TYPE, contestId, "score", null, state);
		return rows.size();
	}

	/**
	 * Moves the chosen entries of a round on to the next one; the others of the round
	 * stay in it (an entry already scored in a later round cannot be taken back).
	 */
	public int advance(CurrentUser user, long contestId, int round, Collection<Long> chosen) {
		Awards.requireManager(user);
		var contest = contestQueries.contest(user, contestId);
		if (round < 1 || round >= contest.rounds().size()) {
			throw new BusinessRuleException("round", "contest.round.last");
		}
		var picked = new HashSet<Long>();
		chosen.stream().filter(Objects::nonNull).forEach(picked::add);
		var moved = new ArrayList<String>();
		for (var entry : contest.ranking()) {
			if (entry.reached() < round) {
				continue;
			}
			var goes = picked.contains(entry.id());
			var later = entry.totals().subList(round, entry.totals().size()).stream().anyMatch((t) -> t != null);
			if (!goes && entry.reached() > round && later) {
				throw new BusinessRuleException("", "contest.entry.scoredLater", entry.entrantName(),
						contest.rounds().get(round));
			}
			var reached = goes ? Math.max(entry.reached(), round + 1) : round;
			if (reached != entry.reached()) {
				jdbc.sql("update contest_entry set reached = :reached where committee_id = :committee and id = :id")
					.param("reached", reached)
					.param("committee", user.committeeId())
					.param("id", entry.id())
					.update();
			}
			if (goes) {
				moved.add(entry.entrantName());
			}
		}
		if (picked.stream().anyMatch((id) -> contest.ranking().stream().noneMatch((e) -> e.id() == id))) {
			throw new NotFoundException();
		}
		contests.touch(user, contestId, contest.version());
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("round", contest.rounds().get(round));
		state.put("entrants", String.join("; ", moved));
		audit.record(user.committeeId(), user.username(), Contests.AUDIT_TYPE, contestId, "advance", null, state);
		return moved.size();
	}

	private static void checkRoundAndJudge(Contests.Contest contest, int round, int judge) {
		if (round < 1 || round > contest.rounds().size() || judge < 1 || judge > contest.judges().size()) {
			throw new NotFoundException();
		}
	}

}
