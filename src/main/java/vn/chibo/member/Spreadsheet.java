package vn.chibo.member;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A spreadsheet as rows of text: the first non-empty row is the heading row. Reads XLSX
 * (first sheet; date cells as dd/MM/yyyy, other cells as Excel displays them, so card
 * numbers keep their leading zeros) and CSV (UTF-8 with or without BOM, comma or
 * semicolon).
 */
record Spreadsheet(List<String> headings, List<Row> rows) {

	/**
	 * One data row, numbered as the user sees it in Excel (the heading row is row 1 of a
	 * plain sheet).
	 */
	record Row(int number, List<String> cells) {

		String cell(int index) {
			return (index < cells.size()) ? cells.get(index) : "";
		}

		boolean blank() {
			return cells.stream().allMatch(String::isBlank);
		}

	}

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static Spreadsheet read(String filename, byte[] content) throws IOException {
		var name = filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			return readExcel(content);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return readCsv(content);
		}
		throw new IOException("unsupported file type: " + filename);
	}

	private static Spreadsheet readExcel(byte[] content) throws IOException {
		try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			var sheet = workbook.getSheetAt(0);
			var formatter = new DataFormatter(Locale.forLanguageTag("vi"));
			var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			List<String> headings = null;
			var rows = new ArrayList<Row>();
			for (var row : sheet) {
				var cells = new ArrayList<String>();
				for (var c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					var cell = row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
						cells.add(DATE.format(cell.getLocalDateTimeCellValue().toLocalDate()));
					}
					else {
						cells.add(formatter.formatCellValue(cell, evaluator).strip());
					}
				}
				var parsed = new Row(row.getRowNum() + 1, cells);
				if (headings == null) {
					if (!parsed.blank()) {
						headings = cells;
					}
				}
				else if (!parsed.blank()) {
					rows.add(parsed);
				}
			}
			return new Spreadsheet((headings != null) ? headings : List.of(), rows);
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("not a spreadsheet", ex);
		}
	}

	private static Spreadsheet readCsv(byte[] content) throws IOException {
		var text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		var firstLine = text.lines().findFirst().orElse("");
		var delimiter = (count(firstLine, ';') > count(firstLine, ',')) ? ';' : ',';
		var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		List<String> headings = null;
		var rows = new ArrayList<Row>();
		try (var parser = format.parse(new StringReader(text))) {
			for (var record : parser) {
				var number = (int) record.getRecordNumber();
				var cells = record.stream().map(String::strip).toList();
				var row = new Row(number, cells);
				if (headings == null) {
					if (!row.blank()) {
						headings = cells;
					}
				}
				else if (!row.blank()) {
					rows.add(row);
				}
			}
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
		return new Spreadsheet((headings != null) ? headings : List.of(), rows);
	}

	private static long count(String line, char c) {
		return line.chars().filter((ch) -> ch == c).count();
	}

}
