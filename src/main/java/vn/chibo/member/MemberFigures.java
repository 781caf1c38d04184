package vn.chibo.member;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The year's figures of the Party's membership by branch (docs/domain.md §12, the
 * Party-building report): members at the year's end by status, admitted, made official,
 * transferred in and out, exempted, died, expelled or struck off in the year — counted
 * from the member records of the user's part of the tree.
 */
@Component
@Transactional(readOnly = true)
public class MemberFigures {

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	MemberFigures(JdbcClient jdbc, OrganizationQueries organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	public record BranchYear(long branchId, String branchName, int official, int probationary, int admitted,
			int madeOfficial, int transferredIn, int transferredOut, int exempted, int died, int removed) {

		public int members() {
			return official + probationary;
		}

	}

	public List<BranchYear> year(CurrentUser user, int year) {
		var first = LocalDate.of(year, 1, 1);
		var last = LocalDate.of(year, 12, 31);
		var ids = SqlArrays.ids(organizations.branches(user), (b) -> b.id());
		return jdbc
			.sql("""
					select o.id, o.name,
					count(m.id) filter (where m.official_date <= :last and (m.left_on is null or m.left_on > :last)),
					count(m.id) filter (where m.admission_date <= :last and (m.official_date is null or m.official_date > :last)
						and (m.left_on is null or m.left_on > :last)),
					count(m.id) filter (where m.admission_date between :first and :last),
					count(m.id) filter (where m.official_date between :first and :last),
					(select count(*) from member_transfer t join member x on x.committee_id = t.committee_id
						and x.id = t.member_id where x.branch_id = o.id and x.committee_id = o.committee_id
						and t.kind in ('PERMANENT_IN', 'TEMPORARY_IN') and t.started_on between :first and :last),
					(select count(*) from member_transfer t join member x on x.committee_id = t.committee_id
						and x.id = t.member_id where x.branch_id = o.id and x.committee_id = o.committee_id
						and t.kind in ('PERMANENT_OUT', 'TEMPORARY_OUT') and t.started_on between :first and :last),
					count(m.id) filter (where m.exempted_since between :first and :last),
					count(m.id) filter (where m.status = 'DECEASED' and m.left_on between :first and :last),
					count(m.id) filter (where m.status in ('EXPELLED', 'STRUCK_OFF') and m.left_on between :first and :last)
					from org_unit o left join member m on m.committee_id = o.committee_id and m.branch_id = o.id
					where o.committee_id = :committee and o.id = any(cast(:branches as bigint[]))
					group by o.committee_id, o.id, o.name, o.code order by o.code
					""")
			.param("committee", user.committeeId())
			.param("branches", ids)
			.param("first", first)
			.param("last", last)
			.query((rs, n) -> new BranchYear(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11)))
			.list();
	}

}
