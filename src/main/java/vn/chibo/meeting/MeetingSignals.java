package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The facts of a branch's meetings that other modules watch (the evaluation's early
 * warnings, docs/domain.md §6): read here, from the meeting module's own tables. The
 * caller has checked that the branch is in its user's scope.
 */
@Service
@Transactional(readOnly = true)
public class MeetingSignals {

	/** A held meeting: who was expected, who attended, whether both signers signed. */
	public record Held(long meetingId, LocalDate on, int expected, int attended, boolean signed) {
	}

	/** The branch's open tasks past their due date: how many, the earliest, a meeting. */
	public record OverdueTasks(long count, @Nullable LocalDate earliest, long meetingId) {
	}

	/** Meetings held in a year, by kind. */
	public record HeldByKind(long regular, long thematic, long other) {
	}

	private final JdbcClient jdbc;

	MeetingSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Per branch, the regular meetings between the two dates that were held, or are
	 * planned and still ahead of {@code today}; a branch without any is left out.
	 */
	public Map<Long, Long> regularHeldOrAhead(long committeeId, Collection<Long> branchIds, LocalDate today,
			LocalDate first, LocalDate last) {
		return counts(jdbc
			.sql("""
					select branch_id, count(*) filter (where status = 'HELD' or (status = 'PLANNED' and scheduled_on >= :today))
					from meeting where committee_id = :c and branch_id = any(cast(:branches as bigint[])) and kind = 'REGULAR'
					and scheduled_on between :first and :last group by branch_id
					""")
			.param("today", today), committeeId, branchIds, first, last);
	}

	/**
	 * Per branch, the thematic meetings between the two dates, not cancelled; a branch
	 * without any is left out.
	 */
	public Map<Long, Long> thematic(long committeeId, Collection<Long> branchIds, LocalDate first, LocalDate last) {
		return counts(jdbc.sql("""
				select branch_id, count(*) from meeting where committee_id = :c
				and branch_id = any(cast(:branches as bigint[])) and kind = 'THEMATIC'
				and status <> 'CANCELLED' and scheduled_on between :first and :last group by branch_id
				"""), committeeId, branchIds, first, last);
	}

	private static Map<Long, Long> counts(JdbcClient.StatementSpec sql, long committeeId, Collection<Long> branchIds,
			LocalDate first, LocalDate last) {
		var counts = new HashMap<Long, Long>();
		sql.param("c", committeeId)
			.param("branches", SqlArrays.ids(branchIds))
			.param("first", first)
			.param("last", last)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach((e) -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/**
	 * Per branch, the meetings held between the two dates, oldest first, with their
	 * attendance (exempted members and those attending elsewhere not expected; counted by
	 * the database as the lines change, V54) and their signatures.
	 */
	public Map<Long, List<Held>> held(long committeeId, Collection<Long> branchIds, LocalDate from, LocalDate to) {
		var held = new HashMap<Long, List<Held>>();
		jdbc.sql("""
				select g.branch_id, g.id, g.scheduled_on, coalesce(t.expected, 0), coalesce(t.attended, 0),
				(n.chair_signed_at is not null and n.taker_signed_at is not null) as signed
				from meeting g
				left join meeting_attendance_tally t on t.committee_id = g.committee_id and t.meeting_id = g.id
				left join meeting_minutes n on n.committee_id = g.committee_id and n.meeting_id = g.id
				where g.committee_id = :c and g.branch_id = any(cast(:branches as bigint[])) and g.status = 'HELD'
				and g.scheduled_on between :from and :to
				order by g.branch_id, g.scheduled_on, g.id
				""")
			.param("c", committeeId)
			.param("branches", SqlArrays.ids(branchIds))
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> Map.entry(rs.getLong(1),
					new Held(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getInt(5),
							rs.getBoolean(6))))
			.list()
			.forEach((e) -> held.computeIfAbsent(e.getKey(), (b) -> new ArrayList<>()).add(e.getValue()));
		return held;
	}

	/**
	 * Per branch, its open tasks past their due date; a branch without any is left out.
	 */
	public Map<Long, OverdueTasks> overdueTasks(long committeeId, Collection<Long> branchIds, LocalDate today) {
		var overdue = new HashMap<Long, OverdueTasks>();
		jdbc.sql("""
				select k.branch_id, count(*), min(k.due_on), max(k.meeting_id) from meeting_task k
				where k.committee_id = :c and k.branch_id = any(cast(:branches as bigint[])) and k.status = 'OPEN'
				and k.due_on < :today group by k.branch_id
				""")
			.param("c", committeeId)
			.param("branches", SqlArrays.ids(branchIds))
			.param("today", today)
			.query((rs, row) -> Map.entry(rs.getLong(1),
					new OverdueTasks(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4))))
			.list()
			.forEach((e) -> overdue.put(e.getKey(), e.getValue()));
		return overdue;
	}

	/** The meetings the branches held in the year, by kind. */
	public HeldByKind heldInYear(long committeeId, int year, Collection<Long> branchIds) {
		return jdbc.sql("""
				select count(*) filter (where kind = 'REGULAR'), count(*) filter (where kind = 'THEMATIC'),
				count(*) filter (where kind not in ('REGULAR', 'THEMATIC')) from meeting
				where committee_id = :c and status = 'HELD' and extract(year from scheduled_on) = :year
				and branch_id = any(cast(:branches as bigint[]))
				""")
			.param("c", committeeId)
			.param("year", year)
			.param("branches", SqlArrays.ids(branchIds))
			.query((rs, row) -> new HeldByKind(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * The regular meeting each branch held each month between the dates, scored or not:
	 * "branch:month" to the meeting (the last one where a month had two).
	 */
	public Map<String, Long> regularHeldByMonth(long committeeId, Collection<Long> branchIds, LocalDate first,
			LocalDate last) {
		var held = new HashMap<String, Long>();
		if (branchIds.isEmpty()) {
			return held;
		}
		jdbc.sql("""
				select branch_id, extract(month from scheduled_on)::int, max(id) from meeting
				where committee_id = :c and branch_id = any(cast(:branches as bigint[])) and kind = 'REGULAR'
				and status = 'HELD' and scheduled_on between :first and :last group by 1, 2
				""")
			.param("c", committeeId)
			.param("branches", SqlArrays.ids(branchIds))
			.param("first", first)
			.param("last", last)
			.query((rs, row) -> Map.entry(rs.getLong(1) + ":" + rs.getInt(2), rs.getLong(3)))
			.list()
			.forEach((e) -> held.put(e.getKey(), e.getValue()));
		return held;
	}

}
