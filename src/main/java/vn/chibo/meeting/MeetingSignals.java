package vn.chibo.meeting;

import java.time.LocalDate;
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
	 * Regular meetings between the two dates that were held, or are planned and still
	 * ahead of {@code today}.
	 */
	public long regularHeldOrAhead(long committeeId, long branchId, LocalDate today, LocalDate first, LocalDate last) {
		return jdbc.sql("""
				select count(*) filter (where status = 'HELD' or (status = 'PLANNED' and scheduled_on >= :today))
				from meeting where committee_id = :c and branch_id = :b and kind = 'REGULAR'
				and scheduled_on between :first and :last
				""")
			.param("c", committeeId)
			.param("b", branchId)
			.param("today", today)
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.single();
	}

	/** Thematic meetings between the two dates, not cancelled. */
	public long thematic(long committeeId, long branchId, LocalDate first, LocalDate last) {
		return jdbc.sql("""
				select count(*) from meeting where committee_id = :c and branch_id = :b and kind = 'THEMATIC'
				and status <> 'CANCELLED' and scheduled_on between :first and :last
				""")
			.param("c", committeeId)
			.param("b", branchId)
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.single();
	}

	/**
	 * The meetings held between the two dates, with their attendance (exempted members
	 * and those attending elsewhere not expected) and their signatures.
	 */
	public List<Held> held(long committeeId, long branchId, LocalDate from, LocalDate to) {
		return jdbc
			.sql("""
					select g.id, g.scheduled_on,
					count(a.member_id) filter (where not a.exempted and not a.temporary_out) as expected,
					count(a.member_id) filter (where not a.exempted and not a.temporary_out and a.status in ('PRESENT', 'LATE'))
						as attended,
					(n.chair_signed_at is not null and n.taker_signed_at is not null) as signed
					from meeting g
					left join meeting_attendance a on a.committee_id = g.committee_id and a.meeting_id = g.id
					left join meeting_minutes n on n.committee_id = g.committee_id and n.meeting_id = g.id
					where g.committee_id = :c and g.branch_id = :b and g.status = 'HELD' and g.scheduled_on between :from and :to
					group by g.id, g.scheduled_on, n.chair_signed_at, n.taker_signed_at
					""")
			.param("c", committeeId)
			.param("b", branchId)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new Held(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
					rs.getBoolean(5)))
			.list();
	}

	public OverdueTasks overdueTasks(long committeeId, long branchId, LocalDate today) {
		return jdbc.sql("""
				select count(*), min(k.due_on), max(k.meeting_id) from meeting_task k
				where k.committee_id = :c and k.branch_id = :b and k.status = 'OPEN' and k.due_on < :today
				""")
			.param("c", committeeId)
			.param("b", branchId)
			.param("today", today)
			.query((rs, row) -> new OverdueTasks(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.single();
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
