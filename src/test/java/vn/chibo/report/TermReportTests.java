package vn.chibo.report;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The term report for the congress (docs/domain.md §12): the figures of the term's years,
 * in total and beside the previous term's, each rebuilt here by a query of its own over
 * the demo; the terms the office records; the documents in the Party's layout; who reads
 * it.
 */
@ChiboTest
class TermReportTests {

	@Autowired
	TermReport report;

	@Autowired
	Terms terms;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private long count(String sql, long committeeId) {
		return jdbc.sql(sql).param("c", committeeId).query(Long.class).single();
	}

	private Terms.Term term(long committeeId, int first) {
		return terms.list(committeeId).stream().filter((t) -> t.firstYear() == first).findFirst().orElseThrow();
	}

	/**
	 * The row of a figure in the term's tables: label, the years, the term, the term
	 * before.
	 */
	private static List<String> row(ReportDocument document, String label) {
		return document.sections()
			.stream()
			.flatMap((s) -> s.table().stream())
			.filter((r) -> r.getFirst().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + label));
	}

	@Test
	void theTermsFiguresYearByYearAndInTotalAgreeWithTheRecords() {
		var office = demo.user("vanphong");
		var c = office.committeeId();
		var term = term(c, 2020);
		var document = report.report(office, term);
		assertThat(document.title()).isEqualTo("BÁO CÁO CHÍNH TRỊ");
		assertThat(document.subtitle()).contains("nhiệm kỳ 2020–2025", "nhiệm kỳ 2025–2030");
		var head = document.sections().get(1).table().getFirst();
		assertThat(head).containsExactly("Chỉ tiêu", "2020", "2021", "2022", "2023", "2024", "2025",
				"Cả nhiệm kỳ 2020–2025", "Nhiệm kỳ 2015–2020");

		var admitted = row(document, "Kết nạp đảng viên");
		for (var year = 2020; year <= 2025; year++) {
			assertThat(admitted.get(year - 2019)).as("admitted in " + year)
				.isEqualTo(String.valueOf(count("select count(*) from member where committee_id = :c"
						+ " and extract(year from admission_date) = " + year, c)));
		}
		assertThat(admitted.get(7)).isEqualTo(String.valueOf(count(
				"select count(*) from member where committee_id = :c and admission_date between '2020-01-01' and '2025-12-31'",
				c)));
		// The congress year opens the new term: the term before counts 2015–2019.
		assertThat(admitted.get(8)).isEqualTo(String.valueOf(count(
				"select count(*) from member where committee_id = :c and admission_date between '2015-01-01' and '2019-12-31'",
				c)));
		// Members at the end of the term: a state, not a sum.
		assertThat(row(document, "Đảng viên cuối năm").get(7)).isEqualTo(String.valueOf(count("""
				select count(*) from member where committee_id = :c and admission_date <= '2025-12-31'
				and (left_on is null or left_on > '2025-12-31')
				""", c)));

		var regular = count("""
				select count(*) from meeting where committee_id = :c and status = 'HELD' and kind = 'REGULAR'
				and scheduled_on between '2020-01-01' and '2025-12-31'
				""", c);
		assertThat(regular).isPositive();
		assertThat(row(document, "Cuộc sinh hoạt thường kỳ").get(7)).isEqualTo(String.valueOf(regular));
		// Meetings rated Không đạt under 12-HD/BTCTW, by year.
		var failed = row(document, "Lượt sinh hoạt Không đạt (khung 12-HD/BTCTW)");
		for (var year = 2020; year <= 2025; year++) {
			var n = count("select count(*) from meeting_score where committee_id = :c and level = 'FAIL'"
					+ " and extract(year from scheduled_on) = " + year, c);
			assertThat(failed.get(year - 2019)).as("failed in " + year).isEqualTo(String.valueOf(n));
		}
		// The seed's figures of the term before: 5 advanced and 13 intermediate
		// graduates.
		assertThat(row(document, "Hoàn thành cao cấp, cử nhân lý luận").get(8)).isEqualTo(String.valueOf(count("""
				select count(*) from training_enrolment e join training_course k on k.committee_id = e.committee_id
				and k.id = e.course_id where e.committee_id = :c and e.status = 'COMPLETED' and k.kind = 'THEORY'
				and k.level in ('ADVANCED', 'BACHELOR') and e.plan_year between 2015 and 2019
				""", c))).isEqualTo("5");
		assertThat(row(document, "Hoàn thành trung cấp lý luận").get(8)).isEqualTo("13");
		// Members rated at the top level, summed over the term's years.
		assertThat(row(document, "Lượt đảng viên hoàn thành xuất sắc nhiệm vụ").get(7))
			.isEqualTo(String.valueOf(count("""
					select count(*) from member_review where committee_id = :c and final_level = 'EXCELLENT'
					and year between 2020 and 2025
					""", c)));
		// Study sessions, awards to members and collectives, programme inspections and
		// those disciplined: each year against its own count.
		for (var year = 2020; year <= 2025; year++) {
			var column = year - 2019;
			assertThat(row(document, "Hội nghị học tập, quán triệt").get(column)).as("sessions " + year)
				.isEqualTo(String.valueOf(count("select count(*) from study_session where committee_id = :c"
						+ " and extract(year from held_on) = " + year, c)));
			assertThat(row(document, "Khen thưởng cá nhân").get(column)).as("awards " + year)
				.isEqualTo(
						String.valueOf(count(
								"select count(*) from award where committee_id = :c"
										+ " and member_id is not null and extract(year from decided_on) = " + year,
								c)));
			assertThat(row(document, "Khen thưởng tập thể").get(column)).as("collective awards " + year)
				.isEqualTo(String.valueOf(count("select count(*) from award where committee_id = :c"
						+ " and member_id is null and extract(year from decided_on) = " + year, c)));
			assertThat(row(document, "Cuộc kiểm tra, giám sát theo chương trình").get(column)).as("planned " + year)
				.isEqualTo(String
					.valueOf(count("select count(*) from inspection where committee_id = :c and year = " + year, c)));
			assertThat(row(document, "Đảng viên, tổ chức bị kỷ luật").get(column)).as("disciplined " + year)
				.isEqualTo(String.valueOf(count("select count(*) from discipline_case where committee_id = :c"
						+ " and form <> 'NONE' and coalesce(appeal_outcome, '') <> 'ANNULLED'"
						+ " and extract(year from decided_on) = " + year, c)));
		}
		assertThat(document.sections().get(0).paragraphs().getFirst())
			.contains("Nhiệm kỳ 2020–2025, kết nạp " + admitted.get(7) + " đảng viên mới")
			.contains("(Nhiệm kỳ 2015–2020: cao cấp 5, trung cấp 13 đồng chí");
		// Each year's figure leads to that year's report.
		var members = document.sections().get(1);
		assertThat(members.link(2, 3)).isEqualTo("/reports/year?year=2022");
		assertThat(document.sections()).extracting(ReportDocument.Section::heading)
			.contains("II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025–2030");
	}

	@Test
	void theTermReportPrintsInThePartyLayoutAndOnlyReadersReadIt() throws Exception {
		var office = demo.user("vanphong");
		var term = term(office.committeeId(), 2020);
		assertThat(mvc.get().uri("/reports/term").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Báo cáo tổng kết nhiệm kỳ 2020–2025", "Nhiệm kỳ 2015–2020")
			// The seed's own words on the term before, written as the term's text.
			.doesNotContain("Ở một số chi bộ, nội dung sinh hoạt đôi khi còn lẫn lộn");
		assertThat(mvc.get().uri("/reports/term?term=" + term(office.committeeId(), 2015).id()).with(user(office)))
			.hasStatusOk()
			.bodyText()
			.contains("Ở một số chi bộ, nội dung sinh hoạt đôi khi còn lẫn lộn", "Bốn là, xây dựng đội ngũ");
		var pdf = mvc.get().uri("/reports/term/" + term.id() + ".pdf").with(user(office)).exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		try (var read = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(read)).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO CHÍNH TRỊ",
					"T/M ĐẢNG ỦY", "Kết nạp đảng viên");
		}
		var docx = mvc.get().uri("/reports/term/" + term.id() + ".docx").with(user(office)).exchange();
		assertThat(docx).hasStatusOk();
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
				var extractor = new XWPFWordExtractor(word)) {
			assertThat(extractor.getText()).contains("BÁO CÁO CHÍNH TRỊ", "Cả nhiệm kỳ 2020–2025",
					"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025–2030");
		}
		// A secretary's term report is the branch's, without inspection; a member and
		// the observer read none; another committee's term is not found.
		var secretary = report.report(demo.user("bithu.cb01"), term);
		assertThat(secretary.signFor()).isEqualTo("T/M CHI BỘ");
		assertThat(secretary.sections()).extracting(ReportDocument.Section::heading)
			.noneMatch((h) -> h.contains("Kiểm tra, giám sát"));
		for (var login : List.of("dangvien.cb01", "captren")) {
			assertThat(mvc.get().uri("/reports/term").with(user(demo.user(login)))).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/reports/term/" + term.id() + ".pdf").with(user(demo.user(login)))).as(login)
				.hasStatus(403);
			assertThat(mvc.get().uri("/api/v1/reports/term/" + term.id()).with(user(demo.user(login)))).as(login)
				.hasStatus(403);
		}
		assertThat(mvc.get().uri("/reports/term?term=987654321").with(user(office))).hasStatus(404);
		// Another committee's office finds none of this committee's terms, nor its texts.
		var foreign = new CurrentUser(0, demo.user("captren").committeeId(), "vp.khac", "", "Văn phòng khác",
				Role.OFFICE, demo.user("captren").scopeOrganizationId(), null, true, false);
		assertThat(mvc.get().uri("/reports/term?term=" + term.id()).with(user(foreign))).hasStatus(404);
		assertThat(mvc.get().uri("/reports/term/" + term.id() + ".pdf").with(user(foreign))).hasStatus(404);
		assertThat(mvc.get().uri("/reports/term/" + term.id() + "/text").with(user(foreign))).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/reports/terms").with(user(foreign))).hasStatusOk()
			.bodyText()
			.doesNotContain("\"firstYear\":2020");
		assertThat(mvc.get().uri("/api/v1/reports/terms").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("\"firstYear\":2020,\"lastYear\":2025");
	}

	@Test
	void theOfficeRecordsATermAndOverlapsOrBadYearsAreRefused() {
		var people = fixtures.people();
		var office = people.committee().office();
		assertThat(mvc.post()
			.uri("/reports/term")
			.with(user(office))
			.with(csrf())
			.param("firstYear", "2020")
			.param("lastYear", "2025")).hasStatus3xxRedirection().flash().containsKey("flashSuccess");
		// It overlaps the term just recorded.
		assertThat(mvc.post()
			.uri("/reports/term")
			.with(user(office))
			.with(csrf())
			.param("firstYear", "2022")
			.param("lastYear", "2027")).hasStatus3xxRedirection().flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/reports/term")
			.with(user(office))
			.with(csrf())
			.param("firstYear", "99999999999")
			.param("lastYear", "2027")).hasStatus3xxRedirection().flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/reports/term")
			.with(user(office))
			.with(csrf())
			.param("firstYear", "2040")
			.param("lastYear", "2035")).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/reports/term")
			.with(user(people.secretary()))
			.with(csrf())
			.param("firstYear", "2040")
			.param("lastYear", "2045")).hasStatus(403);
		assertThat(terms.list(office.committeeId())).hasSize(1);
		assertThat(mvc.post()
			.uri("/reports/term")
			.with(user(office))
			.with(csrf())
			.param("firstYear", "2040")
			.param("lastYear", "2045")
			.param("congressOn", "12/6/2040")).hasStatus3xxRedirection().flash().containsKey("flashSuccess");
		assertThat(terms.list(office.committeeId())).hasSize(2);
		assertThat(jdbc
			.sql("select count(*) from audit_event where committee_id = :c and entity_type = 'partyTerm'"
					+ " and action = 'create'")
			.param("c", office.committeeId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
