package vn.chibo.report;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.evaluation.report.QualityReport;
import vn.chibo.shared.print.ReportDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Party's layout of the reports — the year report, the term report, the meeting
 * quality report — read back from the printed files (docs/domain.md §16): the date of the
 * place-date line on one line, the last page holding the end of the text with the
 * signature and "Nơi nhận", the DOCX on A4.
 */
@ChiboTest
class PrintLayoutTests {

	@Autowired
	YearReport yearReport;

	@Autowired
	TermReport termReport;

	@Autowired
	Terms terms;

	@Autowired
	QualityReport qualityReport;

	@Autowired
	DemoUsers demo;

	/** "ngày 05 tháng 12 năm 2026" as the place-date line writes today. */
	private static String today() {
		var args = ReportDocuments.placeDate("", LocalDate.now());
		return "ngày " + args[1] + " tháng " + args[2] + " năm " + args[3];
	}

	@Test
	void theDateNeverBreaksAndTheSignatureEndsTheTextWithItsRecipients() throws Exception {
		var office = demo.user("vanphong");
		var year = yearReport.report(office, 2024);
		var term = terms.list(office.committeeId())
			.stream()
			.filter((t) -> t.firstYear() == 2020)
			.findFirst()
			.orElseThrow();
		for (var pdf : new byte[][] { yearReport.pdf(office, 2024), termReport.pdf(office, term),
				qualityReport.pdf(qualityReport.report(office, 2025)) }) {
			try (var read = Loader.loadPDF(pdf)) {
				var stripper = new PDFTextStripper();
				stripper.setSortByPosition(true);
				var all = stripper.getText(read);
				assertThat(all.lines()).as("the date on one line").anyMatch((l) -> l.contains(today()));
				stripper.setStartPage(read.getNumberOfPages());
				stripper.setEndPage(read.getNumberOfPages());
				var last = stripper.getText(read);
				// The signature shares its page with the end of the text, and names the
				// recipients.
				assertThat(last).contains("T/M ĐẢNG ỦY", "BÍ THƯ", "Nơi nhận:", "(b/c);", "- Lưu Văn phòng Đảng ủy.");
				assertThat(last.lines().filter((l) -> !l.isBlank()).count()).isGreaterThan(8);
			}
		}
		var lastSection = year.sections().getLast();
		assertThat(lastSection.heading()).startsWith("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025");
		assertThat(year.recipients()).containsExactly("- Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh (b/c);",
				"- Lưu Văn phòng Đảng ủy.");
		try (var word = new XWPFDocument(new ByteArrayInputStream(yearReport.docx(office, 2024)));
				var extractor = new XWPFWordExtractor(word)) {
			var size = word.getDocument().getBody().getSectPr().getPgSz();
			assertThat(size.getW()).hasToString("11906");
			assertThat(size.getH()).hasToString("16838");
			assertThat(extractor.getText()).contains("Nơi nhận:", today().replace(' ', '\u00A0'));
		}
		// A branch's report is kept by the branch and sent to the committee.
		assertThat(yearReport.report(demo.user("bithu.cb01"), 2024).recipients())
			.containsExactly("- Đảng bộ Cục Hải quan tỉnh Hà Tĩnh (b/c);", "- Lưu Chi bộ.");
	}

}
