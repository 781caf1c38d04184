package vn.chibo.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets built in tests, laid out as committees lay out their own. */
public final class MemberImportTestFiles {

	private MemberImportTestFiles() {
	}

	/**
	 * An XLSX in a committee's own layout: upper-case headings, a number column, a date
	 * cell.
	 */
	public static byte[] xlsx(List<List<Object>> rows) throws IOException {
		try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet();
			var dateStyle = book.createCellStyle();
			dateStyle.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
			for (var r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (var c = 0; c < rows.get(r).size(); c++) {
					var value = rows.get(r).get(c);
					var cell = row.createCell(c);
					if (value instanceof LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
