package vn.chibo.study;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.similarity.Shingles;
import vn.chibo.shared.sql.SqlArrays;

/**
 * A year of study in figures, for the reports and the classification (as the member,
 * meeting and inspection modules give theirs): the sessions by organiser and each
 * branch's roll call, reflections, grades and copies flagged.
 */
@Service
@Transactional(readOnly = true)
public class StudyFigures {

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	StudyFigures(JdbcClient jdbc, OrganizationQueries organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/**
	 * A branch's year of study: the sessions its members were called to, their roll call
	 * (exempted members apart, outside the rate), the reflections handed in, their grades
	 * and how many the copy check flagged.
	 */
	public record BranchYear(long branchId, String branchName, long sessions, long roster, long present, long excused,
			long unexcused, long handedIn, long excellent, long good, long pass, long fail, long flagged) {
	}

	/**
	 * The year's sessions in figures: how many, by organiser, and each branch of the
	 * user's part of the tree.
	 */
	public record YearFigures(int year, long sessions, long committeeSessions, long branchSessions,
			List<BranchYear> branches) {
	}

	/**
	 * The year in figures for those who keep records of their part of the tree (the
	 * report of study, training and commendation; docs/domain.md §12).
	 */
	public YearFigures year(CurrentUser user, int year) {
		StudyQueries.requireReader(user);
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("study");
		}
		var scope = organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
		var sessions = jdbc
			.sql("""
					select count(*), count(*) filter (where o.level in ('BRANCH', 'GROUP')) from study_session s
					join org_unit o on o.committee_id = s.committee_id and o.id = s.organizer_id
					where s.committee_id = :committee and s.held_on >= :from and s.held_on < :to and """
					+ StudyQueries.VISIBLE)
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("scope", SqlArrays.ids(scope))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		var branches = jdbc
			.sql("""
					select a.branch_id, min(a.branch_name) as branch_name, count(distinct a.session_id) as sessions,
					count(*) filter (where not a.exempted) as roster,
					count(*) filter (where not a.exempted and a.status = 'PRESENT') as present,
					count(*) filter (where not a.exempted and a.status = 'ABSENT_EXCUSED') as excused,
					count(*) filter (where not a.exempted and a.status = 'ABSENT_UNEXCUSED') as unexcused,
					count(r.id) filter (where r.status in ('SUBMITTED', 'GRADED')) as handed_in,
					count(r.id) filter (where r.grade = 'EXCELLENT') as excellent,
					count(r.id) filter (where r.grade = 'GOOD') as good,
					count(r.id) filter (where r.grade = 'PASS') as pass,
					count(r.id) filter (where r.grade = 'FAIL') as fail,
					count(r.id) filter (where exists (select 1 from study_similarity x where x.committee_id = r.committee_id
						and x.reflection_id = r.id and x.share >= :flag)) as flagged
					from study_attendance a
					join study_session s on s.committee_id = a.committee_id and s.id = a.session_id
					join org_unit o on o.committee_id = a.committee_id and o.id = a.branch_id
					left join study_reflection r on r.committee_id = a.committee_id and r.session_id = a.session_id
						and r.member_id = a.member_id
					where a.committee_id = :committee and s.held_on >= :from and s.held_on < :to and a.branch_id = any(cast(:scope as bigint[]))
					group by a.branch_id, o.code order by o.code
					""")
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("scope", SqlArrays.ids(scope))
			.param("flag", Shingles.FLAG)
			.query((rs, n) -> new BranchYear(rs.getLong("branch_id"), rs.getString("branch_name"),
					rs.getLong("sessions"), rs.getLong("roster"), rs.getLong("present"), rs.getLong("excused"),
					rs.getLong("unexcused"), rs.getLong("handed_in"), rs.getLong("excellent"), rs.getLong("good"),
					rs.getLong("pass"), rs.getLong("fail"), rs.getLong("flagged")))
			.list();
		return new YearFigures(year, sessions[0], sessions[0] - sessions[1], sessions[1], branches);
	}

}
