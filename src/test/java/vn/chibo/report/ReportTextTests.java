package vn.chibo.report;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The text parts of the reports (docs/domain.md §12): the office writes the year's
 * assessment and tasks with last year's text beside it, they print in parts II and III; a
 * secretary writes its branch's; a member writes none; too long is refused with nothing
 * kept.
 */
@ChiboTest
class ReportTextTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	YearReport report;

	@Autowired
	JdbcClient jdbc;

	private long audited(CurrentUser office) {
		return jdbc.sql("select count(*) from audit_event where committee_id = :c and entity_type = 'reportText'")
			.param("c", office.committeeId())
			.query(Long.class)
			.single();
	}

	@Test
	void theOfficeWritesTheYearsTextWithLastYearsAtHandAndItPrintsInPartsTwoAndThree() {
		var office = fixtures.committee().office();
		assertThat(mvc.post()
			.uri("/reports/year/2025/text")
			.with(user(office))
			.with(csrf())
			.param("shortcomings", "Nhiệm vụ chuyên môn tăng, đảng viên làm việc theo ca.")).hasStatus3xxRedirection();
		// Last year's text stands beside the form of the year after.
		assertThat(mvc.get().uri("/reports/year/2026/text").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Đã viết kỳ 2025", "Nhiệm vụ chuyên môn tăng, đảng viên làm việc theo ca.");
		var before = audited(office);
		// Typed in decomposed form, with spaces at line ends and blank lines around.
		var strengths = "\n Các chi bộ sinh hoạt đều đặn.  \n\nĐảng viên dự đông đủ.\n";
		assertThat(mvc.post()
			.uri("/reports/year/2026/text")
			.with(user(office))
			.with(csrf())
			.param("strengths", Normalizer.normalize(strengths, Normalizer.Form.NFD))
			.param("shortcomings", "Một số tháng sinh hoạt muộn.")
			.param("causes", "")
			.param("tasks", "Giữ nền nếp sinh hoạt.\nKiểm tra đúng chương trình.")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/reports/year?year=2026#year-report");
		var document = report.report(office, 2026);
		var strengthsSection = YearReportTests.section(document, "Ưu điểm");
		assertThat(strengthsSection.heading()).isEqualTo("1. Ưu điểm");
		assertThat(strengthsSection.paragraphs()).containsExactly("Các chi bộ sinh hoạt đều đặn.",
				"Đảng viên dự đông đủ.");
		assertThat(YearReportTests.section(document, "Nguyên nhân").paragraphs())
			.containsExactly("(Phần này chưa được viết.)");
		var tasks = YearReportTests.section(document, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027");
		assertThat(tasks.heading()).isEqualTo("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027");
		assertThat(tasks.paragraphs()).containsExactly("Giữ nền nếp sinh hoạt.", "Kiểm tra đúng chương trình.");
		var stored = jdbc.sql("""
				select strengths from report_text where kind = 'YEAR' and period = '2026' and organization_id = :o
				""").param("o", office.scopeOrganizationId()).query(String.class).single();
		assertThat(stored).isEqualTo("Các chi bộ sinh hoạt đều đặn.\n\nĐảng viên dự đông đủ.")
			.isNotEqualTo(Normalizer.normalize(stored, Normalizer.Form.NFD));
		assertThat(audited(office)).isEqualTo(before + 1);

		// Too long: the page again with the message by the field, nothing kept.
		assertThat(mvc.post()
			.uri("/reports/year/2026/text")
			.with(user(office))
			.with(csrf())
			.param("strengths", "x".repeat(20_001))
			.param("tasks", "Khác")).hasStatusOk().bodyText().contains("Ưu điểm: Tối đa 20.000 ký tự.");
		assertThat(YearReportTests.section(report.report(office, 2026), "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027").paragraphs())
			.containsExactly("Giữ nền nếp sinh hoạt.", "Kiểm tra đúng chương trình.");
		assertThat(mvc.post()
			.uri("/reports/year/2026/text")
			.with(user(office))
			.with(csrf())
			.param("strengths", "a\u0000b")).hasStatus4xxClientError();
	}

	@Test
	void aSecretaryWritesTheBranchsTextAMemberAndTheObserverNone() {
		var people = fixtures.people();
		var committee = people.committee();
		var secretary = people.secretary();
		assertThat(mvc.put()
			.uri("/api/v1/reports/year/2026/text")
			.with(user(secretary))
			.with(csrf())
			.contentType("application/json")
			.content("{\"strengths\":\"Chi bộ KSHQ hoàn thành nhiệm vụ chống buôn lậu.\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.signFor")
			.isEqualTo("T/M CHI BỘ");
		assertThat(YearReportTests.section(report.report(secretary, 2026), "Ưu điểm").paragraphs())
			.containsExactly("Chi bộ KSHQ hoàn thành nhiệm vụ chống buôn lậu.");
		// The branch's text is the branch's: not in the committee's report.
		assertThat(YearReportTests.section(report.report(committee.office(), 2026), "Ưu điểm").paragraphs())
			.doesNotContain("Chi bộ KSHQ hoàn thành nhiệm vụ chống buôn lậu.");
		for (var reader : List.of(people.member(), committee.observer())) {
			var login = reader.username();
			assertThat(mvc.post()
				.uri("/reports/year/2026/text")
				.with(user(reader))
				.with(csrf())
				.param("strengths", "Không được viết")).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/reports/year/2026/text").with(user(reader))).as(login).hasStatus(403);
		}
		// A committee member reads the report but writes none of it.
		assertThat(mvc.post()
			.uri("/reports/year/2026/text")
			.with(user(committee.committeeMember(people.otherSecretary().memberId())))
			.with(csrf())
			.param("strengths", "Không được viết")).hasStatus(403);
		assertThat(
				jdbc.sql("select count(*) from report_text where committee_id = :c and strengths = 'Không được viết'")
					.param("c", committee.id())
					.query(Long.class)
					.single())
			.isZero();
		assertThat(mvc.put()
			.uri("/api/v1/reports/year/2026/text")
			.with(user(secretary))
			.with(csrf())
			.contentType("application/json")
			.content("{\"tasks\":\"" + "y".repeat(20_001) + "\"}")).hasStatus(400);
	}

}
