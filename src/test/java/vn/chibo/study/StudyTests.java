package vn.chibo.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.TestDocuments;
import vn.chibo.TestSheets;
import vn.chibo.library.DocumentKind;
import vn.chibo.library.LibraryForm;
import vn.chibo.library.LibraryService;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.print.PdfDocuments;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.study.similarity.Shingles;
import vn.chibo.study.similarity.ShinglesTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class StudyTests {

	@Autowired
	StudyService study;

	@Autowired
	StudyQueries queries;

	@Autowired
	Reflections reflections;

	@Autowired
	CopyCheck copies;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DemoUsers demo;

	@Autowired
	LibraryService library;

	@Autowired
	PdfDocuments pdf;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/**
	 * A committee of its own whose first branch has, besides its secretary, the given
	 * number of members (Lê Thị Hoa first).
	 */
	private record Branch(Fixtures.People people, List<Long> members) {

		CurrentUser secretary() {
			return people.secretary();
		}

		CurrentUser office() {
			return people.committee().office();
		}

		CurrentUser member(int index) {
			return people.committee().memberLogin(1, members.get(index));
		}

	}

	private static final List<String> NAMES = List.of("Phạm Thị Lan", "Vũ Văn Minh", "Hoàng Thị Nga");

	private Branch branch(int count) {
		var people = fixtures.people();
		var members = new ArrayList<>(List.of(people.member().memberId()));
		for (var name : NAMES.subList(0, count - 1)) {
			members.add(fixtures.member(people.committee(), people.branch(), name, TheoryLevel.ELEMENTARY));
		}
		return new Branch(people, members);
	}

	/** A session of the branch's secretary for its members, its roll call started. */
	private long session(Branch branch, List<Long> members, LocalDate heldOn) {
		var form = new StudySessionForm();
		form.setOrganizerId(branch.people().branch());
		form.setKind(StudyKind.TOPIC);
		form.setTitle("Chuyên đề thử " + heldOn);
		form.setHeldOn(heldOn);
		form.setAudience(Audience.MEMBERS);
		form.setMemberIds(new ArrayList<>(members));
		form.setReflectionDue(heldOn.plusDays(10));
		form.setQuestions("Liên hệ bản thân.");
		var user = branch.secretary();
		var id = study.create(user, form);
		study.takeRoster(user, id);
		study.everyonePresent(user, id);
		return id;
	}

	private long session(Branch branch, LocalDate heldOn) {
		return session(branch, branch.members(), heldOn);
	}

	/** A document of the committee's library, its text in a PDF. */
	private long document(CurrentUser office, String number, boolean internal, String... paragraphs) {
		var form = new LibraryForm();
		form.setNumber(number);
		form.setKind(DocumentKind.GUIDANCE);
		form.setIssuer("Ban Tổ chức Trung ương");
		form.setIssuedOn(LocalDate.of(2026, 1, 5));
		form.setTitle("Văn bản thử " + number);
		form.setInternal(internal);
		return library.create(office, form, library.prepare(office, "van-ban.pdf", TestDocuments.pdf(pdf, paragraphs)));
	}

	@Test
	void aReflectionCopyingSixtyPercentOfAnotherIsFlaggedBothWaysAndTwoIndependentOnesAreNot() {
		var branch = branch(3);
		var people = branch.members();
		var id = session(branch, LocalDate.of(2026, 6, 10));
		var words = ShinglesTests.FIRST.split("\\s+");
		var copy = String.join(" ", Arrays.copyOf(words, words.length * 6 / 10)) + " "
				+ "Riêng tôi sẽ học thêm về quản lý rủi ro và báo cáo chi bộ kết quả vào cuối quý, nhờ các đồng chí góp ý.";
		var first = reflections.write(branch.member(0), id, ShinglesTests.FIRST, null, true, null);
		var second = reflections.write(branch.member(1), id, ShinglesTests.SECOND, null, true, null);
		var copied = reflections.write(branch.member(2), id, copy, null, true, null);

		var secretary = branch.secretary();
		assertThat(queries.matches(secretary, second)).noneMatch(StudyQueries.Match::flagged);
		assertThat(queries.matches(secretary, copied)).first().satisfies((m) -> {
			assertThat(m.reflectionId()).isEqualTo(first);
			assertThat(m.flagged()).isTrue();
		});
		// The one copied from is flagged too: the grader sees both.
		assertThat(queries.matches(secretary, first)).extracting(StudyQueries.Match::reflectionId).contains(copied);
		assertThat(queries.attendees(secretary, id)).filteredOn(StudyQueries.Attendee::flagged)
			.extracting(StudyQueries.Attendee::memberId)
			.containsExactlyInAnyOrder(people.get(0), people.get(2));
		// Side by side, the copied words are marked in both.
		var comparison = copies.comparisons(secretary, copied).getFirst();
		assertThat(comparison.mine()).filteredOn(Shingles.Segment::match).isNotEmpty();
		assertThat(comparison.theirs()).filteredOn(Shingles.Segment::match).isNotEmpty();
		assertThat(comparison.mine().getLast().match()).as("the part of its own").isFalse();
	}

	@Test
	void aReflectionCopyingAStudiedDocumentIsFlagged() {
		var branch = branch(2);
		var office = branch.office();
		document(office, "42-HD/BTCTW", false, ShinglesTests.FIRST, ShinglesTests.SECOND);
		var form = new StudySessionForm();
		form.setOrganizerId(office.scopeOrganizationId());
		form.setKind(StudyKind.RESOLUTION);
		form.setTitle("Quán triệt 42-HD/BTCTW (thử)");
		form.setDocuments("42-hd/btctw");
		form.setHeldOn(LocalDate.of(2026, 3, 3));
		form.setAudience(Audience.MEMBERS);
		form.setMemberIds(new ArrayList<>(branch.members()));
		form.setReflectionDue(LocalDate.of(2026, 3, 20));
		var id = study.create(office, form);
		assertThat(queries.session(office, id).documents()).extracting((d) -> d.number())
			.containsExactly("42-HD/BTCTW");
		study.takeRoster(office, id);
		var documentText = jdbc.sql("""
				select string_agg(p.text, ' ' order by p.page_no) from library_page p
				join library_file f on f.committee_id = p.committee_id and f.id = p.file_id
				join library_document d on d.committee_id = f.committee_id and d.id = f.document_id
				where d.committee_id = :committee and d.number = '42-HD/BTCTW'
				""").param("committee", office.committeeId()).query(String.class).single();
		var reflection = reflections.write(branch.member(0), id, documentText, null, true, null);
		assertThat(queries.matches(office, reflection)).first().satisfies((m) -> {
			assertThat(m.documentNumber()).isEqualTo("42-HD/BTCTW");
			assertThat(m.flagged()).isTrue();
		});
	}

	@Test
	void theBranchExecutiveGradesReturnsAndAGradedReflectionIsFinal() {
		var branch = branch(2);
		var people = branch.members();
		var id = session(branch, LocalDate.of(2026, 5, 5));
		var writer = branch.member(0);
		assertThatThrownBy(() -> reflections.write(writer, id, "  ", null, true, null))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "study.body.required");
		var draft = reflections.write(writer, id, "Bản nháp đầu tiên.", null, false, null);
		var secretary = branch.secretary();
		assertThatThrownBy(() -> reflections.grade(secretary, draft, Grade.GOOD, null, null))
			.hasFieldOrPropertyWithValue("messageKey", "study.grade.notHandedIn");
		reflections.write(writer, id, "Bài viết đã hoàn chỉnh, liên hệ bản thân cụ thể.", null, true, null);
		assertThatThrownBy(() -> reflections.grade(secretary, draft, Grade.FAIL, " ", null))
			.hasFieldOrPropertyWithValue("messageKey", "study.comment.requiredForFail");
		assertThatThrownBy(() -> reflections.giveBack(secretary, draft, null, null))
			.hasFieldOrPropertyWithValue("messageKey", "study.comment.requiredForReturn");
		reflections.giveBack(secretary, draft, "Cần nêu việc làm cụ thể.", null);
		assertThat(queries.reflection(writer, draft).status()).isEqualTo(ReflectionStatus.RETURNED);
		assertThat(jdbc
			.sql("select count(*) from notification where member_id = :m and message_key = 'reflectionReturned'")
			.param("m", people.get(0))
			.query(Long.class)
			.single()).isOne();
		reflections.write(writer, id, "Bài viết lại: mỗi tuần đọc một tài liệu, góp ý thẳng thắn.", null, true, null);
		reflections.grade(secretary, draft, Grade.GOOD, "Đạt yêu cầu.", null);
		assertThat(queries.reflection(writer, draft).grade()).isEqualTo(Grade.GOOD);
		assertThatThrownBy(() -> reflections.write(writer, id, "Sửa sau khi chấm", null, true, null))
			.hasFieldOrPropertyWithValue("messageKey", "study.write.graded");
		// Another branch's secretary neither grades nor reads it.
		assertThatThrownBy(
				() -> reflections.grade(branch.people().otherSecretary(), draft, Grade.EXCELLENT, null, null))
			.isInstanceOf(NotFoundException.class);
		// A member on the roster but recorded absent writes nothing unless the organiser
		// allows it.
		study.record(secretary, id, people.get(1), Presence.ABSENT_UNEXCUSED, null);
		assertThatThrownBy(() -> reflections.write(branch.member(1), id, "Bài", null, true, null))
			.hasFieldOrPropertyWithValue("messageKey", "study.write.absent");
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'reflection' and entity_id = :id")
			.param("id", draft)
			.query(Long.class)
			.single()).as("save, submit, return, submit, grade").isEqualTo(5);
	}

	@Test
	void theRosterIsTakenOnceAndTheAudienceThenStays() {
		var branch = branch(2);
		var people = branch.members();
		var secretary = branch.secretary();
		var id = session(branch, List.of(people.get(0)), LocalDate.of(2026, 4, 4));
		assertThat(study.takeRoster(secretary, id)).as("taken again").isZero();
		assertThat(queries.attendees(secretary, id)).hasSize(1);
		var form = new StudySessionForm();
		var session = queries.session(secretary, id);
		form.setOrganizerId(session.organizerId());
		form.setKind(session.kind());
		form.setTitle(session.title());
		form.setHeldOn(session.heldOn());
		form.setAudience(Audience.MEMBERS);
		form.setMemberIds(new ArrayList<>(people));
		form.setVersion(session.version());
		assertThatThrownBy(() -> study.update(secretary, id, form)).hasFieldOrPropertyWithValue("messageKey",
				"study.roster.taken");
		form.setMemberIds(new ArrayList<>(List.of(people.get(0))));
		form.setPlace("Phòng họp tầng 2");
		study.update(secretary, id, form);
		assertThat(queries.session(secretary, id).place()).isEqualTo("Phòng họp tầng 2");
		assertThatThrownBy(() -> study.delete(secretary, id)).hasFieldOrPropertyWithValue("messageKey",
				"study.delete.rosterTaken");
	}

	@Test
	void whoSeesAndChangesWhat() {
		var branch = branch(3);
		var people = branch.people();
		var committee = people.committee();
		// The roster: two of the branch's members, not Lê Thị Hoa.
		var roster = branch.members().subList(1, 3);
		var id = session(branch, roster, LocalDate.of(2026, 7, 7));
		var ownMember = people.member();
		// Seen by the office, the branch and its members; not by another branch, nor the
		// observer.
		for (var login : List.of(committee.admin(), committee.office(), people.secretary(), ownMember)) {
			assertThat(mvc.get().uri("/study/" + id).with(user(login))).as(login.username()).hasStatusOk();
			assertThat(mvc.get().uri("/api/v1/study/sessions/" + id).with(user(login))).as(login.username())
				.hasStatusOk();
		}
		for (var login : List.of(people.otherSecretary(), people.otherMember())) {
			assertThat(mvc.get().uri("/study/" + id).with(user(login))).as(login.username()).hasStatus(404);
			assertThat(mvc.get().uri("/study/" + id + "/attendance").with(user(login))).as(login.username())
				.hasStatus(404);
			assertThat(mvc.post()
				.uri("/study/" + id + "/attendance/" + roster.get(0))
				.with(user(login))
				.with(csrf())
				.param("status", "ABSENT_UNEXCUSED")).as(login.username()).hasStatus(404);
		}
		assertThat(mvc.get().uri("/study").with(user(committee.observer()))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/study/sessions?year=2026").with(user(committee.observer()))).hasStatus(403);
		// The sessions of a year list it for its own branch, not for another.
		assertThat(queries.sessions(ownMember, 2026)).extracting(StudyQueries.SessionRow::id).contains(id);
		assertThat(queries.sessions(people.otherSecretary(), 2026)).extracting(StudyQueries.SessionRow::id)
			.doesNotContain(id);
		// A member takes no roll call, organises nothing and reads only its own line.
		assertThat(mvc.get().uri("/study/" + id + "/attendance").with(user(ownMember))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/study")
			.with(user(ownMember))
			.with(csrf())
			.param("organizerId", String.valueOf(people.branch()))
			.param("kind", "TOPIC")
			.param("title", "Không được")
			.param("heldOn", "01/02/2026")
			.param("audience", "BRANCHES")).hasStatus(403);
		assertThat(queries.attendees(committee.office(), id)).hasSize(2);
		var writer = branch.member(1);
		assertThat(queries.attendees(writer, id)).extracting(StudyQueries.Attendee::memberId)
			.containsExactly(roster.get(0));
		var reflection = reflections.write(writer, id, "Bài thu hoạch của tôi về chuyên đề.", null, true, null);
		assertThat(mvc.get().uri("/study/reflections/" + reflection).with(user(writer))).hasStatusOk();
		assertThat(mvc.get().uri("/study/reflections/" + reflection).with(user(branch.member(2)))).hasStatus(404);
		assertThat(mvc.get().uri("/study/reflections/" + reflection).with(user(people.otherSecretary())))
			.hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/study/reflections/" + reflection).with(user(people.secretary())))
			.hasStatusOk();
		// A secretary organises for its own branch only.
		var foreign = new StudySessionForm();
		foreign.setOrganizerId(people.otherBranch());
		foreign.setKind(StudyKind.TOPIC);
		foreign.setTitle("Sai phạm vi");
		foreign.setHeldOn(LocalDate.of(2026, 1, 1));
		foreign.setAudience(Audience.BRANCHES);
		foreign.setBranchIds(new ArrayList<>(List.of(people.otherBranch())));
		assertThatThrownBy(() -> study.create(people.secretary(), foreign)).hasFieldOrPropertyWithValue("messageKey",
				"study.organizer.notYours");
		assertThatThrownBy(() -> study.takeRoster(ownMember, id)).isInstanceOf(AccessDeniedException.class);
		// Nor is it seen from another committee, even by its office.
		assertThat(mvc.get().uri("/study/" + id).with(user(fixtures.committee().office()))).hasStatus(404);
	}

	@Test
	void theFormNamesTheFieldOfABadValueAndTheApiCreatesASession() {
		var people = fixtures.people();
		var office = people.committee().office();
		document(office, "50-CT/TW", false, "Nội dung chỉ thị về công tác tổ chức.");
		assertThat(mvc.post()
			.uri("/study")
			.with(user(office))
			.with(csrf())
			.param("organizerId", String.valueOf(office.scopeOrganizationId()))
			.param("kind", "RESOLUTION")
			.param("title", "Quán triệt văn bản không có")
			.param("documents", "999-XX/TW")
			.param("heldOn", "3/2/2026")
			.param("audience", "COMMITTEE")).hasStatusOk()
			.bodyText()
			.contains("Không có văn bản số 999-XX/TW trong thư viện");
		assertThat(mvc.post()
			.uri("/study")
			.with(user(office))
			.with(csrf())
			.param("organizerId", String.valueOf(office.scopeOrganizationId()))
			.param("kind", "TOPIC")
			.param("title", "Chuyên đề")
			.param("heldOn", "3/2/2026")
			.param("reflectionDue", "1/2/2026")
			.param("audience", "COMMITTEE")).hasStatusOk()
			.bodyText()
			.contains("Hạn nộp bài thu hoạch không được trước ngày học");
		var created = mvc.post()
			.uri("/api/v1/study/sessions")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"organizerId": %d, "kind": "RESOLUTION", "title": "Quán triệt 50-CT/TW qua API",
					 "documents": "50-CT/TW", "heldOn": "2026-08-08", "audience": "BRANCHES",
					 "branchIds": [%d], "reflectionDue": "2026-08-20"}
					""".formatted(office.scopeOrganizationId(), people.otherBranch()))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.documents[0].number").isEqualTo("50-CT/TW");
		// A document the committee keeps internal is not studied: its audience could not
		// read it.
		document(office, "77-KH/ĐU", true, "Kế hoạch nội bộ.");
		assertThat(mvc.post()
			.uri("/study")
			.with(user(office))
			.with(csrf())
			.param("organizerId", String.valueOf(office.scopeOrganizationId()))
			.param("kind", "RESOLUTION")
			.param("title", "Quán triệt kế hoạch nội bộ")
			.param("documents", "77-KH/ĐU")
			.param("heldOn", "3/2/2026")
			.param("audience", "COMMITTEE")).hasStatusOk()
			.bodyText()
			.contains("Văn bản 77-KH/ĐU là văn bản nội bộ của Đảng ủy");
	}

	@Test
	void membersWhoHaveNotHandedInAreRemindedOnceBeforeTheDeadline() {
		var branch = branch(3);
		var people = branch.members();
		var id = session(branch, LocalDate.of(2030, 5, 1));
		reflections.write(branch.member(0), id, "Đã nộp đúng hạn.", null, true, null);
		var due = LocalDate.of(2030, 5, 11);
		var reminded = reflections.sendReminders(due.minusDays(3));
		assertThat(reminded).isGreaterThanOrEqualTo(2);
		var count = jdbc.sql("""
				select count(*) from notification where message_key = 'reflectionReminder' and member_id in (:ids)
				""").param("ids", people).query(Long.class).single();
		assertThat(count).isEqualTo(2);
		assertThat(reflections.sendReminders(due.minusDays(3))).as("the same day again").isZero();
		assertThat(reflections.missing(branch.office().committeeId(), id)).containsExactlyInAnyOrder(people.get(1),
				people.get(2));
	}

	@Test
	void theOrganiserPrintsTheReportInThePartyLayoutFromTheRecords() throws Exception {
		var branch = branch(3);
		var people = branch.members();
		var id = session(branch, LocalDate.of(2026, 2, 2));
		var secretary = branch.secretary();
		study.record(secretary, id, people.get(2), Presence.ABSENT_EXCUSED, "Đi công tác Lào");
		var first = reflections.write(branch.member(0), id, ShinglesTests.FIRST, null, true, null);
		reflections.write(branch.member(1), id, ShinglesTests.SECOND, null, true, null);
		reflections.grade(secretary, first, Grade.EXCELLENT, null, null);
		var result = mvc.get().uri("/study/" + id + "/report.pdf").with(user(secretary)).exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		String text;
		try (var pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "III. KẾT QUẢ BÀI THU HOẠCH", "T/M CHI BỘ",
				"Có mặt 2/3 đảng viên", "Đi công tác Lào", "Đã nộp 2 bài thu hoạch");
		assertThat(mvc.get().uri("/study/" + id + "/report.pdf").with(user(branch.member(0)))).hasStatus(403);
		assertThat(mvc.get().uri("/study/" + id + "/report.pdf").with(user(branch.people().otherSecretary())))
			.hasStatus(404);
	}

	@Test
	void theYearsSessionsExportWithTheirAttendanceAndReflections() throws Exception {
		var branch = branch(2);
		var id = session(branch, LocalDate.of(2025, 9, 9));
		reflections.write(branch.member(0), id, ShinglesTests.FIRST, null, true, null);
		session(branch, LocalDate.of(2024, 9, 9));
		var result = mvc.get().uri("/study/export.xlsx?year=2025").with(user(branch.office())).exchange();
		assertThat(result).hasStatusOk();
		var rows = TestSheets.rows(result.getResponse().getContentAsByteArray());
		assertThat(rows.getFirst()).contains("STT", "Có mặt", "Đã nộp bài thu hoạch");
		assertThat(rows).hasSize(2);
		var header = rows.getFirst();
		var row = rows.get(1);
		assertThat(row).contains("Chuyên đề thử 2025-09-09");
		assertThat(row.get(header.indexOf("Có mặt"))).isEqualTo("2");
		assertThat(row.get(header.indexOf("Đã nộp bài thu hoạch"))).isEqualTo("1");
	}

	@Test
	void theDemoHoldsSessionsEachYearSince2020WithGradedAndCopiedReflections() {
		var office = demo.user("vanphong");
		for (var year = 2020; year <= LocalDate.now().getYear() - 1; year++) {
			assertThat(queries.sessions(office, year)).as(String.valueOf(year))
				.anySatisfy((s) -> assertThat(s.graded()).isPositive());
		}
		assertThat(jdbc.sql("""
				select count(*) from study_similarity where committee_id = :c and share >= 0.4
				and other_reflection_id is not null
				""").param("c", office.committeeId()).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from study_reflection where committee_id = :c and grade = 'FAIL'")
			.param("c", office.committeeId())
			.query(Long.class)
			.single()).isPositive();
	}

}
