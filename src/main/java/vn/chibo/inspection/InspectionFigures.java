package vn.chibo.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;

/**
 * The year's figures of inspection, supervision and discipline (docs/domain.md §10, §12),
 * from the records: items planned and done by kind and subject, conclusions with
 * violations, remedies done on time, discipline by form, complaints handled. Counts only
 * — no name of a case or a complaint — for those who follow the programme; the
 * committee's year report takes them from here.
 */
@Component
public class InspectionFigures {

	private final JdbcClient jdbc;

	private final InspectionAccess access;

	private final Clock clock;

	InspectionFigures(JdbcClient jdbc, InspectionAccess access, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
	}

	/** Planned and done for a kind and a kind of subject (a branch, a member). */
	public record KindRow(InspectionKind kind, boolean members, int planned, int concluded, int inProgress,
			int overdue) {
	}

	public record YearFigures(int year, List<KindRow> rows, int planned, int concluded, int withViolations,
			int remedies, int remediesDue, int remediesOnTime, int remediesVerified,
			Map<String, Integer> disciplineByForm, int cases, int complaints, int complaintsAnswered,
			int complaintsOnTime, int complaintsOpen) {

		/** Share of the planned items concluded, in whole percent. */
		public int donePercent() {
			return (planned == 0) ? 0 : Math.round(100f * concluded / planned);
		}

	}

	@Transactional(readOnly = true)
	public YearFigures year(CurrentUser user, int year) {
		if (!access.readsProgramme(user)) {
			throw new AccessDeniedException("inspection figures");
		}
		var committee = user.committeeId();
		var rows = new ArrayList<KindRow>();
		var today = LocalDate.now(clock);
		jdbc.sql("""
				select kind, member_id is not null as members, count(*),
				count(*) filter (where concluded_on is not null),
				count(*) filter (where decided_on is not null and concluded_on is null),
				count(*) filter (where decided_on is null and make_date(year, planned_month, 1) < :month)
				from inspection where committee_id = :committee and year = :year
				group by 1, 2 order by 1, 2
				""")
			.param("committee", committee)
			.param("year", year)
			.param("month", today.withDayOfMonth(1))
			.query((rs,
					n) -> rows.add(new KindRow(InspectionKind.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getInt(3),
							rs.getInt(4), rs.getInt(5), rs.getInt(6))))
			.list();
		var conclusions = jdbc.sql("""
				select count(*) filter (where violations is not null),
				(select count(*) from inspection_remedy r join inspection j on j.committee_id = r.committee_id
					and j.id = r.inspection_id where j.committee_id = :committee and j.year = :year),
				(select count(*) from inspection_remedy r join inspection j on j.committee_id = r.committee_id
					and j.id = r.inspection_id where j.committee_id = :committee and j.year = :year
					and r.due_on <= :today),
				(select count(*) from inspection_remedy r join inspection j on j.committee_id = r.committee_id
					and j.id = r.inspection_id where j.committee_id = :committee and j.year = :year
					and r.reported_on <= r.due_on),
				(select count(*) from inspection_remedy r join inspection j on j.committee_id = r.committee_id
					and j.id = r.inspection_id where j.committee_id = :committee and j.year = :year
					and r.verified_on is not null)
				from inspection where committee_id = :committee and year = :year and concluded_on is not null
				""")
			.param("committee", committee)
			.param("year", year)
			.param("today", today)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) })
			.single();
		// Discipline decided in the year, not annulled on appeal (docs/domain.md §4
		// forms).
		var byForm = new LinkedHashMap<String, Integer>();
		jdbc.sql("""
				select form, count(*) from discipline_case where committee_id = :committee
				and decided_on >= :from and decided_on < :to and form <> 'NONE'
				and coalesce(appeal_outcome, '') <> 'ANNULLED'
				group by form order by array_position(array['REPRIMAND', 'WARNING', 'DISMISSAL', 'EXPULSION',
				'DISSOLUTION'], form)
				""")
			.param("committee", committee)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> byForm.put(rs.getString(1), rs.getInt(2)))
			.list();
		var cases = jdbc.sql("""
				select count(*) from discipline_case where committee_id = :committee
				and opened_on >= :from and opened_on < :to
				""")
			.param("committee", committee)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(Integer.class)
			.single();
		var complaints = jdbc.sql("""
				select count(*), count(answered_on), count(*) filter (where answered_on <= due_on),
				count(*) filter (where answered_on is null)
				from complaint where committee_id = :committee and received_on >= :from and received_on < :to
				""")
			.param("committee", committee)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
			.single();
		var planned = rows.stream().mapToInt(KindRow::planned).sum();
		var concluded = rows.stream().mapToInt(KindRow::concluded).sum();
		return new YearFigures(year, rows, planned, concluded, conclusions[0], conclusions[1], conclusions[2],
				conclusions[3], conclusions[4], byForm, cases, complaints[0], complaints[1], complaints[2],
				complaints[3]);
	}

}
