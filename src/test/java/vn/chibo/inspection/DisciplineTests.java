package vn.chibo.inspection;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.Post;
import vn.chibo.inspection.discipline.AppealOutcome;
import vn.chibo.inspection.discipline.CaseForm;
import vn.chibo.inspection.discipline.CaseStep;
import vn.chibo.inspection.discipline.CaseStepForm;
import vn.chibo.inspection.discipline.ComplaintKind;
import vn.chibo.inspection.discipline.Complaints;
import vn.chibo.inspection.discipline.DisciplineAuthority;
import vn.chibo.inspection.discipline.DisciplineCases;
import vn.chibo.inspection.discipline.DisciplineForm;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Party discipline (docs/domain.md §4, §10): the procedure's order and the forms allowed
 * for the subject, who reads a case before and after its decision — every role, a
 * secretary and a member trying their own pending case and another branch's — every read
 * audited, the complaints, and the demo's case.
 */
@ChiboTest
class DisciplineTests {

	@Autowired
	DisciplineCases cases;

	@Autowired
	Complaints complaints;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private long opened(CurrentUser inspector, long memberId, String violation) {
		var form = new CaseForm();
		form.setMemberId(memberId);
		form.setViolation(violation);
		form.setOpenedOn(LocalDate.now().minusDays(20));
		return cases.open(inspector, form);
	}

	private static CaseStepForm step(CaseStep step, LocalDate on) {
		var form = new CaseStepForm();
		form.setStep(step);
		form.setOn(on);
		return form;
	}

	private static CaseStepForm decision(DisciplineForm form, LocalDate on) {
		var step = step(CaseStep.DECISION, on);
		step.setAuthority(DisciplineAuthority.BRANCH);
		step.setForm(form);
		step.setDecisionNo("05-QĐ/CB");
		return step;
	}

	private long reads(long id) {
		return jdbc
			.sql("select count(*) from audit_event where entity_type = 'discipline' and entity_id = :id"
					+ " and action = 'read'")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	@Test
	void theProcedureKeepsItsOrderAndTheFormsTheSubjectMayBeGiven() {
		var people = fixtures.people();
		var ubkt = fixtures.inspector(people);
		var probationary = fixtures.probationary(people.committee(), people.branch(), "Phan Thị Dự Bị");
		var id = opened(ubkt, probationary, "Vi phạm thử thứ tự");
		var today = LocalDate.now();
		assertThatThrownBy(() -> cases.step(ubkt, id, step(CaseStep.APPEAL, today)))
			.hasMessageContaining("discipline.appeal.noDecision");
		assertThatThrownBy(() -> cases.step(ubkt, id, step(CaseStep.SELF_REVIEW, today.minusDays(21))))
			.hasMessageContaining("discipline.on.range");
		cases.step(ubkt, id, step(CaseStep.SELF_REVIEW, today.minusDays(15)));
		var vote = step(CaseStep.MEETING, today.minusDays(10));
		vote.setVotesFor(12);
		vote.setVotesPresent(10);
		assertThatThrownBy(() -> cases.step(ubkt, id, vote)).hasMessageContaining("discipline.votes.range");
		vote.setVotesFor(9);
		cases.step(ubkt, id, vote);
		// A probationary member is reprimanded or warned, never expelled (docs/domain.md
		// §4).
		assertThatThrownBy(() -> cases.step(ubkt, id, decision(DisciplineForm.EXPULSION, today.minusDays(5))))
			.hasMessageContaining("discipline.form.notAllowed");
		// Not before the meeting.
		assertThatThrownBy(() -> cases.step(ubkt, id, decision(DisciplineForm.WARNING, today.minusDays(11))))
			.hasMessageContaining("discipline.on.range");
		cases.step(ubkt, id, decision(DisciplineForm.WARNING, today.minusDays(5)));
		assertThatThrownBy(() -> cases.step(ubkt, id, decision(DisciplineForm.REPRIMAND, today)))
			.hasMessageContaining("discipline.decided");
		assertThatThrownBy(() -> cases.step(ubkt, id, step(CaseStep.APPEAL_DECISION, today)))
			.hasMessageContaining("discipline.appeal.none");
		cases.step(ubkt, id, step(CaseStep.APPEAL, today.minusDays(2)));
		var outcome = step(CaseStep.APPEAL_DECISION, today);
		outcome.setOutcome(AppealOutcome.UPHELD);
		cases.step(ubkt, id, outcome);
		var read = cases.read(ubkt, id);
		assertThat(read.form()).isEqualTo(DisciplineForm.WARNING);
		assertThat(read.appealOutcome()).isEqualTo(AppealOutcome.UPHELD);
		assertThat(cases.disciplinedIn(ubkt.committeeId(), today.minusDays(5).getYear())).contains(probationary);
	}

	@Test
	void aPendingCaseIsReadByTheInsidersOnlyAndADecidedOneByItsSubjectAndBranch() {
		var people = fixtures.people();
		var committee = people.committee();
		var ubkt = fixtures.inspector(people);
		// The second branch's secretary is also the committee's secretary.
		fixtures.post(committee, people.otherSecretary().memberId(), committee.grassroots(), Post.COMMITTEE_SECRETARY);
		var subject = people.member();
		var id = opened(ubkt, subject.memberId(), "Vi phạm thử quyền xem");
		for (var reader : List.of(ubkt, people.otherSecretary())) {
			var login = reader.username();
			var before = reads(id);
			assertThat(mvc.get().uri("/inspection/discipline/" + id).with(user(reader))).as(login)
				.hasStatusOk()
				.bodyText()
				.contains("Vi phạm thử quyền xem");
			// Every read is in the audit trail.
			assertThat(reads(id)).as(login).isEqualTo(before + 1);
		}
		// The member's own pending case, the branch's secretary, another branch, the
		// office.
		for (var reader : List.of(subject, people.secretary(), committee.secretary(2), committee.office(),
				committee.admin())) {
			var login = reader.username();
			assertThat(mvc.get().uri("/inspection/discipline/" + id).with(user(reader))).as(login).hasStatus(404);
			assertThat(mvc.get().uri("/api/v1/discipline/cases/" + id).with(user(reader))).as(login).hasStatus(404);
			assertThat(mvc.get().uri("/inspection/discipline").with(user(reader))).as(login)
				.hasStatusOk()
				.bodyText()
				.doesNotContain("Vi phạm thử quyền xem");
			assertThat(mvc.post()
				.uri("/inspection/discipline/" + id + "/steps")
				.with(user(reader))
				.with(csrf())
				.param("step", "SELF_REVIEW")
				.param("on", "1/1/2026")).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/inspection/complaints").with(user(reader))).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/api/v1/discipline/complaints?year=2024").with(user(reader))).as(login)
				.hasStatus(403);
		}
		assertThat(mvc.get().uri("/inspection/discipline").with(user(committee.observer()))).hasStatus(403);
		var foreign = fixtures.committee().office();
		assertThatThrownBy(() -> cases.read(foreign, id)).isInstanceOf(NotFoundException.class);
		assertThat(cases.list(foreign)).isEmpty();

