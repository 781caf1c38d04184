package vn.chibo.library;

import java.awt.Color;
import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.TestDocuments;
import vn.chibo.TestImages;
import vn.chibo.shared.print.PdfDocuments;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class LibraryTests {

	@Autowired
	LibraryService library;

	@Autowired
	LibraryQueries queries;

	@Autowired
	LibrarySearch finder;

	@Autowired
	PdfDocuments pdf;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataSource dataSource;

	private byte[] pdfWith(String... paragraphs) {
		return TestDocuments.pdf(pdf, paragraphs);
	}

	private static byte[] docxWith(String text) throws IOException {
		return TestDocuments.docx(text);
	}

	private static LibraryForm form(String number, DocumentKind kind, LocalDate issued, String title) {
		var form = new LibraryForm();
		form.setNumber(number);
		form.setKind(kind);
		form.setIssuer("Ban Tổ chức Trung ương");
		form.setIssuedOn(issued);
		form.setTitle(title);
		return form;
	}

	@Test
	void searchWithoutDiacriticsFindsAWordInsideAPdfAndShowsThePassage() {
		var people = fixtures.people();
		var office = people.committee().office();
		var file = library.prepare(office, "chuyen-doi-so.pdf", pdfWith("Đoạn mở đầu nói về công tác tổ chức.",
				"Các chi bộ đẩy mạnh ứng dụng sổ tay đảng viên điện tử trong sinh hoạt, gắn với chuyển đổi số."));
		var id = library.create(office,
				form("91-HD/BTCTW", DocumentKind.GUIDANCE, LocalDate.of(2026, 3, 2), "Về một số việc của năm"), file);
		var found = finder.search(people.member(), LibraryFilter.search("so tay dang vien dien tu"));
		assertThat(found.items()).extracting(LibrarySearch.Result::id).containsExactly(id);
		var hit = found.items().stream().filter((r) -> r.id() == id).findFirst().orElseThrow();
		assertThat(hit.passages()).singleElement().satisfies((p) -> {
			assertThat(p.fileName()).isEqualTo("chuyen-doi-so.pdf");
			assertThat(p.page()).isOne();
			assertThat(p.segments()).filteredOn(LibrarySearch.Segment::match)
				.extracting(LibrarySearch.Segment::text)
				.contains("sổ tay đảng viên điện tử");
		});
		// The number however it is typed, first.
		for (var typed : new String[] { "91-HD/BTCTW", "91 hd/btctw", "91-HĐ/BTCTW" }) {
			assertThat(finder.search(office, LibraryFilter.search(typed)).items().getFirst().id()).as(typed)
				.isEqualTo(id);
		}
		assertThat(finder.search(office, LibraryFilter.search("khong co tu nay o dau ca")).total()).isZero();
	}

	@Test
	void aDocxIsSearchedAndTheFiltersAndReplacementsHold() throws IOException {
		var office = fixtures.committee().office();
		var old = library.create(office,
				form("92-QĐ/TW", DocumentKind.REGULATION, LocalDate.of(2019, 1, 5), "Quy định cũ về kiểm tra"), null);
		var replacing = form("93-QĐ/TW", DocumentKind.REGULATION, LocalDate.of(2024, 2, 6), "Quy định mới về kiểm tra");
		replacing.setReplacesNumber("92-QĐ/TW");
		var id = library.create(office, replacing,
				library.prepare(office, "quy-dinh.docx", docxWith("Ủy ban kiểm tra giám sát thường xuyên chi bộ.")));
		assertThat(finder.search(office, LibraryFilter.search("uy ban kiem tra giam sat thuong xuyen")).items())
			.extracting(LibrarySearch.Result::id)
			.contains(id);
		assertThat(queries.document(office, old).inForce()).as("replaced by a document in force").isFalse();
		assertThat(queries.document(office, old).replacedBy()).extracting(LibraryDocument.Reference::id)
			.containsExactly(id);
		assertThat(queries.document(office, id).inForce()).isTrue();
		var inForce = new LibraryFilter("kiem tra", null, DocumentKind.REGULATION, null, true, null);
		assertThat(finder.search(office, inForce).items()).extracting(LibrarySearch.Result::id)
			.contains(id)
			.doesNotContain(old);
		var byYear = new LibraryFilter(null, "Ban Tổ chức Trung ương", null, 2019, false, null);
		assertThat(finder.search(office, byYear).items()).extracting(LibrarySearch.Result::id)
			.contains(old)
			.doesNotContain(id);
		// A number reused in another year is told apart by its year.
		library.create(office, form("92-QĐ/TW", DocumentKind.REGULATION, LocalDate.of(2021, 1, 5), "Trùng số"), null);
		var ambiguous = form("94-QĐ/TW", DocumentKind.REGULATION, LocalDate.of(2025, 1, 1), "Thay văn bản trùng số");
		ambiguous.setReplacesNumber("92-QĐ/TW");
		assertThatThrownBy(() -> library.create(office, ambiguous, null)).isInstanceOfSatisfying(
				BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("library.replaces.ambiguous"));
		ambiguous.setReplacesNumber("92-QĐ/TW (2021)");
		assertThat(queries.document(office, library.create(office, ambiguous, null)).replaces().issuedOn())
			.isEqualTo(LocalDate.of(2021, 1, 5));
		assertThatThrownBy(() -> library.create(office,
				form("93-QĐ/TW", DocumentKind.REGULATION, LocalDate.of(2024, 2, 6), "Trùng cả ngày"), null))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("library.number.taken"));
	}

	@Test
	void aFileIsJudgedByItsContentAndNothingIsKeptWhenItIsRefused() {
		var office = fixtures.committee().office();
		assertThatThrownBy(() -> library.prepare(office, "anh.pdf", TestImages.encode(10, 10, Color.RED, "png")))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("library.file.type"));
		assertThatThrownBy(() -> library.prepare(office, "hong.pdf", "%PDF-1.4 không phải PDF".getBytes()))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("library.file.unreadable"));
		assertThatThrownBy(() -> library.prepare(office, "gia.docx", "PK\u0003\u0004 không phải docx".getBytes()))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("library.file.unreadable"));
		assertThat(mvc.post()
			.uri("/library")
			.multipart()
			.file(new MockMultipartFile("file", "anh.pdf", "application/pdf",
					TestImages.encode(10, 10, Color.RED, "png")))
			.param("number", "95-HD/TW")
			.param("kind", "GUIDANCE")
			.param("issuer", "Ban Bí thư")
			.param("issuedOn", "3/2/2026")
			.param("title", "Có tệp sai")
			.with(user(office))
			.with(csrf())).hasStatusOk().bodyText().contains("không phải PDF hay DOCX");
		assertThat(count(office)).as("no document without its refused file").isZero();
	}

	@Test
	void aWordFileIsReadInTheBrowser_andFilesKeptBeforeAreConvertedOnce() throws Exception {
		var people = fixtures.people();
		var office = people.committee().office();
		var file = library.prepare(office, "Hướng dẫn đọc.docx", docxWith("Chi bộ đọc văn bản ngay trên điện thoại."));
		var id = library.create(office,
				form("93-HD/BTCTW", DocumentKind.GUIDANCE, LocalDate.of(2026, 4, 2), "Về việc đọc văn bản"), file);
		var fileId = queries.document(office, id).files().getFirst().id();
		assertThat(mvc.get().uri("/library/{id}", id).with(user(people.otherMember()))).hasStatusOk()
			.bodyText()
			.contains("/library/files/" + fileId + "/read");
		assertThat(mvc.get().uri("/library/files/{f}/read", fileId).with(user(people.otherMember()))).hasStatusOk()
			.bodyText()
			.contains("<p>Chi bộ đọc văn bản ngay trên điện thoại.</p>", "download=1", "93-HD/BTCTW");
		// Another committee's office does not read it.
		var foreign = fixtures.committee().office();
		assertThat(mvc.get().uri("/library/files/{f}/read", fileId).with(user(foreign))).hasStatus(404);
		assertThat(mvc.get().uri("/library/files/{f}/read", fileId).with(user(people.committee().observer())))
			.hasStatus(403);
		// A file kept before previews existed is converted by the migration, once.
		jdbc.sql("update library_file set preview_html = null where id = :id").param("id", fileId).update();
		assertThat(mvc.get().uri("/library/files/{f}/read", fileId).with(user(office))).hasStatusOk()
			.bodyText()
			.contains("document-no-preview");
		try (var connection = dataSource.getConnection()) {
			new FilePreviews().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					throw new UnsupportedOperationException();
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}
		assertThat(queries.reading(office, fileId).html()).isEqualTo("<p>Chi bộ đọc văn bản ngay trên điện thoại.</p>");
	}

	@Test
	void internalDocumentsAreTheCommittees_andOnlyTheOfficeKeepsTheLibrary() {
		var people = fixtures.people();
		var office = people.committee().office();
		var internal = form("96-KH/ĐU", DocumentKind.PLAN, LocalDate.of(2026, 2, 1), "Kế hoạch nội bộ riêng");
		internal.setInternal(true);
		var id = library.create(office, internal, library.prepare(office, "kh.pdf", pdfWith("Nội dung mật riêng.")));
		var fileId = queries.document(office, id).files().getFirst().id();
		var committeeMember = people.committee().committeeMember(people.otherSecretary().memberId());
		assertThat(queries.document(committeeMember, id).internal()).isTrue();
		for (var reader : List.of(people.secretary(), people.otherMember())) {
			var login = reader.username();
			assertThatThrownBy(() -> queries.document(reader, id)).as(login).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> queries.file(reader, fileId)).as(login).isInstanceOf(NotFoundException.class);
			assertThat(finder.search(reader, LibraryFilter.search("noi dung mat rieng")).total()).as(login).isZero();
			assertThat(finder.search(reader, LibraryFilter.all()).items()).as(login)
				.noneMatch(LibrarySearch.Result::internal);
			assertThatThrownBy(() -> library.create(reader,
					form("97-HD/TW", DocumentKind.GUIDANCE, LocalDate.of(2026, 1, 1), "Không được thêm"), null))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> library.update(committeeMember, id, internal))
			.isInstanceOf(AccessDeniedException.class);
		// Another committee's office does not reach it; the superior's observer reads no
		// library.
		var foreign = fixtures.committee().office();
		assertThatThrownBy(() -> queries.document(foreign, id)).isInstanceOf(NotFoundException.class);
		assertThat(finder.search(foreign, LibraryFilter.all()).total()).isZero();
		var observer = people.committee().observer();
		assertThatThrownBy(() -> finder.search(observer, LibraryFilter.all()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(mvc.get().uri("/library").with(user(observer))).hasStatus(403);
		assertThat(mvc.get().uri("/library/{id}", id).with(user(people.otherMember()))).hasStatus(404);
		assertThat(mvc.post().uri("/library/{id}/delete", id).with(user(people.secretary())).with(csrf()))
			.hasStatus(403);
		assertThat(mvc.get().uri("/library/files/{f}", fileId).with(user(office))).hasStatusOk()
			.hasHeader("Content-Disposition", "inline; filename=\"kh.pdf\"; filename*=UTF-8''kh.pdf")
			.hasContentType(MediaType.APPLICATION_PDF);
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'library' and entity_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	/**
	 * A committee's library of a guide in force on the branches' meetings, a plan about
	 * them replaced since, and a directive, with its text, that replaced an older one.
	 */
	private record Shelf(Fixtures.People people, long guide, long directive) {
	}

	private Shelf shelf() {
		var people = fixtures.people();
		var office = people.committee().office();
		var guide = library.create(office, form("42-HD/BTCTW", DocumentKind.GUIDANCE, LocalDate.of(2025, 10, 28),
				"Hướng dẫn một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ"), null);
		var plan = form("15-KH/ĐU", DocumentKind.PLAN, LocalDate.of(2019, 1, 10), "Kế hoạch sinh hoạt chi bộ năm 2019");
		plan.setIssuer("Đảng ủy");
		library.create(office, plan, null);
		var replacing = form("16-KH/ĐU", DocumentKind.PLAN, LocalDate.of(2020, 1, 9), "Kế hoạch năm 2020");
		replacing.setIssuer("Đảng ủy");
		replacing.setReplacesNumber("15-KH/ĐU");
		library.create(office, replacing, null);
		library.create(office, form("10-CT/TW", DocumentKind.DIRECTIVE, LocalDate.of(2007, 3, 30),
				"Về nâng cao chất lượng sinh hoạt chi bộ"), null);
		var directive = form("50-CT/TW", DocumentKind.DIRECTIVE, LocalDate.of(2025, 9, 3),
				"Về tiếp tục nâng cao chất lượng sinh hoạt chi bộ");
		directive.setReplacesNumber("10-CT/TW");
		var text = library.prepare(office, "50-ct-tw.pdf",
				pdfWith("Chỉ thị về tiếp tục nâng cao chất lượng sinh hoạt chi bộ trong tình hình mới."));
		return new Shelf(people, guide, library.create(office, directive, text));
	}

	@Test
	void theApiSearchesAndChangesUnderTheSameRules() {
		var shelf = shelf();
		var people = shelf.people();
		var found = mvc.get()
			.uri("/api/v1/library?q=sinh hoat chi bo&inForce=true")
			.with(httpBasic(fixtures.account(people.member()), DemoUsers.PASSWORD))
			.exchange();
		assertThat(found).hasStatusOk().bodyJson().extractingPath("$.items[0].number").isNotNull();
		assertThat(found).bodyText().contains("42-HD/BTCTW", "50-CT/TW").doesNotContain("15-KH/ĐU");
		assertThat(mvc.put()
			.uri("/api/v1/library/{id}", shelf.guide())
			.with(httpBasic(fixtures.account(people.committee().office()), DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"number\": \"42-HD/BTCTW\", \"kind\": \"GUIDANCE\", \"issuer\": \"Ban Tổ chức Trung ương\","
					+ " \"issuedOn\": \"2025-10-28\", \"title\": \"Sửa không có version\"}"))
			.hasStatus(422)
			.bodyText()
			.contains("version");
		assertThat(mvc.post()
			.uri("/api/v1/library")
			.with(httpBasic(fixtures.account(people.secretary()), DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"number\": \"98-HD/TW\", \"kind\": \"GUIDANCE\", \"issuer\": \"X\", \"issuedOn\": \"2026-01-01\","
							+ " \"title\": \"Không được\"}"))
			.hasStatus(403);
		assertThat(count(people.committee().office())).isEqualTo(5);
		assertThat(mvc.get()
			.uri("/v3/api-docs")
			.with(httpBasic(fixtures.account(people.committee().admin()), DemoUsers.PASSWORD))).bodyText()
			.contains("/api/v1/library/{id}/files");
	}

	@Test
	void thePagesShowTheSearchTheDocumentAndTheForm() {
		var shelf = shelf();
		var office = shelf.people().committee().office();
		var id = shelf.directive();
		assertThat(mvc.get().uri("/library?q=chat luong sinh hoat&inForce=true").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("50-CT/TW")
			.contains("<mark>")
			.contains("library-new");
		assertThat(mvc.get().uri("/library/{id}", id).with(user(shelf.people().otherMember()))).hasStatusOk()
			.bodyText()
			.contains("Thay thế văn bản")
			.contains("10-CT/TW")
			.doesNotContain("library-edit");
		assertThat(mvc.get().uri("/library/new").with(user(office))).hasStatusOk().bodyText().contains("library-form");
		assertThat(mvc.get().uri("/library/{id}/edit", id).with(user(office))).hasStatusOk()
			.bodyText()
			.contains("10-CT/TW (2007)");
		var export = mvc.get().uri("/library/export.xlsx?q=sinh hoat").with(user(office)).exchange();
		assertThat(export).hasStatusOk()
			.hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void theDemoLibraryHoldsTheRulesChiboCitesWithTheirHistory() {
		var office = demo.user("vanphong");
		var guide = finder.search(office, LibraryFilter.search("42-HD/BTCTW")).items().getFirst();
		assertThat(guide.number()).isEqualTo("42-HD/BTCTW");
		var document = queries.document(office, guide.id());
		assertThat(document.replaces().label()).isEqualTo("12-HD/BTCTW (2018)");
		assertThat(document.files()).singleElement().satisfies((f) -> assertThat(f.pdf()).isTrue());
		assertThat(finder.search(office, LibraryFilter.search("12-HD/BTCTW")).items())
			.extracting(LibrarySearch.Result::number)
			.startsWith("12-HD/BTCTW", "12-HD/BTCTW");
	}

	private long count(CurrentUser office) {
		return jdbc.sql("select count(*) from library_document where committee_id = :c")
			.param("c", office.committeeId())
			.query(Long.class)
			.single();
	}

}
