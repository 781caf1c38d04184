package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

}