		cases.step(ubkt, id, decision(DisciplineForm.REPRIMAND, LocalDate.now()));
		// Decided: the member and the branch's secretary read it, with the member's page.
		for (var reader : List.of(subject, people.secretary())) {
			var login = reader.username();
			assertThat(mvc.get().uri("/inspection/discipline/" + id).with(user(reader))).as(login)
				.hasStatusOk()
				.bodyText()
				.contains("Khiển trách")
				.doesNotContain("id=\"decision-form\"");
			assertThat(mvc.get().uri("/inspection/discipline/members/" + subject.memberId()).with(user(reader)))
				.as(login)
				.bodyText()
				.contains("Khiển trách")
				.contains("05-QĐ/CB");
		}
		for (var reader : List.of(committee.secretary(2), people.otherMember(), committee.office())) {
			assertThat(mvc.get().uri("/inspection/discipline/" + id).with(user(reader))).as(reader.username())
				.hasStatus(404);
		}
	}

	@Test
	void theInsidersRecordComplaintsAndTheirAnswersThroughThePagesAndTheApi() {
		var ubkt = fixtures.inspector(fixtures.people());
		var created = mvc.post()
			.uri("/inspection/complaints")
			.with(user(ubkt))
			.with(csrf())
			.param("kind", "DENUNCIATION")
			.param("receivedOn", "3/2/2026")
			.param("dueOn", "8h00")
			.param("about", "Việc thử")
			.param("content", "Nội dung")
			.param("handlerName", "Người giải quyết")
			.exchange();
		// A date typed as a time names its field, and nothing is kept.
		assertThat(created).hasStatusOk().bodyText().contains("Thời hạn giải quyết");
		var api = mvc.post()
			.uri("/api/v1/discipline/complaints")
			.with(user(ubkt))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"COMPLAINT","receivedOn":"2026-02-03","dueOn":"2026-03-05","about":"Việc thử API",
					"content":"Nội dung","handlerName":"Người giải quyết"}""")
			.exchange();
		assertThat(api).hasStatus(201);
		var id = jdbc.sql("select id from complaint where committee_id = :c")
			.param("c", ubkt.committeeId())
			.query(Long.class)
			.single();
		assertThat(complaints.read(ubkt, id).overdue()).isTrue();
		assertThat(mvc.post()
			.uri("/inspection/complaints/" + id + "/answer")
			.with(user(ubkt))
			.with(csrf())
			.param("on", "10/3/2026")
			.param("text", "Đã trả lời")).flash().containsKey("flashSuccess");
		var answered = complaints.read(ubkt, id);
		assertThat(answered.late()).isTrue();
		assertThat(mvc.post()
			.uri("/inspection/complaints/" + id + "/answer")
			.with(user(ubkt))
			.with(csrf())
			.param("on", "11/3/2026")
			.param("text", "Lần hai")).flash().containsKey("flashError");
		assertThat(jdbc
			.sql("select count(*) from audit_event where entity_type = 'complaint' and entity_id = :id"
					+ " and action = 'read'")
			.param("id", id)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theDemoHoldsOneReprimandAndComplaintsHandled() {
		var ubkt = demo.user("ubkt");
		assertThat(cases.list(ubkt)).filteredOn((c) -> c.violation().startsWith("Vắng sinh hoạt chi bộ"))
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.form()).isEqualTo(DisciplineForm.REPRIMAND);
				assertThat(cases.disciplinedIn(ubkt.committeeId(), 2024)).contains(c.memberId());
			});
		assertThat(complaints.list(ubkt, 2024)).extracting(Complaints.Complaint::kind)
			.contains(ComplaintKind.DENUNCIATION);
		assertThat(complaints.list(ubkt, 2025)).singleElement().satisfies((c) -> assertThat(c.late()).isTrue());
	}

}
