package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrgNode;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * A year of the branches' meetings at a glance: one row per branch, one cell per month
 * (the committee's plan grid), and the gaps in it (docs/domain.md §5). Read as marks — a
 * meeting's branch, day, kind and status — not as whole meetings.
 */
@Service
@Transactional(readOnly = true)
public class YearPlan {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	YearPlan(JdbcClient jdbc, MeetingQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/** A meeting as a cell of the grid shows it. */
	public record Mark(long branchId, LocalDate on, MeetingKind kind, MeetingStatus status) {

		public String day() {
			return String.valueOf(on.getDayOfMonth());
		}

	}

	/** A branch's year: twelve months, each with its meetings by date. */
	public record BranchYear(long branchId, String branchName, List<List<Mark>> months) {
	}

	/**
	 * One page of the grid's rows (branches in tree order) with the gaps of those
	 * branches.
	 */
	public record Grid(List<BranchYear> rows, List<PlanWarning> warnings, int page, int size, int pages, int branches) {

		/** The number of the page's first branch, from 1. */
		public int first() {
			return page * size + 1;
		}

		public int last() {
			return page * size + rows.size();
		}

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < pages;
		}

	}

	/**
	 * The grid of the user's readable branches (or one of them), {@code size} branches a
	 * page.
	 */
	public Grid grid(CurrentUser user, int year, @Nullable Long branchId, int page, int size) {
		var all = queries.readableBranches(user, branchId);
		var pages = Math.max(1, (all.size() + size - 1) / size);
		var shown = Math.clamp(page, 0, pages - 1);
		var branches = all.subList(Math.min(all.size(), shown * size), Math.min(all.size(), (shown + 1) * size));
		var byBranch = marks(user, year, branches);
		var rows = new ArrayList<BranchYear>();
		for (var branch : branches) {
			var months = new ArrayList<List<Mark>>();
			for (var month = 0; month < 12; month++) {
				months.add(new ArrayList<>());
			}
			for (var mark : byBranch.getOrDefault(branch.id(), List.of())) {
				months.get(mark.on().getMonthValue() - 1).add(mark);
			}
			rows.add(new BranchYear(branch.id(), branch.name(), months));
		}
		return new Grid(rows, gaps(branches, byBranch), shown, size, pages, all.size());
	}

	/**
	 * Gaps in the plan of {@code year}: every month needs a regular meeting (Party
	 * Charter) and every quarter a thematic one (12-HD/BTCTW 2018; 42-HD/BTCTW 2025),
	 * cancelled meetings not counting (docs/domain.md §5).
	 */
	public List<PlanWarning> warnings(CurrentUser user, int year, @Nullable Long branchId) {
		var branches = queries.readableBranches(user, branchId);
		return gaps(branches, marks(user, year, branches));
	}

	private static List<PlanWarning> gaps(List<OrgNode> branches, Map<Long, List<Mark>> byBranch) {
		var warnings = new ArrayList<PlanWarning>();
		for (var branch : branches) {
			var regularMonths = new boolean[13];
			var thematicQuarters = new boolean[5];
			for (var mark : byBranch.getOrDefault(branch.id(), List.of())) {
				if (mark.status() == MeetingStatus.CANCELLED) {
					continue;
				}
				var month = mark.on().getMonthValue();
				if (mark.kind() == MeetingKind.REGULAR) {
					regularMonths[month] = true;
				}
				if (mark.kind() == MeetingKind.THEMATIC) {
					thematicQuarters[(month - 1) / 3 + 1] = true;
				}
			}
			for (var month = 1; month <= 12; month++) {
				if (!regularMonths[month]) {
					warnings
						.add(new PlanWarning(branch.id(), branch.name(), PlanWarning.Kind.NO_REGULAR_IN_MONTH, month));
				}
			}
			for (var quarter = 1; quarter <= 4; quarter++) {
				if (!thematicQuarters[quarter]) {
					warnings.add(new PlanWarning(branch.id(), branch.name(), PlanWarning.Kind.NO_THEMATIC_IN_QUARTER,
							quarter));
				}
			}
		}
		return warnings;
	}

	/** The year's meetings of the branches as marks, by branch, in date order. */
	private Map<Long, List<Mark>> marks(CurrentUser user, int year, List<OrgNode> branches) {
		var byBranch = new HashMap<Long, List<Mark>>();
		if (branches.isEmpty()) {
			return byBranch;
		}
		jdbc.sql("""
				select branch_id, scheduled_on, kind, status from meeting
				where committee_id = :committee and branch_id = any(cast(:branches as bigint[]))
				and scheduled_on between :first and :last order by scheduled_on, id
				""")
			.param("committee", user.committeeId())
			.param("branches", SqlArrays.ids(branches, (b) -> b.id()))
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs) -> {
				var mark = new Mark(rs.getLong(1), rs.getObject(2, LocalDate.class),
						MeetingKind.valueOf(rs.getString(3)), MeetingStatus.valueOf(rs.getString(4)));
				byBranch.computeIfAbsent(mark.branchId(), (b) -> new ArrayList<>()).add(mark);
			});
		return byBranch;
	}

}
