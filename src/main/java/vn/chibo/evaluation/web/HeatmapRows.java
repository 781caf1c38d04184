package vn.chibo.evaluation.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import vn.chibo.evaluation.Dashboard;
import vn.chibo.evaluation.Level;

/**
 * The heat map's rows as the dashboards write them: each cell's class, text, title and
 * link made once here, the level names resolved once a page, rather than by several
 * expressions for each of the map's hundreds of cells (58 branches × 12 months for a
 * large committee). Public types, so that the page's expressions are compiled
 * (docs/architecture.md, "Fast pages").
 */
public final class HeatmapRows {

	/** Branches a page of the heat map: a phone's screen scrolls through them. */
	public static final int PAGE = 20;

	/**
	 * A month of a branch: its look, and the link to its meeting's score or the mark of a
	 * month without a regular meeting.
	 */
	public record Cell(@Nullable String css, @Nullable String href, @Nullable String text, @Nullable String title,
			boolean missing) {
	}

	/**
	 * A branch's year: its months, the year's level (with its mark and reason when it was
	 * lowered) and its thematic meetings.
	 */
	public record Row(String branchName, List<Cell> cells, @Nullable String yearCss, @Nullable String yearText,
			@Nullable String cappedTitle, @Nullable String thematicCss, @Nullable String thematicText) {
	}

	private final MessageSource messages;

	private final Locale locale;

	private final EnumMap<Level, String> names = new EnumMap<>(Level.class);

	private final EnumMap<Level, String> shortNames = new EnumMap<>(Level.class);

	private HeatmapRows(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		for (var level : Level.values()) {
			names.put(level, message("evaluation.level." + level));
			shortNames.put(level, message("evaluation.levelShort." + level));
		}
	}

	/**
	 * The rows of the dashboard's branches given, each month linked to {@code cellLink} +
	 * the meeting.
	 */
	public static List<Row> of(List<Dashboard.Row> branches, String cellLink, MessageSource messages, Locale locale) {
		return new HeatmapRows(messages, locale).rows(branches, cellLink);
	}

	private List<Row> rows(List<Dashboard.Row> branches, String cellLink) {
		var unscored = message("dashboard.unscored");
		var missingTitle = message("dashboard.missing");
		var missingText = message("dashboard.missingShort");
		var rows = new ArrayList<Row>();
		for (var row : branches) {
			var cells = new ArrayList<Cell>();
			for (var month : row.months()) {
				var level = month.level();
				if (month.meetingId() != null) {
					// A pass/fail rubric shows its verdict; a scored one its percentage.
					var text = (level == null) ? unscored
							: (level == Level.PASS || level == Level.FAIL) ? shortNames.get(level) : month.shown();
					cells.add(new Cell(css(level), cellLink + month.meetingId(), text,
							(level != null) ? names.get(level) : null, false));
				}
				else if ("MISSING".equals(month.state())) {
					cells.add(new Cell("table-danger", null, missingText, missingTitle, true));
				}
				else {
					cells.add(new Cell(css(level), null, null, null, false));
				}
			}
			var level = row.level();
			var thematic = row.thematicLevel();
			rows.add(new Row(row.branchName(), cells, css(level),
					(level != null) ? message("dashboard.yearCell", names.get(level), row.shownMean()) : null,
					row.capped() ? message("dashboard.cappedTitle", row.weakMonths(), row.skippedMonths()) : null,
					css(thematic), (row.thematicMean() != null)
							? message("dashboard.thematicCell", row.thematicCount(), row.shownThematicMean()) : null));
		}
		return rows;
	}

	private static @Nullable String css(@Nullable Level level) {
		return (level != null) ? "level-" + level : null;
	}

	private String message(String code, @Nullable Object... args) {
		return messages.getMessage(code, args, locale);
	}

}
