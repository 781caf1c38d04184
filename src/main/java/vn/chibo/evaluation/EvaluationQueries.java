package vn.chibo.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingSignals;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Reads the year of scores of the branches a user sees (their scope and the branches they
 * follow) for the dashboard.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationQueries {

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	private final MeetingSignals signals;

	private final Clock clock;

	private final OrganizationQueries organizations;

	private final Rubrics rubrics;

	EvaluationQueries(JdbcClient jdbc, MeetingQueries meetings, MeetingSignals signals, Clock clock,
			OrganizationQueries organizations, Rubrics rubrics) {
		this.signals = signals;
		this.rubrics = rubrics;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.clock = clock;
	}

	private record Scored(long meetingId, long branchId, int month, String kind, double percent, Level level) {
	}

	/**
	 * The branches a user reads under an organisation of their tree — a branch, a partial
	 * committee or the whole committee (docs/domain.md §6, filtered by subtree) — or all
	 * of them.
	 */
	public List<OrgNode> branches(CurrentUser user, @Nullable Long orgId) {
		var all = meetings.readableBranches(user, null);
		if (orgId == null) {
			return all;
		}
		var subtree = organizations.subtreeIds(user.committeeId(), orgId);
		return all.stream().filter((b) -> subtree.contains(b.id())).toList();
	}

	public Dashboard dashboard(CurrentUser user, int year, @Nullable Long branchId) {
		var branches = branches(user, branchId);
		var ids = SqlArrays.ids(branches, (b) -> b.id());
		var first = LocalDate.of(year, 1, 1);
		var last = LocalDate.of(year, 12, 31);
		var scores = branches.isEmpty() ? List.<Scored>of() : jdbc.sql("""
				select s.meeting_id, s.branch_id, extract(month from s.scheduled_on)::int as month, s.kind, s.percent,
				s.level from meeting_score s
				where s.committee_id = :c and s.branch_id = any(cast(:branches as bigint[]))
				and s.scheduled_on between :first and :last order by s.scheduled_on, s.meeting_id
				""")
			.param("c", user.committeeId())
			.param("branches", ids)
			.param("first", first)
			.param("last", last)
			.query((rs, row) -> new Scored(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getDouble(5),
					Level.valueOf(rs.getString(6))))
			.list();
		// Held regular meetings per branch and month (scored or not).
		var held = signals.regularHeldByMonth(user.committeeId(), branches.stream().map((b) -> b.id()).toList(), first,
				last);
		var thisMonth = YearMonth.now(clock);
		// Each branch's scores once, in date order: its month's last regular score, its
		// thematic ones.
		var byBranch = new HashMap<Long, List<Scored>>();
		for (var score : scores) {
			byBranch.computeIfAbsent(score.branchId(), (b) -> new ArrayList<>()).add(score);
		}
		var rows = new ArrayList<Dashboard.Row>();
		for (var branch : branches) {
			var own = byBranch.getOrDefault(branch.id(), List.of());
			var regular = new Scored[13];
			own.stream().filter((s) -> s.kind().equals("REGULAR")).forEach((s) -> regular[s.month()] = s);
			var cells = new ArrayList<Dashboard.Cell>();
			double sum = 0;
			var counted = 0;
			var weak = 0;
			var skipped = 0;
			for (var month = 1; month <= 12; month++) {
				var score = regular[month];
				var heldId = held.get(branch.id() + ":" + month);
				var ym = YearMonth.of(year, month);
				if (score != null) {
					cells.add(new Dashboard.Cell(month, "SCORED", score.meetingId(), score.percent(), score.level()));
					if (score.level() != Level.PASS && score.level() != Level.FAIL) {
						sum += score.percent();
						counted++;
						weak += (score.level() == Level.WEAK) ? 1 : 0;
					}
				}
				else if (heldId != null) {
					cells.add(new Dashboard.Cell(month, "UNSCORED", heldId, null, null));
				}
				else if (!ym.isBefore(thisMonth)) {
					cells.add(new Dashboard.Cell(month, "PLANNED", null, null, null));
				}
				else {
					cells.add(new Dashboard.Cell(month, "MISSING", null, null, null));
					skipped++;
				}
			}
			// The year's level: the level of the mean of the monthly regular scores, one
			// level down if two or more months were Kém or a month was skipped
			// (docs/domain.md
			// §6 aggregation [R]).
			Double mean = (counted > 0) ? Math.round(sum * 10 / counted) / 10.0 : null;
			Level level = null;
			var capped = false;
			if (mean != null) {
				level = levelOf(mean);
				if (weak >= 2 || skipped >= 1) {
					var lowered = oneDown(level);
					capped = lowered != level;
					level = lowered;
				}
			}
			// Thematic meetings: scored with their own rubric and averaged apart.
			var thematic = own.stream()
				.filter((x) -> x.kind().equals("THEMATIC"))
				.mapToDouble(Scored::percent)
				.toArray();
			Double thematicMean = (thematic.length > 0)
					? Math.round(Arrays.stream(thematic).average().orElse(0) * 10) / 10.0 : null;
			rows.add(new Dashboard.Row(branch.id(), branch.name(), cells, mean, level, capped, weak, skipped,
					thematic.length, thematicMean));
		}
		var quarters = new ArrayList<Dashboard.QuarterLevels>();
		for (var q = 1; q <= 4; q++) {
			var quarter = q;
			var inQuarter = scores.stream().filter((s) -> (s.month() - 1) / 3 + 1 == quarter).toList();
			quarters.add(new Dashboard.QuarterLevels(q, count(inQuarter, Level.GOOD), count(inQuarter, Level.FAIR),
					count(inQuarter, Level.AVERAGE), count(inQuarter, Level.WEAK), count(inQuarter, Level.PASS),
					count(inQuarter, Level.FAIL)));
		}
		return new Dashboard(year, rows, quarters,
				branches.isEmpty() ? List.of() : weakest(user.committeeId(), ids, year));
	}

	/**
	 * The criteria that lost the most points on average over the year's scored meetings
	 * of the branches: from the yearly totals per branch the database keeps (V56), a row
	 * per branch and criterion.
	 */
	private List<Dashboard.WeakCriterion> weakest(long committeeId, long[] branches, int year) {
		return jdbc.sql("""
				select rubric_code, criterion, min(name), sum(loss_sum) / sum(lines), max(max), sum(lines)
				from score_criterion_branch_year
				where committee_id = :c and year = :year and branch_id = any(cast(:branches as bigint[])) and lines > 0
				group by rubric_code, criterion having sum(loss_sum) > 0
				order by sum(loss_sum) / sum(lines) desc, rubric_code, criterion limit 6
				""")
			.param("c", committeeId)
			.param("branches", branches)
			.param("year", year)
			.query((rs, row) -> new Dashboard.WeakCriterion(rs.getString(1), rs.getString(2), rs.getString(3),
					Math.round(rs.getDouble(4) * 10) / 10.0, rs.getDouble(5), rs.getInt(6)))
			.list();
	}

	/**
	 * A branch's regular meetings of the year group by group of their rubric
	 * (docs/domain.md §6, the branch's "score over time with the criterion breakdown"):
	 * the rubric of the latest scored month, and each month scored under the same rubric.
	 */
	public @Nullable Breakdown breakdown(CurrentUser user, int year, long branchId) {
		if (branches(user, branchId).isEmpty()) {
			return null;
		}
		record Line(int month, long meetingId, long rubricId, String rubricCode, String group, double points) {
		}
		var lines = jdbc.sql("""
				select extract(month from l.scheduled_on)::int, l.meeting_id, l.rubric_id, l.rubric_code,
				split_part(l.criterion, '.', 1), sum(l.points)
				from meeting_score_line l join meeting_score s on s.committee_id = l.committee_id
				and s.meeting_id = l.meeting_id and s.rubric_id = l.rubric_id
				where l.committee_id = :c and l.branch_id = :b and l.scheduled_on between :first and :last
				and s.kind = 'REGULAR' group by 1, 2, 3, 4, 5 order by 1, 2
				""")
			.param("c", user.committeeId())
			.param("b", branchId)
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, row) -> new Line(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getDouble(6)))
			.list();
		if (lines.isEmpty()) {
			return null;
		}
		var latest = lines.getLast();
		var rubric = rubrics.rubric(user.committeeId(), latest.rubricId());
		var groups = rubric.groups()
			.stream()
			.map((g) -> new Breakdown.Group(g.code(), g.name(),
					g.criteria().stream().mapToDouble(Rubric.Criterion::max).sum()))
			.toList();
		var months = new ArrayList<Breakdown.Month>();
		for (var month = 1; month <= 12; month++) {
			var m = month;
			var ofMonth = lines.stream()
				.filter((l) -> l.month() == m && l.rubricCode().equals(latest.rubricCode()))
				.toList();
			if (ofMonth.isEmpty()) {
				continue;
			}
			// The month's last regular meeting, as on the heat map.
			var meetingId = ofMonth.getLast().meetingId();
			var points = groups.stream()
				.map((g) -> ofMonth.stream()
					.filter((l) -> l.meetingId() == meetingId && l.group().equals(g.code()))
					.mapToDouble(Line::points)
					.sum())
				.toList();
			months.add(new Breakdown.Month(month, meetingId, points));
		}
		return new Breakdown(rubric.code(), rubric.name(), groups, months);
	}

	private static int count(List<Scored> scores, Level level) {
		return (int) scores.stream().filter((s) -> s.level() == level).count();
	}

	/** Tốt ≥ 90, Khá ≥ 70, Trung bình ≥ 50, else Kém (docs/domain.md §6). */
	public static Level levelOf(double percent) {
		return (percent >= 90) ? Level.GOOD
				: (percent >= 70) ? Level.FAIR : (percent >= 50) ? Level.AVERAGE : Level.WEAK;
	}

	static Level oneDown(Level level) {
		return switch (level) {
			case GOOD -> Level.FAIR;
			case FAIR -> Level.AVERAGE;
			case AVERAGE, WEAK -> Level.WEAK;
			case PASS, FAIL -> Level.FAIL;
		};
	}

}
