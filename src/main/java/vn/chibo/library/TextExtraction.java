package vn.chibo.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * The text of a PDF or DOCX, page by page, for the library's search (PDFBox and POI).
 * Bounded: at most {@link #MAX_PAGES} pages and {@link #MAX_CHARACTERS} characters are
 * read, PDFBox buffers in a temporary file rather than the heap, and two files are read
 * at a time.
 */
final class TextExtraction {

	static final int MAX_PAGES = 2_000;

	static final int MAX_CHARACTERS = 1_000_000;

	/** A DOCX has no pages: its text is cut into sections of about this length. */
	static final int SECTION = 3_000;

	private static final Semaphore READS = new Semaphore(2);

	private TextExtraction() {
	}

	/** The text of each page, in order; a file that cannot be read is refused by name. */
	static List<String> pages(byte[] content, String contentType, String name) {
		try {
			if (!READS.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new BusinessRuleException("file", "library.file.busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BusinessRuleException("file", "library.file.busy");
		}
		try {
			return contentType.equals(UploadedFiles.PDF) ? pdf(content, name) : docx(content, name);
		}
		finally {
			READS.release();
		}
	}

	private static List<String> pdf(byte[] content, String name) {
		try (var document = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
			var count = document.getNumberOfPages();
			if (count > MAX_PAGES) {
				throw new BusinessRuleException("file", "library.file.tooManyPages", name, MAX_PAGES);
			}
			var stripper = new PDFTextStripper();
			var pages = new ArrayList<String>();
			var total = 0;
			for (var page = 1; page <= count && total < MAX_CHARACTERS; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				var text = clean(stripper.getText(document), MAX_CHARACTERS - total);
				total += text.length();
				pages.add(text);
			}
			return pages;
		}
		catch (InvalidPasswordException ex) {
			throw new BusinessRuleException("file", "library.file.encrypted", name);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BusinessRuleException rule) {
				throw rule;
			}
			throw new BusinessRuleException("file", "library.file.unreadable", name);
		}
	}

	private static List<String> docx(byte[] content, String name) {
		String text;
		try (var document = new XWPFDocument(new ByteArrayInputStream(content));
				var extractor = new XWPFWordExtractor(document)) {
			text = clean(extractor.getText(), MAX_CHARACTERS);
		}
		catch (IOException | RuntimeException ex) {
			throw new BusinessRuleException("file", "library.file.unreadable", name);
		}
		// Sections end at a paragraph where one is near.
		var sections = new ArrayList<String>();
		var start = 0;
		while (start < text.length()) {
			var end = Math.min(text.length(), start + SECTION);
			if (end < text.length()) {
				var paragraph = text.lastIndexOf('\n', end);
				if (paragraph > start + SECTION / 2) {
					end = paragraph + 1;
				}
			}
			sections.add(text.substring(start, end).strip());
			start = end;
		}
		if (sections.isEmpty()) {
			sections.add("");
		}
		return sections;
	}

	/**
	 * NFC, without the control characters PostgreSQL's text cannot hold, at most
	 * {@code max}.
	 */
	private static String clean(String text, int max) {
		var cleaned = Normalizer.normalize(text, Normalizer.Form.NFC)
			.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ")
			.replaceAll("[ \\t]+", " ");
		return (cleaned.length() > max) ? cleaned.substring(0, Math.max(0, max)) : cleaned;
	}

}
