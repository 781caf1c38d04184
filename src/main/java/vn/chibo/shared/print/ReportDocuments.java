package vn.chibo.shared.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Prints a {@link ReportDocument} in the Party's layout (docs/domain.md §16): PDF through
 * the shared report template, DOCX with Times New Roman 14, margins 20/15/30/15 mm.
 */
@Component
public class ReportDocuments {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final PdfDocuments pdfs;

	private final MessageSource messages;

	ReportDocuments(PdfDocuments pdfs, MessageSource messages) {
		this.pdfs = pdfs;
		this.messages = messages;
	}

	/**
	 * "Nơi nhận" of a report (docs/domain.md §16): the superior for its information, and
	 * the issuer's archive — the committee's office or the branch.
	 */
	public List<String> recipients(String superior, boolean branch) {
		var lines = new ArrayList<String>();
		if (!superior.isBlank()) {
			lines.add(messages.getMessage("print.recipient.superior", new Object[] { superior }, VI));
		}
		lines.add(messages.getMessage(branch ? "print.recipient.archive.branch" : "print.recipient.archive.committee",
				null, VI));
		return lines;
	}

	public byte[] pdf(ReportDocument report) {
		return pdfs.render("print/report", report);
	}

	public byte[] docx(ReportDocument report) {
		try (var word = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			WordPages.a4(word);
			var header = word.createTable(1, 2);
			header.removeBorders();
			header.setWidth("100%");
			var left = header.getRow(0).getCell(0);
			run(centered(left.getParagraphs().getFirst()), report.superior(), false, false, 13);
			run(centered(left.addParagraph()), report.issuer(), true, false, 13);
			run(centered(left.addParagraph()), "*", false, false, 13);
			run(centered(left.addParagraph()), report.number(), false, false, 13);
			var motto = header.getRow(0).getCell(1);
			run(centered(motto.getParagraphs().getFirst()), report.party(), true, false, 14);
			// The date never breaks inside: its spaces do not break.
			run(centered(motto.addParagraph()), report.place() + " " + report.date().replace(' ', '\u00A0'), false,
					true, 13);
			paragraph(word, report.title(), ParagraphAlignment.CENTER, true, 15);
			paragraph(word, report.subtitle(), ParagraphAlignment.CENTER, true, 14);
			for (var section : report.sections()) {
				if (!section.heading().isEmpty()) {
					paragraph(word, section.heading(), ParagraphAlignment.LEFT, true, 14);
				}
				for (var text : section.paragraphs()) {
					paragraph(word, text, ParagraphAlignment.BOTH, false, 14).setFirstLineIndent(567);
				}
				if (!section.table().isEmpty()) {
					var table = word.createTable(section.table().size(), section.table().getFirst().size());
					table.setWidth("100%");
					for (var r = 0; r < section.table().size(); r++) {
						var row = section.table().get(r);
						for (var c = 0; c < row.size(); c++) {
							var paragraph = table.getRow(r).getCell(c).getParagraphs().getFirst();
							run((c == 0) ? paragraph : centered(paragraph), row.get(c), r == 0, false, 10);
						}
					}
				}
			}
			var signature = word.createTable(1, 2);
			signature.removeBorders();
			signature.setWidth("100%");
			if (!report.recipients().isEmpty()) {
				var sent = signature.getRow(0).getCell(0);
				var label = sent.getParagraphs().getFirst();
				var run = label.createRun();
				run.setFontFamily("Times New Roman");
				run.setFontSize(12);
				run.setBold(true);
				run.setItalic(true);
				run.setUnderline(UnderlinePatterns.SINGLE);
				run.setText(messages.getMessage("print.recipients", null, VI));
				for (var line : report.recipients()) {
					run(sent.addParagraph(), line, false, false, 11);
				}
			}
			var right = signature.getRow(0).getCell(1);
			run(centered(right.getParagraphs().getFirst()), report.signFor(), true, false, 14);
			run(centered(right.addParagraph()), report.signTitle(), true, false, 14);
			run(centered(right.addParagraph()), "", false, false, 14);
			run(centered(right.addParagraph()), report.signName(), true, false, 14);
			word.write(out);
			return OfficeFiles.reproducible(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The arguments of {@code print.placeDate}, "Hà Tĩnh, ngày 05 tháng 3 năm 2026": the
	 * day on two digits, January and February on two (so "tháng 01" cannot be read as
	 * "tháng 10" once written over), the other months as they are (docs/domain.md §16).
	 */
	public static Object[] placeDate(String place, LocalDate date) {
		return new Object[] { place, two(date.getDayOfMonth()),
				(date.getMonthValue() <= 2) ? two(date.getMonthValue()) : String.valueOf(date.getMonthValue()),
				String.valueOf(date.getYear()) };
	}

	private static String two(int value) {
		return (value < 10) ? "0" + value : String.valueOf(value);
	}

	private static XWPFParagraph paragraph(XWPFDocument word, String text, ParagraphAlignment alignment, boolean bold,
			int size) {
		var paragraph = word.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingAfter(60);
		run(paragraph, text, bold, false, size);
		return paragraph;
	}

	private static XWPFParagraph centered(XWPFParagraph paragraph) {
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		return paragraph;
	}

	private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic, int size) {
		var run = paragraph.createRun();
		run.setFontFamily("Times New Roman");
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText(text);
	}

}
