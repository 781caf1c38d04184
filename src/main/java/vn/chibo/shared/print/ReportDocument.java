package vn.chibo.shared.print;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A report in the Party's layout (docs/domain.md §16): the superior and the issuing
 * organisation with the document's number on the left, the Party's motto with place and
 * date on the right, title and subtitle, sections of paragraphs and tables (the first row
 * is the heading), the signature block and the recipients ("Nơi nhận").
 * {@link ReportDocuments} prints it as PDF and DOCX from this one model.
 */
public record ReportDocument(String superior, String issuer, String number, String party, String placeDate,
		String title, String subtitle, List<Section> sections, String signFor, String signTitle, String signName,
		List<String> recipients) {

	public ReportDocument(String superior, String issuer, String number, String party, String placeDate, String title,
			String subtitle, List<Section> sections, String signFor, String signTitle, String signName) {
		this(superior, issuer, number, party, placeDate, title, subtitle, sections, signFor, signTitle, signName,
				List.of());
	}

	/** The same document sent to these ("Nơi nhận", bottom left). */
	public ReportDocument to(List<String> recipients) {
		return new ReportDocument(superior, issuer, number, party, placeDate, title, subtitle, sections, signFor,
				signTitle, signName, List.copyOf(recipients));
	}

	/** The place of the place-date line, up to its comma ("Hà Tĩnh"), or "". */
	public String place() {
		var comma = placeDate.indexOf(", ");
		return (comma < 0) ? "" : placeDate.substring(0, comma + 1);
	}

	/**
	 * The date of the place-date line, which never breaks ("ngày 05 tháng 12 năm 2026").
	 */
	public String date() {
		var comma = placeDate.indexOf(", ");
		return (comma < 0) ? placeDate : placeDate.substring(comma + 2);
	}

	/**
	 * A section: its heading, paragraphs and table, and for the page the address of the
	 * list each cell counts ({@code links} has the table's shape, "" where a cell links
	 * nowhere; printed documents leave it out).
	 */
	public record Section(String heading, List<String> paragraphs, List<List<String>> table, List<List<String>> links) {

		public Section(String heading, List<String> paragraphs, List<List<String>> table) {
			this(heading, paragraphs, table, List.of());
		}

		/** The address behind a cell of the table, or "". */
		public String link(int row, int column) {
			return (row < links.size() && column < links.get(row).size()) ? links.get(row).get(column) : "";
		}

		/**
		 * The same section with every cell of its table (the heading row aside) leading
		 * to the one list that counts them all, where the section links nowhere finer.
		 */
		public Section linkedTo(String href) {
			if (!links.isEmpty() || table.isEmpty()) {
				return this;
			}
			var all = new ArrayList<List<String>>();
			for (var r = 0; r < table.size(); r++) {
				all.add(Collections.nCopies(table.get(r).size(), (r == 0) ? "" : href));
			}
			return new Section(heading, paragraphs, table, all);
		}

		/** The same section under a numbered heading ("1. …", "II. …"). */
		public Section numbered(String number) {
			return new Section(number + " " + heading, paragraphs, table, links);
		}

		public static Section text(String heading, List<String> paragraphs) {
			return new Section(heading, paragraphs, List.of());
		}

	}

}
