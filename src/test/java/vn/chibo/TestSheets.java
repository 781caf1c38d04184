package vn.chibo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads back a spreadsheet chibo wrote: every cell of the first sheet as text, row by
 * row.
 */
public final class TestSheets {

	private TestSheets() {
	}

	public static List<List<String>> rows(byte[] content) throws IOException {
		var format = new DataFormatter();
		var rows = new ArrayList<List<String>>();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			for (var row : book.getSheetAt(0)) {
				var cells = new ArrayList<String>();
				row.forEach((cell) -> cells.add(format.formatCellValue(cell)));
				rows.add(cells);
			}
		}
		return rows;
	}

}
