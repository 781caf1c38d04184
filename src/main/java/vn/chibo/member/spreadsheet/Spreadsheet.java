package vn.chibo.member.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A spreadsheet as rows of text: the first non-empty row is the heading row. Reads XLSX
 * (first sheet, streamed; date cells as dd/MM/yyyy, other cells as Excel displays them,
 * so card numbers keep their leading zeros) and CSV (UTF-8 with or without BOM, comma or
 * semicolon).
 */
public record Spreadsheet(List<String> headings, List<Row> rows) {

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

	/**
	 * Rows a file may hold: far more than a committee's members, far less than memory.
	 */
	public static final int MAX_ROWS = 20_000;

	/** Cells a row may hold (a member's record has some thirty columns). */
	public static final int MAX_CELLS = 200;

	/** Characters a cell may hold. */
	static final int MAX_CELL_CHARS = 4_000;

	/** An old-format .xls is read whole; it may be this large at the most. */
	static final int MAX_XLS_BYTES = 5 * 1024 * 1024;

	/** What unpacks from one part of an .xlsx at the most (a zip bomb stops there). */
	static final long MAX_PART_BYTES = 64L * 1024 * 1024;

	static {
		ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
	}

	/** A file beyond the limits above: the message key and its figures. */
	static final class TooLarge extends IOException {

		private final String key;

		private final transient Object[] arguments;

		TooLarge(String key, Object... arguments) {
			super(key);
			this.key = key;
			this.arguments = arguments;
		}

		String key() {
			return key;
		}

		Object[] arguments() {
			return arguments;
		}

	}

	static Spreadsheet read(String filename, byte[] content) throws IOException {
		var name = filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return readXlsx(content);
		}
		if (name.endsWith(".xls")) {
			if (content.length > MAX_XLS_BYTES) {
				throw new TooLarge("member.import.tooLarge.xls", MAX_XLS_BYTES / (1024 * 1024));
			}
			return readExcel(content);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return readCsv(content);
		}
		throw new IOException("unsupported file type: " + filename);
	}

	/**
	 * Reads the first sheet of an .xlsx as it streams (POI's event API), never the whole
	 * workbook: memory stays bounded by the caps on rows, cells and the size of a part,
	 * whatever the file claims.
	 */
	private static Spreadsheet readXlsx(byte[] content) throws IOException {
		var collector = new Collector();
		try (var pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			var reader = new XSSFReader(pkg);
			var strings = new ReadOnlySharedStringsTable(pkg, false);
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return new Spreadsheet(List.of(), List.of());
			}
			try (var sheet = sheets.next()) {
				var parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
						new DatesAsDays(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (Stop stop) {
			throw stop.reason;
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
				| IllegalArgumentException | IllegalStateException ex) {
			throw tooLargeOr(ex);
		}
		catch (IOException ex) {
			throw tooLargeOr(ex);
		}
		return new Spreadsheet((collector.headings != null) ? collector.headings : List.of(), collector.rows);
	}

	private static IOException tooLargeOr(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			var message = String.valueOf(cause.getMessage());
			if (message.contains("Zip bomb") || message.contains("MaxEntrySize")
					|| message.contains("max entry size")) {
				return new TooLarge("member.import.tooLarge.part", MAX_PART_BYTES / (1024 * 1024));
			}
		}
		return new IOException("not a spreadsheet", ex);
	}

	/** Ends the streaming read from inside the parser's callbacks. */
	private static final class Stop extends RuntimeException {

		private final TooLarge reason;

		Stop(TooLarge reason) {
			super(null, null, false, false);
			this.reason = reason;
		}

	}

	/** Collects the rows the streaming reader reports, within the caps. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private @Nullable List<String> headings;

		private final List<Row> rows = new ArrayList<>();

		private List<String> cells = new ArrayList<>();

		@Override
		public void startRow(int rowNum) {
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			var row = new Row(rowNum + 1, cells);
			if (row.blank()) {
				return;
			}
			if (headings == null) {
				headings = cells;
			}
			else {
				if (rows.size() == MAX_ROWS) {
					throw new Stop(new TooLarge("member.import.tooLarge.rows", MAX_ROWS));
				}
				rows.add(row);
			}
		}

		@Override
		public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
			var column = (reference != null) ? new CellReference(reference).getCol() : cells.size();
			if (column >= MAX_CELLS) {
				throw new Stop(new TooLarge("member.import.tooLarge.cells", MAX_CELLS));
			}
			while (cells.size() < column) {
				cells.add("");
			}
			var text = (value != null) ? value.strip() : "";
			if (text.length() > MAX_CELL_CHARS) {
				throw new Stop(new TooLarge("member.import.tooLarge.cell", MAX_CELL_CHARS));
			}
			cells.add(text);
		}

	}

	/** Date cells as dd/MM/yyyy, other cells as Excel displays them (in Vietnamese). */
	private static final class DatesAsDays extends DataFormatter {

		DatesAsDays() {
			super(Locale.forLanguageTag("vi"));
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DATE.format(DateUtil.getLocalDateTime(value).toLocalDate());
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

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
					if (rows.size() == MAX_ROWS) {
						throw new TooLarge("member.import.tooLarge.rows", MAX_ROWS);
					}
					rows.add(row);
				}
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return new Spreadsheet((headings != null) ? headings : List.of(), rows);
	}

	private static long count(String line, char c) {
		return line.chars().filter((ch) -> ch == c).count();
	}

}
