package vn.chibo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.chibo.shared.print.ReportDocument.Section;

/**
 * The outline of a Party report (docs/domain.md §12, §16): parts numbered I, II, III… in
 * capitals, sections within a part numbered 1, 2, 3…, whichever modules wrote them.
 */
final class Outline {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };

	private final List<Section> sections = new ArrayList<>();

	private int parts;

	/** A new part: its heading in capitals, and the paragraphs that open it. */
	Outline part(String heading, List<String> paragraphs) {
		sections.add(new Section(ROMAN[parts++] + ". " + heading.toUpperCase(VI), paragraphs, List.of()));
		return this;
	}

	/** The part's sections, numbered from 1. */
	Outline sections(List<Section> within) {
		var n = 0;
		for (var s : within) {
			sections.add(s.numbered(++n + "."));
		}
		return this;
	}

	List<Section> build() {
		return List.copyOf(sections);
	}

}
