package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The year's meetings by branch for the Party-building report (docs/domain.md §12):
 * meetings held by kind and the attendance of the members counted at them (exempted and
 * temporarily away members are not counted, docs/domain.md §5) — one aggregate over the
 * meeting records of the user's part of the tree.
 */
@Component
@Transactional(readOnly = true)
public class MeetingFigures {

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	MeetingFigures(JdbcClient jdbc, OrganizationQueries organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	public record BranchYear(long branchId, String branchName, int regular, int thematic, int other, int counted,
			int attended, int excused, int unexcused) {

		public int held() {
			return regular + thematic + other;
		}

	}

	public List<BranchYear> year(CurrentUser user, int year) {
		var ids = SqlArrays.ids(organizations.branches(user), (b) -> b.id());
		return jdbc
			.sql("""
					select o.id, o.name,
					count(distinct g.id) filter (where g.kind = 'REGULAR'),
					count(distinct g.id) filter (where g.kind = 'THEMATIC'),
					count(distinct g.id) filter (where g.kind not in ('REGULAR', 'THEMATIC')),
					count(a.member_id) filter (where a.status is not null and not a.exempted and not a.temporary_out),
					count(a.member_id) filter (where a.status in ('PRESENT', 'LATE') and not a.exempted and not a.temporary_out),
					count(a.member_id) filter (where a.status = 'ABSENT_EXCUSED' and not a.exempted and not a.temporary_out),
					count(a.member_id) filter (where a.status = 'ABSENT_UNEXCUSED' and not a.exempted and not a.temporary_out)
					from org_unit o
					left join meeting g on g.committee_id = o.committee_id and g.branch_id = o.id and g.status = 'HELD'
						and g.scheduled_on between :first and :last
					left join meeting_attendance a on a.committee_id = g.committee_id and a.meeting_id = g.id
					where o.committee_id = :c and o.id = any(cast(:branches as bigint[]))
					group by o.id, o.name, o.code order by o.code
					""")
			.param("c", user.committeeId())
			.param("branches", ids)
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, row) -> new BranchYear(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
			.list();
	}

}
