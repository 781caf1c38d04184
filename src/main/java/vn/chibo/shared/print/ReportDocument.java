package vn.chibo.shared.print;

import java.util.List;

/**
 * A report in the Party's layout (DOMAIN.md §16): the superior and the issuing
 * organisation with the document's number on the left, the Party's motto with place and
 * date on the right, title and subtitle, sections of paragraphs and tables (the first row
 * is the heading), and the signature block. {@link ReportDocuments} prints it as PDF and
 * DOCX from this one model.
 */
public record ReportDocument(String superior, String issuer, String number, String party, String placeDate,
		String title, String subtitle, List<Section> sections, String signFor, String signTitle, String signName) {

	public record Section(String heading, List<String> paragraphs, List<List<String>> table) {

		public static Section text(String heading, List<String> paragraphs) {
			return new Section(heading, paragraphs, List.of());
		}

	}

}
