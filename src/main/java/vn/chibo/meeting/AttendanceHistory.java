package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * A member's attendance at the year's meetings, line by line: their own history, the
 * start page's figures, the year's facts of their review (docs/domain.md §4, §7).
 */
@Service
@Transactional(readOnly = true)
public class AttendanceHistory {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	AttendanceHistory(JdbcClient jdbc, MeetingQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/**
	 * The member's attendance at the year's meetings, by date: wherever they attended for
	 * the member, at the meetings of the user's branches for another reader.
	 */
	public List<MemberAttendance> ofYear(CurrentUser user, int year, long memberId) {
		var own = user.isMember(memberId);
		var branches = queries.branches(user, null);
		if (branches.isEmpty() && !own) {
			return List.of();
		}
		return jdbc
			.sql("""
					select a.member_id, a.full_name, g.id as meeting_id, g.kind, g.scheduled_on, g.branch_id, o.name as branch_name,
					a.status, a.reason, a.checked_in_at, not a.exempted and not a.temporary_out as counted from meeting_attendance a
					join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
					join org_unit o on o.committee_id = g.committee_id and o.id = g.branch_id
					where a.committee_id = :committee and a.member_id = :member
					and (:own or g.branch_id = any(cast(:branches as bigint[])))
					and g.scheduled_on between :first and :last and g.status <> 'CANCELLED' and a.status is not null
					order by g.scheduled_on, g.id
					""")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.param("own", own)
			.param("branches", SqlArrays.ids(branches, (b) -> b.id()))
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, row) -> new MemberAttendance(rs.getLong("member_id"), rs.getString("full_name"),
					rs.getLong("meeting_id"), MeetingKind.valueOf(rs.getString("kind")),
					rs.getObject("scheduled_on", LocalDate.class), rs.getLong("branch_id"), rs.getString("branch_name"),
					AttendanceStatus.valueOf(rs.getString("status")), rs.getString("reason"),
					rs.getObject("checked_in_at", OffsetDateTime.class), rs.getBoolean("counted")))
			.list();
	}

}
