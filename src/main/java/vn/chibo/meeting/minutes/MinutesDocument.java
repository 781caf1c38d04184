package vn.chibo.meeting.minutes;

import java.util.List;

/**
 * Signed minutes laid out as a Party document (docs/domain.md §16, Hướng dẫn 36-HD/VPTW):
 * header left (superior committee, branch, number) and right (ĐẢNG CỘNG SẢN VIỆT NAM,
 * place and date), title, body lines, and the two signatures — minute-taker left, chair
 * right; after them, the annex of amendments made after signing. DOCX and PDF are both
 * drawn from it, so they say the same.
 */
public record MinutesDocument(String superior, String branch, String number, String party, String placeDate,
		String title, String subtitle, List<Line> body, String takerLabel, String takerName, String takerSigned,
		String chairLabel, String chairName, String chairSigned, String signNote, List<Line> annex) {

	/**
	 * The document as one text, every part in order: what the seal of signed minutes is
	 * taken from.
	 */
	public String text() {
		var text = new StringBuilder();
		for (var part : new String[] { superior, branch, number, party, placeDate, title, subtitle }) {
			text.append(part).append('\n');
		}
		body.forEach((line) -> text.append(line.style()).append(' ').append(line.text()).append('\n'));
		for (var part : new String[] { takerLabel, takerName, takerSigned, chairLabel, chairName, chairSigned }) {
			text.append(part).append('\n');
		}
		annex.forEach((line) -> text.append(line.style()).append(' ').append(line.text()).append('\n'));
		return text.toString();
	}

	public enum Style {

		/** A numbered section heading (I., II., …), bold. */
		HEADING,
		/** A paragraph, indented first line, justified. */
		PARAGRAPH,
		/** A bold lead-in of a paragraph group ("1. Thông tin thời sự"). */
		SUBHEADING

	}

	public record Line(Style style, String text) {

		public boolean heading() {
			return style == Style.HEADING;
		}

		public boolean subheading() {
			return style == Style.SUBHEADING;
		}

	}

}
