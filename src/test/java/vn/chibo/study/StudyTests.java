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
import vn.chibo.TestSheets;
import vn.chibo.library.DocumentKind;
import vn.chibo.library.LibraryForm;
import vn.chibo.library.LibraryService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

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
	DemoUsers demo;

	@Autowired
	LibraryService library;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private List<Long> membersOf(String code, int count) {
		return jdbc.sql("""
				select m.id from member m join organization o on o.committee_id = m.committee_id and o.id = m.branch_id
				where o.code = :code and m.status = 'OFFICIAL' and m.exempted_since is null order by m.id limit :n
				""").param("code", code).param("n", count).query(Long.class).list();
	}

	private CurrentUser member(long memberId, String branchCode) {
		var office = demo.user("vanphong");
		return new CurrentUser(0, office.committeeId(), "m" + memberId, "", "m" + memberId, Role.MEMBER,
				demo.branchId(branchCode), memberId, true, false);
	}

	/** A session of the branch's secretary for chosen members, its roll call started. */
	private long session(String secretary, String branchCode, List<Long> members, LocalDate heldOn) {
		var form = new StudySessionForm();
		form.setOrganizerId(demo.branchId(branchCode));
		form.setKind(StudyKind.TOPIC);
		form.setTitle("Chuyên đề thử " + heldOn);
		form.setHeldOn(heldOn);
		form.setAudience(Audience.MEMBERS);
		form.setMemberIds(new ArrayList<>(members));
		form.setReflectionDue(heldOn.plusDays(10));
		form.setQuestions("Liên hệ bản thân.");
		var user = demo.user(secretary);
		var id = study.create(user, form);
		study.takeRoster(user, id);
		study.everyonePresent(user, id);
		return id;
	}

	@Test
	void aReflectionCopyingSixtyPercentOfAnotherIsFlaggedBothWaysAndTwoIndependentOnesAreNot() {
		var people = membersOf("CB03", 3);
		var id = session("bithu.cb03", "CB03", people, LocalDate.of(2026, 6, 10));
		var words = ShinglesTests.FIRST.split("\\s+");
		var copy = String.join(" ", Arrays.copyOf(words, words.length * 6 / 10)) + " "
				+ "Riêng tôi sẽ học thêm về quản lý rủi ro và báo cáo chi bộ kết quả vào cuối quý, nhờ các đồng chí góp ý.";
		var first = reflections.write(member(people.get(0), "CB03"), id, ShinglesTests.FIRST, null, true, null);
		var second = reflections.write(member(people.get(1), "CB03"), id, ShinglesTests.SECOND, null, true, null);
		var copied = reflections.write(member(people.get(2), "CB03"), id, copy, null, true, null);

		var secretary = demo.user("bithu.cb03");
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
		var office = demo.user("vanphong");
		var people = membersOf("CB05", 2);
		var form = new StudySessionForm();
		form.setOrganizerId(office.scopeOrganizationId());
		form.setKind(StudyKind.RESOLUTION);
		form.setTitle("Quán triệt 42-HD/BTCTW (thử)");
		form.setDocuments("42-hd/btctw");
		form.setHeldOn(LocalDate.of(2026, 3, 3));
		form.setAudience(Audience.MEMBERS);
		form.setMemberIds(new ArrayList<>(people));
		form.setReflectionDue(LocalDate.of(2026, 3, 20));
		var id = study.create(office, form);
		assertThat(queries.session(office, id).documents()).extracting((d) -> d.number())
			.containsExactly("42-HD/BTCTW");
		study.takeRoster(office, id);
		var documentText = jdbc.sql("""
				select string_agg(p.text, ' ' order by p.page_no) from library_page p
				join library_file f on f.committee_id = p.committee_id and f.id = p.file_id
				join library_document d on d.committee_id = f.committee_id and d.id = f.document_id
				where d.number = '42-HD/BTCTW'
				""").query(String.class).single();
		var reflection = reflections.write(member(people.get(0), "CB05"), id, documentText, null, true, null);
		assertThat(queries.matches(office, reflection)).first().satisfies((m) -> {
			assertThat(m.documentNumber()).isEqualTo("42-HD/BTCTW");
			assertThat(m.flagged()).isTrue();
		});
	}

	@Test
	void theBranchExecutiveGradesReturnsAndAGradedReflectionIsFinal() {
		var people = membersOf("CB04", 2);
		var id = session("bithu.cb04", "CB04", people, LocalDate.of(2026, 5, 5));
		var writer = member(people.get(0), "CB04");
		assertThatThrownBy(() -> reflections.write(writer, id, "  ", null, true, null))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "study.body.required");
		var draft = reflections.write(writer, id, "Bản nháp đầu tiên.", null, false, null);
		var secretary = demo.user("bithu.cb04");
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
		assertThatThrownBy(() -> reflections.grade(demo.user("bithu.cb05"), draft, Grade.EXCELLENT, null, null))
			.isInstanceOf(NotFoundException.class);
		// A member on the roster but recorded absent writes nothing unless the organiser
		// allows it.
		study.record(secretary, id, people.get(1), Presence.ABSENT_UNEXCUSED, null);
		assertThatThrownBy(() -> reflections.write(member(people.get(1), "CB04"), id, "Bài", null, true, null))
			.hasFieldOrPropertyWithValue("messageKey", "study.write.absent");
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'reflection' and entity_id = :id")
			.param("id", draft)
			.query(Long.class)
			.single()).as("save, submit, return, submit, grade").isEqualTo(5);
	}

	@Test
	void theRosterIsTakenOnceAndTheAudienceThenStays() {
		var people = membersOf("CB06", 2);
		var secretary = demo.user("bithu.cb06");
		var id = session("bithu.cb06", "CB06", List.of(people.get(0)), LocalDate.of(2026, 4, 4));
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
		var people = membersOf("CB01", 2);
		var id = session("bithu.cb01", "CB01", people, LocalDate.of(2026, 7, 7));
		var ownMember = demo.user("dangvien.cb01");
		// Seen by the office, the branch and its members; not by another branch, nor the
		// observer.
		for (var login : List.of("admin", "vanphong", "bithu.cb01", "dangvien.cb01")) {
			assertThat(mvc.get().uri("/study/" + id).with(user(demo.user(login)))).as(login).hasStatusOk();
			assertThat(mvc.get().uri("/api/v1/study/sessions/" + id).with(user(demo.user(login)))).as(login)
				.hasStatusOk();
		}
		for (var login : List.of("bithu.cb02", "dangvien.cb02")) {
			assertThat(mvc.get().uri("/study/" + id).with(user(demo.user(login)))).as(login).hasStatus(404);
			assertThat(mvc.get().uri("/study/" + id + "/attendance").with(user(demo.user(login)))).as(login)
				.hasStatus(404);
			assertThat(mvc.post()
				.uri("/study/" + id + "/attendance/" + people.get(0))
				.with(user(demo.user(login)))
				.with(csrf())
				.param("status", "ABSENT_UNEXCUSED")).as(login).hasStatus(404);
		}
		assertThat(mvc.get().uri("/study").with(user(demo.user("captren")))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/study/sessions?year=2026").with(user(demo.user("captren")))).hasStatus(403);
		// The sessions of a year list it for its own branch, not for another.
		assertThat(queries.sessions(demo.user("dangvien.cb01"), 2026)).extracting(StudyQueries.SessionRow::id)
			.contains(id);
		assertThat(queries.sessions(demo.user("bithu.cb02"), 2026)).extracting(StudyQueries.SessionRow::id)
			.doesNotContain(id);
		// A member takes no roll call, organises nothing and reads only its own line.
		assertThat(mvc.get().uri("/study/" + id + "/attendance").with(user(ownMember))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/study")
			.with(user(ownMember))
			.with(csrf())
			.param("organizerId", String.valueOf(demo.branchId("CB01")))
			.param("kind", "TOPIC")
			.param("title", "Không được")
			.param("heldOn", "01/02/2026")
			.param("audience", "BRANCHES")).hasStatus(403);
		assertThat(queries.attendees(demo.user("vanphong"), id)).hasSize(2);
		var writer = member(people.get(0), "CB01");
		assertThat(queries.attendees(writer, id)).extracting(StudyQueries.Attendee::memberId)
			.containsExactly(people.get(0));
		var reflection = reflections.write(writer, id, "Bài thu hoạch của tôi về chuyên đề.", null, true, null);
		assertThat(mvc.get().uri("/study/reflections/" + reflection).with(user(writer))).hasStatusOk();
		assertThat(mvc.get().uri("/study/reflections/" + reflection).with(user(member(people.get(1), "CB01"))))
			.hasStatus(404);
		assertThat(mvc.get().uri("/study/reflections/" + reflection).with(user(demo.user("bithu.cb02"))))
			.hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/study/reflections/" + reflection).with(user(demo.user("bithu.cb01"))))
			.hasStatusOk();
		// A secretary organises for its own branch only.
		var foreign = new StudySessionForm();
		foreign.setOrganizerId(demo.branchId("CB02"));
		foreign.setKind(StudyKind.TOPIC);
		foreign.setTitle("Sai phạm vi");
		foreign.setHeldOn(LocalDate.of(2026, 1, 1));
		foreign.setAudience(Audience.BRANCHES);
		foreign.setBranchIds(new ArrayList<>(List.of(demo.branchId("CB02"))));
		assertThatThrownBy(() -> study.create(demo.user("bithu.cb01"), foreign))
			.hasFieldOrPropertyWithValue("messageKey", "study.organizer.notYours");
		assertThatThrownBy(() -> study.takeRoster(demo.user("dangvien.cb01"), id))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theFormNamesTheFieldOfABadValueAndTheApiCreatesASession() {
		var office = demo.user("vanphong");
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
					""".formatted(office.scopeOrganizationId(), demo.branchId("CB07")))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.documents[0].number").isEqualTo("50-CT/TW");
		// A document the committee keeps internal is not studied: its audience could not
		// read it.
		var internal = new LibraryForm();
		internal.setNumber("77-KH/ĐU");
		internal.setKind(DocumentKind.PLAN);
		internal.setIssuer("Đảng ủy Cục Hải quan tỉnh Hà Tĩnh");
		internal.setIssuedOn(LocalDate.of(2026, 1, 5));
		internal.setTitle("Kế hoạch nội bộ");
		internal.setInternal(true);
		library.create(office, internal);
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
		var people = membersOf("CB08", 3);
		var id = session("bithu.cb08", "CB08", people, LocalDate.of(2030, 5, 1));
		reflections.write(member(people.get(0), "CB08"), id, "Đã nộp đúng hạn.", null, true, null);
		var due = LocalDate.of(2030, 5, 11);
		var reminded = reflections.sendReminders(due.minusDays(3));
		assertThat(reminded).isGreaterThanOrEqualTo(2);
		var count = jdbc.sql("""
				select count(*) from notification where message_key = 'reflectionReminder' and member_id in (:ids)
				""").param("ids", people).query(Long.class).single();
		assertThat(count).isEqualTo(2);
		assertThat(reflections.sendReminders(due.minusDays(3))).as("the same day again").isZero();
		assertThat(reflections.missing(demo.user("vanphong").committeeId(), id))
			.containsExactlyInAnyOrder(people.get(1), people.get(2));
	}

	@Test
	void theOrganiserPrintsTheReportInThePartyLayoutFromTheRecords() throws Exception {
		var people = membersOf("CB07", 3);
		var id = session("bithu.cb07", "CB07", people, LocalDate.of(2026, 2, 2));
		var secretary = demo.user("bithu.cb07");
		study.record(secretary, id, people.get(2), Presence.ABSENT_EXCUSED, "Đi công tác Lào");
		var first = reflections.write(member(people.get(0), "CB07"), id, ShinglesTests.FIRST, null, true, null);
		reflections.write(member(people.get(1), "CB07"), id, ShinglesTests.SECOND, null, true, null);
		reflections.grade(secretary, first, Grade.EXCELLENT, null, null);
		var result = mvc.get().uri("/study/" + id + "/report.pdf").with(user(secretary)).exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		String text;
		try (var pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "III. KẾT QUẢ BÀI THU HOẠCH", "T/M CHI BỘ",
				"Có mặt 2/3 đảng viên", "Đi công tác Lào", "Đã nộp 2 bài thu hoạch");
		assertThat(mvc.get().uri("/study/" + id + "/report.pdf").with(user(member(people.get(0), "CB07"))))
			.hasStatus(403);
		assertThat(mvc.get().uri("/study/" + id + "/report.pdf").with(user(demo.user("bithu.cb01")))).hasStatus(404);
	}

	@Test
	void theYearsSessionsExportWithTheirAttendanceAndReflections() throws Exception {
		var result = mvc.get().uri("/study/export.xlsx?year=2025").with(user(demo.user("vanphong"))).exchange();
		assertThat(result).hasStatusOk();
		var rows = TestSheets.rows(result.getResponse().getContentAsByteArray());
		assertThat(rows.getFirst()).contains("STT", "Có mặt", "Đã nộp bài thu hoạch");
		assertThat(rows).anySatisfy((r) -> assertThat(r).anyMatch((c) -> c.startsWith("Chuyên đề năm 2025")));
	}

	@Test
	void theDemoHoldsSessionsEachYearSince2020WithGradedAndCopiedReflections() {
		var office = demo.user("vanphong");
		for (var year = 2020; year <= LocalDate.now().getYear() - 1; year++) {
			assertThat(queries.sessions(office, year)).as(String.valueOf(year))
				.anySatisfy((s) -> assertThat(s.graded()).isPositive());
		}
		assertThat(
				jdbc.sql("select count(*) from study_similarity where share >= 0.4 and other_reflection_id is not null")
					.query(Long.class)
					.single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from study_reflection where grade = 'FAIL'").query(Long.class).single())
			.isPositive();
	}

}
