package vn.chibo.meeting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.meeting.preparation.MeetingDocuments;

/**
 * A meeting's documents: attached by the secretary, checked by their content, shared with
 * the branch's members, read in the browser — and nothing of them seen by another branch.
 * Each test on a committee of its own ({@link Fixtures}).
 */
@ChiboTest
class MeetingDocumentTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] DOCX = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 };

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingDocuments documents;

	@Autowired
	MeetingQueries queries;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	/**
	 * The first branch's secretary and member, the second branch's secretary and member.
	 */
	private record People(long branch, CurrentUser secretary, CurrentUser member, CurrentUser otherSecretary,
			CurrentUser otherMember) {
	}

	private People people() {
		var committee = fixtures.committee();
		var member = fixtures.member(committee, committee.branch(1), "Phan Thị Nguyệt", TheoryLevel.ELEMENTARY);
		var other = fixtures.member(committee, committee.branch(2), "Cao Văn Sơn", TheoryLevel.ELEMENTARY);
		return new People(committee.branch(1), committee.secretary(1), committee.memberLogin(1, member),
				committee.secretary(2), committee.memberLogin(2, other));
	}

	@Test
	void draftsAreAttachedCheckedByContentAndSharedWithTheMembers() {
		var people = people();
		var secretary = people.secretary();
		var member = people.member();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.of(2038, 2, 25));
		var id = meetings.schedule(secretary, form);

		assertThat(mvc.post()
			.multipart()
			.uri("/meetings/{id}/documents", id)
			.file(new MockMultipartFile("file", "Dự thảo nội dung tháng 2.pdf", "application/pdf", PDF))
			.param("kind", "DRAFT_CONTENT")
			.with(user(secretary))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(queries.preparation(secretary, id).get(1).done()).isFalse();
		// A text file named .pdf is refused by its content, naming the file.
		assertThatThrownBy(() -> documents.upload(secretary, id, DocumentKind.DRAFT_RESOLUTION, "nghi-quyet.pdf",
				"không phải PDF".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("document.file.type");
				assertThat(ex.arguments()).containsExactly("nghi-quyet.pdf");
			});
		var resolution = documents.upload(secretary, id, DocumentKind.DRAFT_RESOLUTION, "C:\\Văn bản\\Dự thảo NQ.docx",
				DOCX);
		var steps = queries.preparation(secretary, id);
		assertThat(steps.get(1).step()).isEqualTo(PreparationStep.DRAFTS_READY);
		assertThat(steps.get(1).done()).isTrue();
		assertThat(steps.get(1).doneBy()).isEqualTo(secretary.username());
		assertThat(queries.documents(secretary, id)).extracting(DocumentRow::fileName)
			.containsExactly("Dự thảo nội dung tháng 2.pdf", "Dự thảo NQ.docx");

		// Members see nothing until the documents are shared.
		assertThat(queries.documents(member, id)).isEmpty();
		assertThat(mvc.get().uri("/meetings/{id}/documents/{d}", id, resolution).with(user(member)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(documents.share(secretary, id)).isEqualTo(2);
		assertThat(queries.preparation(secretary, id).get(3).done()).isTrue();
		assertThatThrownBy(() -> documents.share(secretary, id)).isInstanceOf(BusinessRuleException.class);
		var download = mvc.get().uri("/meetings/{id}/documents/{d}", id, resolution).with(user(member)).exchange();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(DOCX);
		assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment")
			.contains("UTF-8''D%E1%BB%B1");
		assertThatThrownBy(() -> documents.delete(secretary, id, resolution)).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("document.delete.shared"));
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Dự thảo NQ.docx")
			.doesNotContain("attach-form");

		// Another branch neither sees nor attaches.
		assertThatThrownBy(() -> documents.upload(people.otherSecretary(), id, DocumentKind.OTHER, "x.pdf", PDF))
			.isInstanceOf(NotFoundException.class);
		assertThat(mvc.get().uri("/meetings/{id}/documents/{d}", id, resolution).with(user(people.otherMember())))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.multipart()
			.uri("/meetings/{id}/documents", id)
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
			.param("kind", "OTHER")
			.with(user(member))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aWordDocumentIsReadInTheBrowserAndAPdfOpensThere() throws Exception {
		var people = people();
		var secretary = people.secretary();
		var member = people.member();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.of(2038, 3, 25));
		var id = meetings.schedule(secretary, form);
		var word = new ByteArrayOutputStream();
		try (var docx = new XWPFDocument()) {
			var heading = docx.createParagraph();
			heading.setStyle("Heading1");
			heading.createRun().setText("Dự thảo nghị quyết tháng 3");
			var paragraph = docx.createParagraph();
			paragraph.createRun().setText("Chi bộ thống nhất <script>alert(1)</script> các chỉ tiêu ");
			var bold = paragraph.createRun();
			bold.setBold(true);
			bold.setText("100% đảng viên");
			var underlined = docx.createParagraph().createRun();
			underlined.setUnderline(UnderlinePatterns.SINGLE);
			underlined.setText("gạch chân");
			var table = docx.createTable(1, 2);
			table.getRow(0).getCell(0).setText("Chỉ tiêu");
			table.getRow(0).getCell(1).setText("Người thực hiện");
			docx.write(word);
		}
		var docId = documents.upload(secretary, id, DocumentKind.DRAFT_RESOLUTION, "Dự thảo NQ.docx",
				word.toByteArray());
		var pdfId = documents.upload(secretary, id, DocumentKind.DRAFT_CONTENT, "Dự thảo.pdf", PDF);
		// Not shared yet: the members cannot read it.
		assertThat(mvc.get().uri("/meetings/{id}/documents/{d}/read", id, docId).with(user(member)))
			.hasStatus(HttpStatus.NOT_FOUND);
		documents.share(secretary, id);
		var page = mvc.get().uri("/meetings/{id}/documents/{d}/read", id, docId).with(user(member)).exchange();
		assertThat(page).hasStatusOk();
		var html = Jsoup.parse(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(html.select("#document-text h2").text()).isEqualTo("Dự thảo nghị quyết tháng 3");
		assertThat(html.select("#document-text b").text()).isEqualTo("100% đảng viên");
		assertThat(html.select("#document-text u").eachText()).containsExactly("gạch chân");
		assertThat(html.select("#document-text td").eachText()).containsExactly("Chỉ tiêu", "Người thực hiện");
		assertThat(html.select("#document-text script")).isEmpty();
		assertThat(html.select("#document-text").text()).contains("<script>alert(1)</script>");
		assertThat(html.select("#download-document").attr("href")).isEqualTo("/meetings/" + id + "/documents/" + docId);
		// A PDF opens in the browser when asked; a Word file is always saved.
		var pdf = mvc.get().uri("/meetings/{id}/documents/{d}?inline=true", id, pdfId).with(user(member)).exchange();
		assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
		var saved = mvc.get().uri("/meetings/{id}/documents/{d}?inline=true", id, docId).with(user(member)).exchange();
		assertThat(saved.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		// Another branch's member reads nothing of it.
		assertThat(mvc.get().uri("/meetings/{id}/documents/{d}/read", id, docId).with(user(people.otherMember())))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
