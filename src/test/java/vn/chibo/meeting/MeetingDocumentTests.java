package vn.chibo.meeting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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
	DemoUsers demo;

	@Autowired
	MockMvcTester mvc;

	@Test
	void draftsAreAttachedCheckedByContentAndSharedWithTheMembers() {
		var secretary = demo.user("bithu.cb04");
		var member = demo.user("dangvien.cb04");
		var form = new MeetingForm();
		form.setBranchId(demo.branchId("CB04"));
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
		assertThat(steps.get(1).doneBy()).isEqualTo("bithu.cb04");
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
		assertThatThrownBy(() -> documents.upload(demo.user("bithu.cb03"), id, DocumentKind.OTHER, "x.pdf", PDF))
			.isInstanceOf(NotFoundException.class);
		assertThat(mvc.get().uri("/meetings/{id}/documents/{d}", id, resolution).with(user(demo.user("dangvien.cb03"))))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.multipart()
			.uri("/meetings/{id}/documents", id)
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
			.param("kind", "OTHER")
			.with(user(member))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
	}

}
