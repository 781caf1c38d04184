package vn.chibo.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.print.OfficeFiles;

/**
 * The library's list as a spreadsheet: what the search finds, every page of it (at most
 * 5,000 rows), written as it streams.
 */
@Component
class LibraryExport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final int MAX_PAGES = 250;

	private final LibrarySearch queries;

	private final MessageSource messages;

	LibraryExport(LibrarySearch queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	byte[] workbook(CurrentUser user, LibraryFilter filter, Locale locale) {
		try (var book = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet(text(locale, "library.title"));
			var headings = new String[] { "library.number", "library.titleField", "library.kind", "library.issuer",
					"library.issuedOn", "library.inForce" };
			var header = sheet.createRow(0);
			for (var i = 0; i < headings.length; i++) {
				header.createCell(i).setCellValue(text(locale, headings[i]));
				sheet.setColumnWidth(i, (i == 1) ? 60 * 256 : 20 * 256);
			}
			var rowNumber = 1;
			for (var page = 0; page < MAX_PAGES; page++) {
				var results = queries.search(user, new LibraryFilter(filter.q(), filter.issuer(), filter.kind(),
						filter.year(), filter.inForce(), page), false);
				for (var result : results.items()) {
					var row = sheet.createRow(rowNumber++);
					row.createCell(0).setCellValue(result.number());
					row.createCell(1).setCellValue(result.title());
					row.createCell(2).setCellValue(text(locale, "library.kind." + result.kind()));
					row.createCell(3).setCellValue(result.issuer());
					row.createCell(4).setCellValue(DATE.format(result.issuedOn()));
					row.createCell(5)
						.setCellValue(text(locale, result.inForce() ? "library.inForce.yes" : "library.inForce.no"));
				}
				if (!results.hasNext()) {
					break;
				}
			}
			book.write(out);
			book.dispose();
			return OfficeFiles.reproducible(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
