package vn.chibo.evaluation.superior;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.ToIntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries.CommitteeRef;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.evaluation.Dashboard;
import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.shared.sql.SqlArrays;

/**
 * What an observer of a superior committee reads (docs/domain.md §3 roles, read-only):
 * the year of every grassroots committee under it, from the monthly aggregates the
 * database keeps beside the scores (V19), and one committee's branches on the same heat
 * map its office sees.
 */
@Service
@Transactional(readOnly = true)
public class SuperiorQueries {

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	private final EvaluationQueries evaluations;

	private final Clock clock;

	SuperiorQueries(JdbcClient jdbc, OrganizationQueries organizations, EvaluationQueries evaluations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.evaluations = evaluations;
		this.clock = clock;
	}

	private record Aggregate(long committeeId, int month, String kind, int meetings, int graded, double percentSum,
			int good, int fair, int average, int weak, int pass, int fail) {
	}

	public SuperiorOverview overview(CurrentUser observer, int year, boolean weakestFirst) {
		var committees = committees(observer);
		var array = SqlArrays.ids(committees, (c) -> c.id());
		var first = LocalDate.of(year, 1, 1);
		var last = LocalDate.of(year, 12, 31);
		var aggregates = jdbc
			.sql("""
					select committee_id, extract(month from month)::int, kind, meetings, graded, percent_sum, good, fair, average,
					weak, pass, fail from score_month
					where committee_id = any(cast(:ids as bigint[])) and month between :first and :last and meetings > 0
					""")
			.param("ids", array)
			.param("first", first)
			.param("last", last)
			.query((rs, row) -> new Aggregate(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getDouble(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
					rs.getInt(12)))
			.list();
		var byCommittee = new HashMap<Long, List<Aggregate>>();
		aggregates.forEach((a) -> byCommittee.computeIfAbsent(a.committeeId(), (k) -> new ArrayList<>()).add(a));
		var monthsOver = monthsOver(year);
		var rows = new ArrayList<SuperiorOverview.Row>();
		for (var committee : committees) {
			rows.add(row(committee, byCommittee.getOrDefault(committee.id(), List.of()), monthsOver));
		}
		if (weakestFirst) {
			rows.sort(
					Comparator.comparing((SuperiorOverview.Row r) -> (r.mean() != null) ? r.mean() : Double.MAX_VALUE));
		}
		var quarters = new ArrayList<Dashboard.QuarterLevels>();
		for (var q = 1; q <= 4; q++) {
			var quarter = q;
			var in = aggregates.stream().filter((a) -> (a.month() - 1) / 3 + 1 == quarter).toList();
			quarters.add(new Dashboard.QuarterLevels(q, sum(in, Aggregate::good), sum(in, Aggregate::fair),
					sum(in, Aggregate::average), sum(in, Aggregate::weak), sum(in, Aggregate::pass),
					sum(in, Aggregate::fail)));
		}
		var regular = aggregates.stream().filter((a) -> a.kind().equals("REGULAR")).toList();
		var graded = sum(regular, Aggregate::graded);
		var mean = (graded > 0) ? round(regular.stream().mapToDouble(Aggregate::percentSum).sum() / graded) : null;
		var totals = new SuperiorOverview.Totals(committees.size(),
				committees.stream().mapToInt(CommitteeRef::branches).sum(), sum(regular, Aggregate::meetings), mean,
				(mean != null) ? EvaluationQueries.levelOf(mean) : null, sum(regular, Aggregate::weak));
		return new SuperiorOverview(year, rows, quarters, committees.isEmpty() ? List.of() : weakest(array, year),
				totals);
	}

	/**
	 * A committee's branches × months, as its own office sees them, read through a
	 * stand-in user whose scope is the whole committee; 404 for a committee not under the
	 * observer's.
	 */
	public Dashboard committee(CurrentUser observer, long committeeId, int year) {
		return evaluations.dashboard(standIn(observer, committeeId), year, null);
	}

	/**
	 * The observer reading inside one committee under its superior: the same user, with
	 * the whole of that committee as its scope and no right but reading; 404 for any
	 * other committee.
	 */
	public CurrentUser standIn(CurrentUser observer, long committeeId) {
		var committee = committee(observer, committeeId);
		return new CurrentUser(observer.userId(), committee.id(), observer.username(), "", observer.displayName(),
				Role.OBSERVER, organizations.rootOf(committee.id()), null, true, false);
	}

	public CommitteeRef committee(CurrentUser observer, long committeeId) {
		return committees(observer).stream()
			.filter((c) -> c.id() == committeeId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	private List<CommitteeRef> committees(CurrentUser observer) {
		if (observer.role() != Role.OBSERVER) {
			throw new NotFoundException();
		}
		return organizations.committeesUnder(observer.committeeId());
	}

	private static SuperiorOverview.Row row(CommitteeRef committee, List<Aggregate> aggregates, int monthsOver) {
		var months = new ArrayList<SuperiorOverview.Month>();
		var graded = 0;
		var percentSum = 0.0;
		var weak = 0;
		var scored = 0;
		for (var month = 1; month <= 12; month++) {
			var m = month;
			var regular = aggregates.stream()
				.filter((a) -> a.month() == m && a.kind().equals("REGULAR"))
				.findFirst()
				.orElse(null);
			if (regular == null) {
				months.add(new SuperiorOverview.Month(month, 0, null, null, 0, 0, 0));
				continue;
			}
			var mean = (regular.graded() > 0) ? round(regular.percentSum() / regular.graded()) : null;
			months.add(new SuperiorOverview.Month(month, regular.meetings(), mean,
					(mean != null) ? EvaluationQueries.levelOf(mean) : null, regular.weak(), regular.pass(),
					regular.fail()));
			graded += regular.graded();
			percentSum += regular.percentSum();
			weak += regular.weak();
			scored += (month <= monthsOver) ? regular.meetings() : 0;
		}
		var mean = (graded > 0) ? round(percentSum / graded) : null;
		var thematic = aggregates.stream().filter((a) -> a.kind().equals("THEMATIC")).toList();
		var thematicGraded = sum(thematic, Aggregate::graded);
		Double thematicMean = (thematicGraded > 0)
				? round(thematic.stream().mapToDouble(Aggregate::percentSum).sum() / thematicGraded) : null;
		return new SuperiorOverview.Row(committee.id(), committee.code(), committee.name(), committee.branches(),
				months, mean, (mean != null) ? EvaluationQueries.levelOf(mean) : null, weak, scored,
				committee.branches() * monthsOver, sum(thematic, Aggregate::meetings), thematicMean);
	}

	/** The criteria that lost the most points on average across the committees. */
	private List<Dashboard.WeakCriterion> weakest(long[] ids, int year) {
		return jdbc.sql("""
				select rubric_code, criterion, min(name), sum(loss_sum) / sum(lines), max(max), sum(lines)
				from score_criterion_year
				where committee_id = any(cast(:ids as bigint[])) and year = :year
				group by rubric_code, criterion having sum(lines) > 0 and sum(loss_sum) > 0
				order by 4 desc, rubric_code, criterion limit 6
				""")
			.param("ids", ids)
			.param("year", year)
			.query((rs, row) -> new Dashboard.WeakCriterion(rs.getString(1), rs.getString(2), rs.getString(3),
					round(rs.getDouble(4)), rs.getDouble(5), rs.getInt(6)))
			.list();
	}

	/** Months of the year already over: all of a past year, none of a future one. */
	private int monthsOver(int year) {
		var now = YearMonth.now(clock);
		return (year < now.getYear()) ? 12 : (year > now.getYear()) ? 0 : now.getMonthValue() - 1;
	}

	private static int sum(List<Aggregate> aggregates, ToIntFunction<Aggregate> field) {
		return aggregates.stream().mapToInt(field).sum();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
