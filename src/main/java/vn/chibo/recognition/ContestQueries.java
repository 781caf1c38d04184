package vn.chibo.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.recognition.Contests.Contest;
import vn.chibo.recognition.Contests.Criterion;
import vn.chibo.recognition.Contests.EntryRow;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.web.NotFoundException;

/**
 * The contests as every member of the committee reads them (docs/domain.md §11): a year's
 * list, the years that have any, and one contest with its rounds, criteria, judges and
 * ranking. {@link Contests} runs them.
 */
@Service
@Transactional(readOnly = true)
public class ContestQueries {

	private final JdbcClient jdbc;

	ContestQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Contests.ContestRow> list(CurrentUser user, int year) {
		Awards.requireReader(user);
		return jdbc
			.sql("""
					select c.id, c.title, c.organiser, c.held_from, c.held_to,
					(select count(*) from contest_entry e where e.committee_id = c.committee_id and e.contest_id = c.id) as entries,
					(select count(*) from contest_entry e where e.committee_id = c.committee_id and e.contest_id = c.id
					and e.prize is not null) as prizes
					from contest c where c.committee_id = :committee and c.held_from >= :from and c.held_from < :to
					order by c.held_from desc, c.id desc
					""")
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new Contests.ContestRow(rs.getLong("id"), rs.getString("title"),
					rs.getString("organiser"), rs.getObject("held_from", LocalDate.class),
					rs.getObject("held_to", LocalDate.class), rs.getInt("entries"), rs.getInt("prizes")))
			.list();
	}

	public List<Integer> years(CurrentUser user) {
		Awards.requireReader(user);
		return jdbc
			.sql("""
					select distinct extract(year from held_from)::int from contest where committee_id = :committee order by 1 desc
					""")
			.param("committee", user.committeeId())
			.query(Integer.class)
			.list();
	}

	public Contest contest(CurrentUser user, long id) {
		Awards.requireReader(user);
		var committee = user.committeeId();
		var head = jdbc.sql("select * from contest where committee_id = :committee and id = :id")
			.param("committee", committee)
			.param("id", id)
			.query((rs,
					n) -> new Object[] { rs.getString("title"), rs.getString("organiser"),
							rs.getObject("held_from", LocalDate.class), rs.getObject("held_to", LocalDate.class),
							rs.getString("description"), rs.getInt("version") })
			.optional()
			.orElseThrow(NotFoundException::new);
		var rounds = jdbc.sql(
				"select name from contest_round where committee_id = :committee and contest_id = :id order by position")
			.param("committee", committee)
			.param("id", id)
			.query(String.class)
			.list();
		var criteria = jdbc.sql("""
				select name, max_score from contest_criterion where committee_id = :committee and contest_id = :id
				order by position
				""")
			.param("committee", committee)
			.param("id", id)
			.query((rs, n) -> new Criterion(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		var judges = jdbc.sql(
				"select name from contest_judge where committee_id = :committee and contest_id = :id order by position")
			.param("committee", committee)
			.param("id", id)
			.query(String.class)
			.list();
		// Each entry's round total: the judges' average on each criterion, summed.
		var totals = new HashMap<Long, Map<Integer, BigDecimal>>();
		jdbc.sql("""
				select s.entry_id, s.round, sum(s.average) from (
				select entry_id, round, criterion, avg(score) as average from contest_score
				where committee_id = :committee and entry_id in (select id from contest_entry
				where committee_id = :committee and contest_id = :id) group by entry_id, round, criterion) s
				group by s.entry_id, s.round
				""").param("committee", committee).param("id", id).query((rs) -> {
			totals.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
				.put(rs.getInt(2), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP));
		});
		var entries = jdbc.sql("""
				select e.*, o.name as branch_name from contest_entry e
				join org_unit o on o.committee_id = e.committee_id and o.id = e.branch_id
				where e.committee_id = :committee and e.contest_id = :id
				""").param("committee", committee).param("id", id).query((rs, n) -> {
			var entryId = rs.getLong("id");
			var own = totals.getOrDefault(entryId, Map.of());
			var byRound = new ArrayList<@Nullable BigDecimal>();
			for (var r = 1; r <= rounds.size(); r++) {
				byRound.add(own.get(r));
			}
			var prize = rs.getString("prize");
			return new EntryRow(entryId, rs.getObject("member_id", Long.class),
					rs.getObject("organization_id", Long.class), rs.getString("entrant_name"), rs.getLong("branch_id"),
					rs.getString("branch_name"), rs.getString("work"), Math.min(rs.getInt("reached"), rounds.size()),
					byRound, null, (prize != null) ? ContestPrize.valueOf(prize) : null, !own.isEmpty());
		}).list();
		return new Contest(id, (String) head[0], (String) head[1], (LocalDate) head[2], (LocalDate) head[3],
				(String) head[4], rounds, criteria, judges, rank(entries), (Integer) head[5]);
	}

	/**
	 * The contest's ranking: those who reached a later round stand above those who left
	 * earlier; within a round, by the total of that round. Equal totals share a rank; an
	 * entry not scored in the round it reached has none.
	 */
	static List<EntryRow> rank(List<EntryRow> entries) {
		Comparator<EntryRow> order = Comparator.comparing(EntryRow::reached, Comparator.reverseOrder())
			.thenComparing(EntryRow::total, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(ContestQueries::sortName, PersonName.LIST_ORDER);
		var sorted = new ArrayList<>(entries);
		sorted.sort(order);
		var ranked = new ArrayList<EntryRow>();
		for (var i = 0; i < sorted.size(); i++) {
			var e = sorted.get(i);
			Integer rank = null;
			if (e.total() != null) {
				var previous = (i > 0) ? ranked.get(i - 1) : null;
				rank = (previous != null && previous.rank() != null && previous.reached() == e.reached()
						&& e.total().compareTo(previous.total()) == 0) ? previous.rank() : i + 1;
			}
			ranked.add(new EntryRow(e.id(), e.memberId(), e.organizationId(), e.entrantName(), e.branchId(),
					e.branchName(), e.work(), e.reached(), e.totals(), rank, e.prize(), e.scored()));
		}
		return ranked;
	}

	/** Members by given name (docs/domain.md §18); organisations by their whole name. */
	private static PersonName sortName(EntryRow entry) {
		return (entry.memberId() != null) ? PersonName.parse(entry.entrantName())
				: new PersonName(entry.entrantName(), "", "", entry.entrantName());
	}

}
