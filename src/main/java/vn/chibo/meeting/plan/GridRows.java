package vn.chibo.meeting.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.YearPlan;

/**
 * The plan grid's rows as the meetings page writes them: each text and class made once
 * here rather than by an expression for each of the page's hundreds of cells. Public
 * types, so that the page's expressions are compiled (docs/architecture.md, "Fast
 * pages").
 */
public final class GridRows {

	private GridRows() {
	}

	/** A meeting in a cell: its kind's short name and its day, and its look. */
	public record Badge(String label, String css) {
	}

	/**
	 * A month of a branch: its meetings, and its look (a month without any is marked).
	 */
	public record Cell(List<Badge> badges, @Nullable String css) {
	}

	public record Row(long branchId, String branchName, List<Cell> cells) {
	}

	static List<Row> of(YearPlan.Grid grid, EnumMap<MeetingKind, String> kindShort) {
		var rows = new ArrayList<Row>();
		for (var row : grid.rows()) {
			var cells = new ArrayList<Cell>();
			for (var month : row.months()) {
				var badges = new ArrayList<Badge>();
				for (var mark : month) {
					badges.add(new Badge(kindShort.get(mark.kind()) + " " + mark.day(),
							"badge k-" + mark.kind() + " s-" + mark.status()));
				}
				cells.add(new Cell(badges, badges.isEmpty() ? "table-warning" : null));
			}
			rows.add(new Row(row.branchId(), row.branchName(), cells));
		}
		return rows;
	}

}
