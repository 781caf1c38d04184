package vn.chibo.shared.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A Word document (DOCX) read in the browser: its paragraphs, headings, list items and
 * tables with bold, italic and underline, as plain HTML made once when it is uploaded
 * (Apache POI reads the file). Pictures, fields and layout stay in the file, which is
 * downloaded beside. Bounded: at most {@value #MAX_BLOCKS} blocks and {@value #MAX_CHARS}
 * characters are read; a file that is not a readable DOCX has no preview.
 */
public final class DocumentPreview {

	static final int MAX_BLOCKS = 20_000;

	static final int MAX_CHARS = 2_000_000;

	private static final Safelist ALLOWED = new Safelist().addTags("p", "h2", "h3", "h4", "b", "i", "u", "br", "ul",
			"li", "table", "tbody", "tr", "td", "p");

	private DocumentPreview() {
	}

	/** The document as HTML, or null when it has none (not a DOCX, or unreadable). */
	public static @Nullable String of(byte[] content, String contentType) {
		if (!UploadedFiles.DOCX.equals(contentType)) {
			return null;
		}
		try (var document = new XWPFDocument(new ByteArrayInputStream(content))) {
			var html = new StringBuilder();
			var budget = new int[] { MAX_BLOCKS, MAX_CHARS };
			for (IBodyElement element : document.getBodyElements()) {
				if (budget[0]-- <= 0 || budget[1] <= 0) {
					break;
				}
				if (element instanceof XWPFParagraph paragraph) {
					paragraph(paragraph, html, budget);
				}
				else if (element instanceof XWPFTable table) {
					table(table, html, budget);
				}
			}
			var clean = Jsoup.clean(html.toString(), "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
			return clean.isBlank() ? null : clean;
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	private static void paragraph(XWPFParagraph paragraph, StringBuilder html, int[] budget) {
		var style = String.valueOf(paragraph.getStyle()).toLowerCase();
		var tag = style.startsWith("heading1") || style.equals("title") ? "h2"
				: style.startsWith("heading2") ? "h3" : style.startsWith("heading") ? "h4" : "p";
		var listed = paragraph.getNumID() != null;
		html.append(listed ? "<ul><li>" : "<" + tag + ">");
		for (XWPFRun run : paragraph.getRuns()) {
			var text = run.text();
			if (text == null || text.isEmpty()) {
				continue;
			}
			budget[1] -= text.length();
			var escaped = Entities.escape(text).replace("\n", "<br>");
			if (run.isBold()) {
				escaped = "<b>" + escaped + "</b>";
			}
			if (run.isItalic()) {
				escaped = "<i>" + escaped + "</i>";
			}
			if (run.getUnderline() != null && run.getUnderline() != UnderlinePatterns.NONE) {
				escaped = "<u>" + escaped + "</u>";
			}
			html.append(escaped);
		}
		html.append(listed ? "</li></ul>" : "</" + tag + ">");
	}

	private static void table(XWPFTable table, StringBuilder html, int[] budget) {
		html.append("<table><tbody>");
		for (var row : table.getRows()) {
			if (budget[0]-- <= 0) {
				break;
			}
			html.append("<tr>");
			for (var cell : row.getTableCells()) {
				var text = cell.getText();
				budget[1] -= text.length();
				html.append("<td>").append(Entities.escape(text)).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

}
