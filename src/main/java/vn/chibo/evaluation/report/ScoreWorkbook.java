package vn.chibo.evaluation.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.shared.security.CurrentUser;

import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.shared.sql.SqlArrays;
import vn.chibo.shared.print.OfficeFiles;

/**
 * The year's scores of the branches a user sees as an XLSX workbook (docs/domain.md §6):
 * per meeting, per branch and quarter, per branch and year — headings in the user's
 * language.
 */
@Service
@Transactional(readOnly = true)
public class ScoreWorkbook {

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	private final EvaluationQueries queries;

	private final MessageSource messages;

	ScoreWorkbook(JdbcClient jdbc, MeetingQueries meetings, EvaluationQueries queries, MessageSource messages) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.queries = queries;
		this.messages = messages;
	}

	private record Row(String branch, LocalDate date, String kind, String rubric, int version, double total, double max,
			double percent, String level) {
	}

	public byte[] export(CurrentUser user, int year, @Nullable Long branchId, Locale locale) {
		var branches = queries.branches(user, branchId);
		var ids = SqlArrays.ids(branches, (b) -> b.id());
		var rows = branches.isEmpty() ? List.<Row>of() : jdbc.sql("""
				select o.name, s.scheduled_on, s.kind, r.code, r.version, s.total, s.max, s.percent, s.level
				from meeting_score s join org_unit o on o.committee_id = s.committee_id and o.id = s.branch_id
				join rubric r on r.committee_id = s.committee_id and r.id = s.rubric_id
				where s.committee_id = :c and s.branch_id = any(cast(:branches as bigint[]))
				and extract(year from s.scheduled_on) = :year order by o.code, s.scheduled_on
				""")
			.param("c", user.committeeId())
			.param("branches", ids)
			.param("year", year)
			.query((rs, row) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getString(9)))
			.list();
		var dashboard = queries.dashboard(user, year, branchId);
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var meetingsSheet = workbook.createSheet(text("scores.sheet.meetings", locale));
			header(meetingsSheet, locale, "member.branch", "meeting.scheduledOn", "meeting.kind", "scores.rubric",
					"scores.points", "scores.max", "scores.percent", "scores.level");
			var r = 1;
			for (var row : rows) {
				var line = meetingsSheet.createRow(r++);
				line.createCell(0).setCellValue(row.branch());
				line.createCell(1).setCellValue(row.date().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
				line.createCell(2).setCellValue(text("meeting.kind." + row.kind(), locale));
				line.createCell(3).setCellValue(row.rubric() + " v" + row.version());
				line.createCell(4).setCellValue(row.total());
				line.createCell(5).setCellValue(row.max());
				line.createCell(6).setCellValue(row.percent());
				line.createCell(7).setCellValue(text("evaluation.level." + row.level(), locale));
			}
			var quarters = workbook.createSheet(text("scores.sheet.quarters", locale));
			header(quarters, locale, "member.branch", "dashboard.quarter", "scores.meetings", "scores.percent",
					"scores.level");
			r = 1;
			for (var branch : branches) {
				for (var q = 1; q <= 4; q++) {
					var quarter = q;
					var inQuarter = rows.stream()
						.filter((x) -> x.branch().equals(branch.name()) && x.kind().equals("REGULAR")
								&& (x.date().getMonthValue() - 1) / 3 + 1 == quarter && !x.level().equals("PASS")
								&& !x.level().equals("FAIL"))
						.toList();
					var line = quarters.createRow(r++);
					line.createCell(0).setCellValue(branch.name());
					line.createCell(1).setCellValue(q);
					line.createCell(2).setCellValue(inQuarter.size());
					if (!inQuarter.isEmpty()) {
						var mean = Math.round(inQuarter.stream().mapToDouble(Row::percent).average().orElse(0) * 10)
								/ 10.0;
						line.createCell(3).setCellValue(mean);
						line.createCell(4)
							.setCellValue(text("evaluation.level." + EvaluationQueries.levelOf(mean), locale));
					}
				}
			}
			var years = workbook.createSheet(text("scores.sheet.year", locale));
			header(years, locale, "member.branch", "scores.percent", "scores.level", "scores.weakMonths",
					"scores.skippedMonths");
			r = 1;
			for (var row : dashboard.rows()) {
				var line = years.createRow(r++);
				line.createCell(0).setCellValue(row.branchName());
				if (row.meanPercent() != null) {
					line.createCell(1).setCellValue(row.meanPercent());
				}
				if (row.level() != null) {
					line.createCell(2).setCellValue(text("evaluation.level." + row.level(), locale));
				}
				line.createCell(3).setCellValue(row.weakMonths());
				line.createCell(4).setCellValue(row.skippedMonths());
			}
			for (var sheet : List.of(meetingsSheet, quarters, years)) {
				sheet.setColumnWidth(0, 40 * 256);
			}
			workbook.write(out);
			return OfficeFiles.reproducible(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void header(Sheet sheet, Locale locale, String... keys) {
		var row = sheet.createRow(0);
		for (var i = 0; i < keys.length; i++) {
			row.createCell(i).setCellValue(text(keys[i], locale));
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
