package vn.chibo.meeting;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.attendance.MeetingAttendance;

/**
 * The printed notice of a meeting, read back from the PDF (docs/domain.md §16): the
 * committee above the branch, "THÔNG BÁO" about the meeting with its time, place, who
 * attends, the agenda, signed "T/M CHI BỘ" by the secretary with "Nơi nhận"; opened in
 * the browser by a member of the branch, by nobody outside it.
 */
@ChiboTest
class MeetingNoticePrintTests {

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganizationQueries organizations;

	@Autowired
	Fixtures fixtures;

	@Test
	void theNoticeIsPrintedInThePartysLayout() throws Exception {
		var people = fixtures.people();
		var secretary = people.secretary();
		var vi = Locale.forLanguageTag("vi");
		var committee = organizations.grassroots(people.committee().id()).name().toUpperCase(vi);
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.of(2039, 4, 25));
		form.setStartsAt(LocalTime.of(14, 0));
		form.setPlace("Hội trường tầng 2");
		var id = meetings.schedule(secretary, form);
		attendance.addGuest(secretary, id, "Trần Văn Khách", "Đảng ủy viên phụ trách");
		var member = people.member();
		var result = mvc.get().uri("/meetings/{id}/notice.pdf", id).with(user(member)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
		// Kept beside the screenshots, to be looked at.
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/meeting-notice.pdf"), result.getResponse().getContentAsByteArray());
		try (var pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			var stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			var text = stripper.getText(pdf);
			var args = ReportDocuments.placeDate("", LocalDate.now());
			assertThat(text.lines())
				.anyMatch((l) -> l.contains("ngày " + args[1] + " tháng " + args[2] + " năm " + args[3]));
			// Read as one run of words: the title and the lines wrap where the page ends
			// them.
			var flat = text.replaceAll("\\s+", " ");
			assertThat(text).contains("CHI BỘ VĂN PHÒNG", "THÔNG BÁO").containsPattern("Số[\\s\\u00A0]+-TB/CB");
			assertThat(flat).contains(committee);
			assertThat(flat).contains("Về việc tổ chức sinh hoạt chi bộ thường kỳ tháng 4 năm 2039",
					"14 giờ 00 phút, ngày 25/04/2039", "Hội trường tầng 2", "Toàn thể đảng viên trong chi bộ",
					"Trần Văn Khách – Đảng ủy viên phụ trách", "Khai mạc");
			assertThat(flat.indexOf(committee)).isLessThan(flat.indexOf("THÔNG BÁO"));
			stripper.setStartPage(pdf.getNumberOfPages());
			stripper.setEndPage(pdf.getNumberOfPages());
			assertThat(stripper.getText(pdf)).contains("T/M CHI BỘ", "BÍ THƯ", "Nơi nhận:", "- Như thành phần;",
					"- Lưu Chi bộ.");
		}
		var docx = mvc.get().uri("/meetings/{id}/notice.docx", id).with(user(secretary)).exchange();
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()))) {
			assertThat(word.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
		}
		// Another branch reads nothing of it.
		assertThat(mvc.get().uri("/meetings/{id}/notice.pdf", id).with(user(people.otherMember())))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
