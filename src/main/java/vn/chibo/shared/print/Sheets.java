package vn.chibo.shared.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list as a one-sheet spreadsheet: a heading row, then a row per item (numbers stay
 * numbers), written as it streams; and the download that carries it.
 */
public final class Sheets {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Sheets() {
	}

	public static byte[] workbook(String sheetName, List<String> headings, List<List<?>> rows) {
		try (var book = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
			var header = sheet.createRow(0);
			for (var i = 0; i < headings.size(); i++) {
				header.createCell(i).setCellValue(headings.get(i));
				sheet.setColumnWidth(i, Math.min(60, Math.max(10, headings.get(i).length() + 4)) * 256);
			}
			var number = 0;
			for (var values : rows) {
				var row = sheet.createRow(++number);
				for (var i = 0; i < values.size(); i++) {
					var value = values.get(i);
					if (value instanceof Number n) {
						row.createCell(i).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(i).setCellValue((value != null) ? value.toString() : "");
					}
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

	/** The spreadsheet as a download named {@code fileName}. */
	public static ResponseEntity<byte[]> download(String fileName, byte[] content) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
