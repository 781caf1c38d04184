package vn.chibo.report;

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import vn.chibo.Fixtures;
import vn.chibo.meeting.AttendanceStatus;
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
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/**
	 * A count of the demo committee's rows (other tests write to committees of their
	 * own).
	 */
	private long count(String sql) {
		return jdbc.sql(sql).param("c", demo.user("vanphong").committeeId()).query(Long.class).single();
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

	/** The section whose heading ends so ("3. Học tập, …" ends "Học tập, …"). */
	static ReportDocument.Section section(ReportDocument document, String heading) {
		return document.sections()
			.stream()
			.filter((s) -> s.heading().endsWith(heading))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no section " + heading));
	}

	@Test
	void theYearsFiguresComeFromTheRecordsInThePartyLayoutAsPdfAndDocx() throws Exception {
		var office = demo.user("vanphong");
		var document = report.report(office, 2024);
		var handedIn = count("""
				select count(*) from study_reflection r join study_session s on s.committee_id = r.committee_id
				and s.id = r.session_id where r.committee_id = :c and extract(year from s.held_on) = 2024
				and r.status in ('SUBMITTED', 'GRADED')
				""");
		var failed = count("""
				select count(*) from study_reflection r join study_session s on s.committee_id = r.committee_id
				and s.id = r.session_id where r.committee_id = :c and extract(year from s.held_on) = 2024
				and r.grade = 'FAIL'
				""");
		var sessions = count(
				"select count(*) from study_session where committee_id = :c and extract(year from held_on) = 2024");
		assertThat(handedIn).isPositive();
		var study = section(document, "Học tập, quán triệt nghị quyết");
		assertThat(study.heading()).isEqualTo("3. Học tập, quán triệt nghị quyết");
		// The total row: sessions, …, handed in, …, failed.
		var total = study.table().getLast();
		assertThat(total.getFirst()).isEqualTo("Cộng");
		assertThat(total.get(1)).isEqualTo(String.valueOf(sessions));
		assertThat(total.get(5)).isEqualTo(String.valueOf(handedIn));
		assertThat(total.get(9)).isEqualTo(String.valueOf(failed));
		assertThat(study.table()).hasSize(2 + 8);
		var all = text(document);
		assertThat(all).contains("Đảng viên đã nộp " + handedIn + " bài thu hoạch",
				"Hội thi Bí thư chi bộ giỏi năm 2024", "Giải Nhất: ", "Giải thưởng hội thi", "Thi đua, khen thưởng",
				"I. KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2024", "II. ĐÁNH GIÁ CHUNG",
				"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025");
		assertThat(document.issuer()).isEqualTo("ĐẢNG BỘ CỤC HẢI QUAN TỈNH HÀ TĨNH");
		assertThat(document.signFor()).isEqualTo("T/M ĐẢNG ỦY");

		// The 2025 intermediate theory course: planned and completed as the plan records
		// them.
		var completed = jdbc.sql("""
				select count(*) from training_enrolment e join training_course c on c.committee_id = e.committee_id
				and c.id = e.course_id where e.committee_id = :c and e.plan_year = 2025 and c.kind = 'THEORY'
				and c.level = 'INTERMEDIATE' and e.status = 'COMPLETED'
				""").param("c", office.committeeId()).query(Long.class).single();
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
			assertThat(word.getParagraphs()).filteredOn((p) -> p.getText().startsWith("3. Học tập"))
				.singleElement()
				.satisfies((p) -> assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.LEFT));
		}
		assertThat(mvc.get().uri("/reports/year?year=2024").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Đảng viên đã nộp " + handedIn + " bài thu hoạch");
	}

	@Test
	void theYearsMeetingsAndTheirQualityAgreeWithTheRecordsAndLinkToTheirLists() {
		var office = demo.user("vanphong");
		var meetings = section(report.report(office, 2025), "Sinh hoạt chi bộ và chất lượng sinh hoạt");
		var held = jdbc
			.sql("""
					select count(*) filter (where kind = 'REGULAR'), count(*) filter (where kind = 'THEMATIC')
					from meeting where committee_id = :c and status = 'HELD' and scheduled_on between '2025-01-01' and '2025-12-31'
					""")
			.param("c", office.committeeId())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		var attendance = jdbc.sql("""
				select count(*) filter (where a.status in ('PRESENT', 'LATE')), count(*) from meeting_attendance a
				join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
				where g.committee_id = :c and g.status = 'HELD' and g.scheduled_on between '2025-01-01' and '2025-12-31'
				and a.status is not null and not a.exempted and not a.temporary_out
				""")
			.param("c", office.committeeId())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		var levels = jdbc.sql("""
				select count(*) filter (where level = 'GOOD'), count(*) filter (where level = 'PASS'),
				count(*) filter (where level = 'FAIL') from meeting_score where committee_id = :c
				and scheduled_on between '2025-01-01' and '2025-12-31'
				""")
			.param("c", office.committeeId())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		assertThat(held[0]).isPositive();
		var vi = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi"));
		assertThat(meetings.paragraphs().getFirst()).contains(
				"tổ chức " + held[0] + " cuộc sinh hoạt thường kỳ, " + held[1] + " cuộc sinh hoạt chuyên đề",
				"(" + vi.format(attendance[0]) + "/" + vi.format(attendance[1]) + " lượt)");
		assertThat(meetings.paragraphs().get(1)).contains("có " + levels[0] + " cuộc Tốt",
				levels[1] + " cuộc Đạt, " + levels[2] + " cuộc Không đạt");
		// Each branch's row: the branch's meetings of the year, and its evaluation.
		var branch = demo.branchId("CB01");
		assertThat(meetings.table().get(1).getFirst()).isEqualTo("Chi bộ Hải quan CKQT Cầu Treo");
		assertThat(meetings.link(1, 1)).isEqualTo("/meetings?year=2025&branchId=" + branch);
		assertThat(meetings.link(1, 5)).isEqualTo("/evaluation?year=2025&branchId=" + branch);
		assertThat(mvc.get().uri("/reports/year?year=2025").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("href=\"/meetings?year=2025&amp;branchId=" + branch + "\"",
					"href=\"/classification/branches/" + branch + "?year=2025\"");
	}

	@Test
	void aSecretarysReportHoldsItsBranchOnlyAndMembersGetNone() {
		// Both branches met in 2024.
		var people = fixtures.people();
		fixtures.held(people.committee(), people.branch(), LocalDate.of(2024, 5, 10),
				Map.of(people.secretary().memberId(), AttendanceStatus.PRESENT), true, List.of());
		fixtures.held(people.committee(), people.otherBranch(), LocalDate.of(2024, 5, 14),
				Map.of(people.otherSecretary().memberId(), AttendanceStatus.PRESENT), true, List.of());
		var secretary = report.report(people.secretary(), 2024);
		var meetings = section(secretary, "Sinh hoạt chi bộ và chất lượng sinh hoạt");
		assertThat(meetings.table()).extracting(List::getFirst).contains("Chi bộ Văn phòng");
		assertThat(secretary.signFor()).isEqualTo("T/M CHI BỘ");
		assertThat(text(secretary)).doesNotContain("Chi bộ Nghiệp vụ");
		// The committee's report holds both.
		assertThat(text(report.report(people.committee().office(), 2024))).contains("Chi bộ Văn phòng",
				"Chi bộ Nghiệp vụ");
		for (var login : List.of(people.member(), people.committee().observer())) {
			assertThat(mvc.get().uri("/reports/year").with(user(login))).as(login.displayName()).hasStatus(403);
			assertThat(mvc.get().uri("/reports/year/2024.pdf").with(user(login))).as(login.displayName())
				.hasStatus(403);
		}
		assertThat(mvc.get().uri("/api/v1/reports/year/2024").with(user(people.member()))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/reports/year/2024").with(user(people.secretary()))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.sections[*].table[*][0]")
			.asArray()
			.contains("Chi bộ Văn phòng")
			.doesNotContain("Chi bộ Nghiệp vụ");
		assertThat(mvc.get().uri("/reports/year/1800.docx").with(user(people.committee().office()))).hasStatus(422);
	}

}
