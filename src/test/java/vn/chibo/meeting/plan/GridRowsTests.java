package vn.chibo.meeting.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.YearPlan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's rows written once as HTML: what the cells show, their classes, and texts
 * escaped (docs/architecture.md, "Fast pages").
 */
class GridRowsTests {

	@Test
	void aRowIsTwelveCellsOfEscapedBadges() {
		var months = new ArrayList<List<YearPlan.Mark>>();
		for (var month = 1; month <= 12; month++) {
			months.add(List.of());
		}
		months.set(0, List.of(new YearPlan.Mark(7, LocalDate.of(2033, 1, 10), MeetingKind.THEMATIC, MeetingStatus.HELD),
				new YearPlan.Mark(7, LocalDate.of(2033, 1, 25), MeetingKind.REGULAR, MeetingStatus.CANCELLED)));
		var grid = new YearPlan.Grid(List.of(new YearPlan.BranchYear(7, "Chi bộ <1>", months)), List.of(), 0, 15, 1, 1);
		var names = new EnumMap<MeetingKind, String>(MeetingKind.class);
		for (var kind : MeetingKind.values()) {
			names.put(kind, kind.name().charAt(0) + "<&\">");
		}

		var row = GridRows.of(grid, names).getFirst();

		assertThat(row.branchName()).isEqualTo("Chi bộ <1>");
		var cells = Jsoup.parseBodyFragment("<table><tr>" + row.cells() + "</tr></table>").select("td");
		assertThat(cells).hasSize(12);
		assertThat(cells.get(0).select("span").eachText()).containsExactly("T<&\"> 10", "R<&\"> 25");
		assertThat(cells.get(0).select("span").eachAttr("class")).containsExactly("badge k-THEMATIC s-HELD",
				"badge k-REGULAR s-CANCELLED");
		assertThat(cells.get(0).hasClass("table-warning")).isFalse();
		assertThat(cells.subList(1, 12)).allSatisfy((c) -> assertThat(c.hasClass("table-warning")).isTrue());
		assertThat(row.cells()).doesNotContain("<&").contains("T&lt;&amp;&quot;&gt; 10");
	}

}
