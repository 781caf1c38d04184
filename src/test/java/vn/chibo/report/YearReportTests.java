package vn.chibo.report;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.shared.print.ReportDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class YearReportTests {

	@Autowired
	YearReport report;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String text(ReportDocument document) {
		var all = new StringBuilder();
		for (var section : document.sections()) {
			all.append(section.heading()).append('\n');
			section.paragraphs().forEach((p) -> all.append(p).append('\n'));
			section.table().forEach((row) -> all.append(String.join(" | ", row)).append('\n'));
		}
		return all.toString();
	}

	@Test
	void theYearsFiguresComeFromTheRecordsInThePartyLayoutAsPdfAndDocx() throws Exception {
		var office = demo.user("vanphong");
		var document = report.report(office, 2024);
		var handedIn = count(
				"""
						select count(*) from study_reflection r join study_session s on s.committee_id = r.committee_id
						and s.id = r.session_id where extract(year from s.held_on) = 2024 and r.status in ('SUBMITTED', 'GRADED')
						""");
		var failed = count("""
				select count(*) from study_reflection r join study_session s on s.committee_id = r.committee_id
				and s.id = r.session_id where extract(year from s.held_on) = 2024 and r.grade = 'FAIL'
				""");
		var sessions = count("select count(*) from study_session where extract(year from held_on) = 2024");
		assertThat(handedIn).isPositive();
		var study = document.sections().getFirst();
		assertThat(study.heading()).isEqualTo("I. HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT");
		// The total row: sessions, …, handed in, …, failed.
		var total = study.table().getLast();
		assertThat(total.getFirst()).isEqualTo("Cộng");
		assertThat(total.get(1)).isEqualTo(String.valueOf(sessions));
		assertThat(total.get(5)).isEqualTo(String.valueOf(handedIn));
		assertThat(total.get(9)).isEqualTo(String.valueOf(failed));
		assertThat(study.table()).hasSize(2 + 8);
		var all = text(document);
		assertThat(all).contains("Đảng viên đã nộp " + handedIn + " bài thu hoạch",
				"Hội thi Bí thư chi bộ giỏi năm 2024", "Giải Nhất: ", "Giải thưởng hội thi", "V. THI ĐUA, KHEN THƯỞNG");
		assertThat(document.issuer()).isEqualTo("ĐẢNG BỘ CỤC HẢI QUAN TỈNH HÀ TĨNH");
		assertThat(document.signFor()).isEqualTo("T/M ĐẢNG ỦY");

		// The 2025 intermediate theory course: planned and completed as the plan records
		// them.
		var completed = count("""
				select count(*) from training_enrolment e join training_course c on c.committee_id = e.committee_id
				and c.id = e.course_id where e.plan_year = 2025 and c.kind = 'THEORY' and c.level = 'INTERMEDIATE'
				and e.status = 'COMPLETED'
				""");
		assertThat(completed).isPositive();
		assertThat(text(report.report(office, 2025)))
			.containsPattern("Lý luận chính trị — Trung cấp \\| \\d+ \\| " + completed + "\n");

		var pdf = mvc.get().uri("/reports/year/2024.pdf").with(user(office)).exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		try (var read = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			var text = new PDFTextStripper().getText(read);
			assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Hội thi Bí thư chi bộ giỏi năm 2024");
		}
		var docx = mvc.get().uri("/reports/year/2024.docx").with(user(office)).exchange();
		assertThat(docx).hasStatusOk();
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
				var extractor = new XWPFWordExtractor(word)) {
			assertThat(extractor.getText()).contains("ĐẢNG CỘNG SẢN VIỆT NAM",
					"Đảng viên đã nộp " + handedIn + " bài thu hoạch");
			assertThat(word.getParagraphs()).filteredOn((p) -> p.getText().startsWith("I. HỌC TẬP"))
				.singleElement()
				.satisfies((p) -> assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.LEFT));
		}
		assertThat(mvc.get().uri("/reports/year?year=2024").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Đảng viên đã nộp " + handedIn + " bài thu hoạch");
	}

	@Test
	void aSecretarysReportHoldsItsBranchOnlyAndMembersGetNone() {
		var secretary = report.report(demo.user("bithu.cb01"), 2024);
		var study = secretary.sections().getFirst();
		assertThat(study.table()).hasSize(3);
		assertThat(study.table().get(1).getFirst()).isEqualTo("Chi bộ Hải quan CKQT Cầu Treo");
		assertThat(secretary.signFor()).isEqualTo("T/M CHI BỘ");
		assertThat(text(secretary)).doesNotContain("Chi bộ Hải quan CK Cảng Vũng Áng");
		for (var login : List.of("dangvien.cb01", "captren")) {
			assertThat(mvc.get().uri("/reports/year").with(user(demo.user(login)))).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/reports/year/2024.pdf").with(user(demo.user(login)))).as(login).hasStatus(403);
		}
		assertThat(mvc.get().uri("/api/v1/reports/year/2024").with(user(demo.user("dangvien.cb01")))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/reports/year/2024").with(user(demo.user("bithu.cb01")))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.sections[0].table[1][0]")
			.isEqualTo("Chi bộ Hải quan CKQT Cầu Treo");
		assertThat(mvc.get().uri("/reports/year/1800.docx").with(user(demo.user("vanphong")))).hasStatus(422);
	}

}
