package vn.chibo.member.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.member.Gender;
import vn.chibo.member.MemberDetails;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.print.OfficeFiles;

/**
 * Writes member spreadsheets in the import layout — the template a committee fills in,
 * and the export of a filtered list — so that an export can be imported again. Headings
 * are the screen labels of the locale.
 */
@Component
public class MemberWorkbook {

	private final MessageSource messages;

	MemberWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] template(Locale locale, String exampleBranch) {
		var example = new MemberDetails(0, "Nguyễn Thị Thu Hà", "Nguyễn", "Thị Thu", "Hà", Gender.FEMALE,
				LocalDate.of(1990, 5, 19), "Hà Tĩnh", "Hà Tĩnh", "Kinh", "Không", "042190000123", "0912345678", null,
				"Kiểm tra viên hải quan", "12/12", "Cử nhân Luật", TheoryLevel.ELEMENTARY, "01234567", "HT123456",
				LocalDate.of(2015, 3, 26), LocalDate.of(2016, 3, 26), MemberStatus.OFFICIAL, 0, exampleBranch, null,
				null, null, null, null, 0);
		return write(locale, List.of(example), true);
	}

	public byte[] export(Locale locale, List<MemberDetails> members) {
		return write(locale, members, false);
	}

	private byte[] write(Locale locale, List<MemberDetails> members, boolean withGuide) {
		try (var workbook = new SXSSFWorkbook(200); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet(text(locale, "member.workbook.sheet"));
			var bold = workbook.createCellStyle();
			var font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			var text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			var heading = sheet.createRow(0);
			var columns = MemberColumn.values();
			for (var c = 0; c < columns.length; c++) {
				var cell = heading.createCell(c);
				cell.setCellValue(text(locale, columns[c].labelKey()));
				cell.setCellStyle(bold);
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, 18 * 256);
			}
			var r = 1;
			for (var member : members) {
				var row = sheet.createRow(r++);
				for (var c = 0; c < columns.length; c++) {
					var value = value(locale, columns[c], member);
					if (value != null) {
						var cell = row.createCell(c);
						cell.setCellValue(value);
						cell.setCellStyle(text);
					}
				}
			}
			if (withGuide) {
				guide(workbook.createSheet(text(locale, "member.workbook.guide")), locale, bold);
			}
			workbook.write(out);
			workbook.close();
			return OfficeFiles.reproducible(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void guide(Sheet sheet, Locale locale, CellStyle bold) {
		var heading = sheet.createRow(0);
		heading.createCell(0).setCellValue(text(locale, "member.workbook.column"));
		heading.createCell(1).setCellValue(text(locale, "member.workbook.required"));
		heading.createCell(2).setCellValue(text(locale, "member.workbook.format"));
		heading.forEach((cell) -> cell.setCellStyle(bold));
		var r = 1;
		for (var column : MemberColumn.values()) {
			var row = sheet.createRow(r++);
			row.createCell(0).setCellValue(text(locale, column.labelKey()));
			row.createCell(1).setCellValue(column.required ? text(locale, "member.workbook.yes") : "");
			row.createCell(2).setCellValue(text(locale, "member.workbook.format." + column.field));
		}
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(2, 90 * 256);
	}

	private @Nullable String value(Locale locale, MemberColumn column, MemberDetails m) {
		return switch (column) {
			case FULL_NAME -> m.fullName();
			case GENDER -> text(locale, "member.gender." + m.gender());
			case DATE_OF_BIRTH -> date(m.dateOfBirth());
			case BIRTH_PLACE -> m.birthPlace();
			case HOMETOWN -> m.hometown();
			case ETHNICITY -> m.ethnicity();
			case RELIGION -> m.religion();
			case CITIZEN_ID -> m.citizenId();
			case PHONE -> m.phone();
			case EMAIL -> m.email();
			case JOB_TITLE -> m.jobTitle();
			case GENERAL_EDUCATION -> m.generalEducation();
			case QUALIFICATION -> m.qualification();
			case THEORY_LEVEL -> text(locale, "member.theory." + m.theoryLevel());
			case CARD_NO -> m.cardNo();
			case DOSSIER_NO -> m.dossierNo();
			case ADMISSION_DATE -> date(m.admissionDate());
			case OFFICIAL_DATE -> date(m.officialDate());
			case BRANCH -> m.branchName();
			case NOTES -> m.notes();
		};
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return (date != null)
				? String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()) : null;
	}

	private String text(Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
