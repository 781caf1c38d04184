package vn.chibo.meeting.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.YearPlan;

/**
 * The plan grid's rows as the meetings page writes them: a row's twelve months written
 * here as one piece of HTML, its texts escaped, rather than by a loop of expressions over
 * the page's hundreds of cells and their meetings (docs/architecture.md, "Fast pages").
 * Public types, so that the page's expressions are compiled.
 */
public final class GridRows {

	private GridRows() {
	}

	/**
	 * A branch's row: the branch, and its months' cells as HTML — each meeting a badge of
	 * its kind's short name and its day, with its kind and status as classes; a month
	 * without any is marked.
	 */
	public record Row(long branchId, String branchName, String cells) {
	}

	static List<Row> of(YearPlan.Grid grid, EnumMap<MeetingKind, String> kindShort) {
		var rows = new ArrayList<Row>();
		var html = new StringBuilder();
		for (var row : grid.rows()) {
			html.setLength(0);
			for (var month : row.months()) {
				if (month.isEmpty()) {
					html.append("<td class=\"table-warning\"></td>");
					continue;
				}
				html.append("<td>");
				for (var mark : month) {
					// the kind and the status are enum constants' names, safe in a class
					html.append("<span class=\"badge k-")
						.append(mark.kind())
						.append(" s-")
						.append(mark.status())
						.append("\">")
						.append(HtmlUtils.htmlEscape(kindShort.get(mark.kind()) + " " + mark.day(), "UTF-8"))
						.append("</span> ");
				}
				html.append("</td>");
			}
			rows.add(new Row(row.branchId(), row.branchName(), html.toString()));
		}
		return rows;
	}

}
