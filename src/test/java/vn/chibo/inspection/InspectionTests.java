package vn.chibo.inspection;

import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The inspection programme (docs/domain.md §10): the order of the steps, plan against
 * done against a fresh count, the whole path from the programme to the remedy verified
 * through the pages, the documents, and who reads what — every role, a foreign committee.
 */
@ChiboTest
class InspectionTests {

	@Autowired
	Inspections inspections;

	@Autowired
	InspectionQueries queries;

	@Autowired
	InspectionAccess access;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/** A committee of its own with a member of its inspection committee. */
	private record Committee(Fixtures.People people, CurrentUser inspector) {
	}

	private Committee committee() {
		var people = fixtures.people();
		return new Committee(people, fixtures.inspector(people));
	}

	private long planned(CurrentUser inspector, String content, long branchId) {
		var form = new InspectionForm();
		form.setYear(LocalDate.now().getYear());
		form.setKind(InspectionKind.INSPECTION);
		form.setBody(InspectionBody.INSPECTION_COMMITTEE);
		form.setBranchId(branchId);
		form.setPlannedMonth(1);
		form.setContent(content);
		form.setPeriod("Năm 2026");
		return inspections.plan(inspector, form);
	}

	/** An item of the branch carried to its conclusion, notified to the branch. */
	private long notified(CurrentUser inspector, long branchId) {
		var id = planned(inspector, "Việc thực hiện nghị quyết chi bộ", branchId);
		var today = LocalDate.now();
		var decision = new DecisionForm();
		decision.setDecisionNo("97-QĐ/UBKT");
		decision.setDecidedOn(today.minusDays(10));
		decision.setSigner("Người ký");
		inspections.decide(inspector, id, decision);
		var conclusion = new ConclusionForm();
		conclusion.setConcludedOn(today.minusDays(2));
		conclusion.setFindings("Chi bộ thực hiện nghiêm túc");
		inspections.conclude(inspector, id, conclusion);
		inspections.record(inspector, id, step(InspectionStep.NOTIFICATION, today, null), null);
		return id;
	}

	private static StepForm step(InspectionStep step, LocalDate on, String note) {
		var form = new StepForm();
		form.setStep(step);
		form.setDoneOn(on);
		form.setNote(note);
		return form;
	}

	@Test
	void theStepsKeepTheirOrder() {
		var committee = committee();
		var ubkt = committee.inspector();
		var id = planned(ubkt, "Thứ tự các bước", committee.people().branch());
		var today = LocalDate.now();
		var conclusion = new ConclusionForm();
		conclusion.setConcludedOn(today);
		conclusion.setFindings("Kết quả");
		// No conclusion, no step without a decision.
		assertThatThrownBy(() -> inspections.conclude(ubkt, id, conclusion)).isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("inspection.conclusion.noDecision");
		assertThatThrownBy(() -> inspections.record(ubkt, id, step(InspectionStep.PLAN, today, null), null))
			.hasMessageContaining("inspection.step.noDecision");
		var decision = new DecisionForm();
		decision.setDecisionNo("99-QĐ/UBKT");
		decision.setDecidedOn(today.minusDays(10));
		decision.setSigner("Người ký");
		inspections.decide(ubkt, id, decision);
		assertThatThrownBy(() -> inspections.decide(ubkt, id, decision))
			.hasMessageContaining("inspection.decision.once");
		// Once decided, the item is the decision's.
		assertThatThrownBy(() -> inspections.remove(ubkt, id)).hasMessageContaining("inspection.decided.locked");
		// A step before the decision, or in the future, is refused.
		assertThatThrownBy(
				() -> inspections.record(ubkt, id, step(InspectionStep.NOTICE, today.minusDays(11), null), null))
			.hasMessageContaining("inspection.doneOn.range");
		assertThatThrownBy(
				() -> inspections.record(ubkt, id, step(InspectionStep.NOTICE, today.plusDays(1), null), null))
			.hasMessageContaining("inspection.doneOn.range");
		assertThatThrownBy(() -> inspections.record(ubkt, id, step(InspectionStep.NOTIFICATION, today, null), null))
			.hasMessageContaining("inspection.notification.noConclusion");
		inspections.record(ubkt, id, step(InspectionStep.NOTICE, today.minusDays(8), null), null);
		assertThatThrownBy(
				() -> inspections.record(ubkt, id, step(InspectionStep.NOTICE, today.minusDays(7), null), null))
			.hasMessageContaining("inspection.step.once");
		inspections.record(ubkt, id, step(InspectionStep.WORKING_SESSION, today.minusDays(5), "Lần 1"), null);
		inspections.record(ubkt, id, step(InspectionStep.WORKING_SESSION, today.minusDays(4), "Lần 2"), null);
		// The conclusion comes after the last step.
		conclusion.setConcludedOn(today.minusDays(6));
		assertThatThrownBy(() -> inspections.conclude(ubkt, id, conclusion))
			.hasMessageContaining("inspection.concludedOn.range");
		var remedy = new RemedyForm();
		remedy.setContent("Khắc phục");
		remedy.setDueOn(today.plusDays(30));
		assertThatThrownBy(() -> inspections.addRemedy(ubkt, id, remedy))
			.hasMessageContaining("inspection.remedy.noConclusion");
		conclusion.setConcludedOn(today.minusDays(2));
		inspections.conclude(ubkt, id, conclusion);
		assertThatThrownBy(
				() -> inspections.record(ubkt, id, step(InspectionStep.DOCUMENTS, today.minusDays(1), null), null))
			.hasMessageContaining("inspection.step.afterConclusion");
		var remedyId = inspections.addRemedy(ubkt, id, remedy);
		// No verified remedy before its report.
		assertThatThrownBy(() -> inspections.verifyRemedy(ubkt, id, remedyId, step(null, today, null)))
			.hasMessageContaining("inspection.remedy.notReported");
		inspections.reportRemedy(ubkt, id, remedyId, step(null, today.minusDays(1), "Đã làm"));
		assertThatThrownBy(() -> inspections.verifyRemedy(ubkt, id, remedyId, step(null, today.minusDays(2), null)))
			.hasMessageContaining("inspection.doneOn.range");
		inspections.verifyRemedy(ubkt, id, remedyId, step(null, today, null));
		var detail = queries.detail(ubkt, id);
		assertThat(detail.item().status()).isEqualTo(InspectionStatus.CONCLUDED);
		assertThat(detail.steps()).extracting(InspectionQueries.StepRow::step)
			.containsExactly(InspectionStep.DECISION, InspectionStep.NOTICE, InspectionStep.WORKING_SESSION,
					InspectionStep.WORKING_SESSION, InspectionStep.CONCLUSION);
		assertThat(detail.remedies()).singleElement().satisfies((r) -> {
			assertThat(r.verifiedOn()).isEqualTo(today);
			assertThat(r.onTime()).isTrue();
		});
		assertThat(jdbc.sql("""
				select count(*) from audit_event where entity_type = 'inspection' and entity_id = :id
				and actor = :actor
				""").param("id", id).param("actor", ubkt.username()).query(Long.class).single()).isEqualTo(9);
	}

	@Test
	void planAgainstDoneEqualsAFreshCountOfTheRecords() {
		var ubkt = demo.user("ubkt");
		var today = LocalDate.now();
		for (var year = 2020; year <= today.getYear(); year++) {
			var programme = queries.programme(ubkt, year);
			var fresh = jdbc.sql("""
					select count(*) filter (where concluded_on is not null),
					count(*) filter (where decided_on is not null and concluded_on is null),
					count(*) filter (where decided_on is null and make_date(year, planned_month, 1)
						< date_trunc('month', current_date)),
					count(*) filter (where decided_on is null and make_date(year, planned_month, 1)
						>= date_trunc('month', current_date))
					from inspection where committee_id = :c and year = :y
					""")
				.param("c", ubkt.committeeId())
				.param("y", year)
				.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
				.single();
			assertThat(programme.totals().concluded()).as("concluded " + year).isEqualTo(fresh[0]);
			assertThat(programme.totals().inProgress()).as("in progress " + year).isEqualTo(fresh[1]);
			assertThat(programme.totals().overdue()).as("overdue " + year).isEqualTo(fresh[2]);
			assertThat(programme.totals().planned()).as("planned " + year).isEqualTo(fresh[3]);
			assertThat(programme.months().stream().mapToInt(InspectionQueries.MonthTally::total).sum())
				.isEqualTo(programme.items().size());
		}
	}

	@Test
	void theDemoHoldsAProgrammeEachYearMostlyConcluded() {
		var ubkt = demo.user("ubkt");
		var today = LocalDate.now();
		for (var year = 2020; year < today.getYear(); year++) {
			var items = queries.programme(ubkt, year).items();
			assertThat(items.stream().filter((i) -> i.kind() == InspectionKind.INSPECTION)).as("" + year).hasSize(2);
			assertThat(items.stream().filter((i) -> i.kind() == InspectionKind.SUPERVISION)).as("" + year).hasSize(3);
		}
		assertThat(queries.programme(ubkt, today.getYear() - 1).totals().overdue()).isEqualTo(1);
		var now = queries.programme(ubkt, today.getYear());
		assertThat(now.items())
			.filteredOn((i) -> i.content().equals("Việc thực hiện nghị quyết chi bộ")
					&& i.status() == InspectionStatus.CONCLUDED)
			.hasSize(2);
		assertThat(now.totals().inProgress()).isPositive();
		assertThat(queries.programme(ubkt, 2022).items()).anyMatch(InspectionQueries.Item::violations);
	}

	@Test
	void theInspectionCommitteeCarriesAnItemThroughThePagesToTheRemedyVerified() throws Exception {
		var committee = committee();
		var ubkt = committee.inspector();
		var year = LocalDate.now().getYear();
		var today = LocalDate.now();
		var created = mvc.post()
			.uri("/inspection")
			.with(user(ubkt))
			.with(csrf())
			.param("kind", "SUPERVISION")
			.param("body", "INSPECTION_COMMITTEE")
			.param("year", String.valueOf(year))
			.param("plannedMonth", "2")
			.param("branchId", String.valueOf(committee.people().branch()))
			.param("content", "Giám sát việc thực hiện nghị quyết về phòng, chống ma túy")
			.param("period", "Năm " + year)
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		var id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		var date = "%d/%d/%d".formatted(today.getDayOfMonth(), today.getMonthValue(), today.getYear());
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/decision")
			.with(user(ubkt))
			.with(csrf())
			.param("decisionNo", "31-QĐ/UBKT")
			.param("decidedOn", date)
			.param("signer", "Trần Văn Chủ Nhiệm")
			.param("leadName", "Lê Thị Trưởng Đoàn")).hasStatus3xxRedirection();
		// A date typed wrong names the field.
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/steps")
			.with(user(ubkt))
			.with(csrf())
			.param("step", "NOTICE")
			.param("doneOn", "8h00")).flash().containsKey("flashError");
		var selfReport = new MockMultipartFile("file", "bao-cao-tu-kiem-tra.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF".getBytes());
		assertThat(mvc.post()
			.multipart()
			.uri("/inspection/" + id + "/steps")
			.file(selfReport)
			.with(user(ubkt))
			.with(csrf())
			.param("step", "SELF_REPORT")
			.param("doneOn", date)
			.param("note", "Chi bộ nộp báo cáo")).flash().containsKey("flashSuccess");
		var fake = new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", "không phải PDF".getBytes());
		assertThat(mvc.post()
			.multipart()
			.uri("/inspection/" + id + "/steps")
			.file(fake)
			.with(user(ubkt))
			.with(csrf())
			.param("step", "DOCUMENTS")
			.param("doneOn", date)).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/conclusion")
			.with(user(ubkt))
			.with(csrf())
			.param("concludedOn", date)
			.param("findings", "Chi bộ thực hiện nghiêm túc nghị quyết")
			.param("shortcomings", "Một số nhiệm vụ chậm")
			.param("recommendations", "Bổ sung thời hạn từng nhiệm vụ")).flash().containsKey("flashSuccess");
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/remedies")
			.with(user(ubkt))
			.with(csrf())
			.param("content", "Bổ sung thời hạn cho từng nhiệm vụ")
			.param("dueOn", "%d/%d/%d".formatted(today.getDayOfMonth(), today.getMonthValue(), today.getYear() + 1)))
			.flash()
			.containsKey("flashSuccess");
		var remedy = queries.detail(ubkt, id).remedies().getFirst().id();
		// The branch's secretary is told nothing until notified.
		var secretary = committee.people().secretary();
		assertThat(mvc.get().uri("/inspection/" + id).with(user(secretary))).hasStatus(404);
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/steps")
			.with(user(ubkt))
			.with(csrf())
			.param("step", "NOTIFICATION")
			.param("doneOn", date)).flash().containsKey("flashSuccess");
		var page = mvc.get().uri("/inspection/" + id).with(user(secretary)).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Chi bộ thực hiện nghiêm túc nghị quyết")
			.contains("Bổ sung thời hạn cho từng nhiệm vụ")
			.doesNotContain("bao-cao-tu-kiem-tra.pdf");
		// The subject reports the remedy done; the inspection committee verifies it.
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/remedies/" + remedy + "/report")
			.with(user(secretary))
			.with(csrf())
			.param("doneOn", date)
			.param("note", "Chi bộ đã bổ sung")).flash().containsKey("flashSuccess");
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/remedies/" + remedy + "/verify")
			.with(user(secretary))
			.with(csrf())
			.param("doneOn", date)).hasStatus(403);
		assertThat(mvc.post()
			.uri("/inspection/" + id + "/remedies/" + remedy + "/verify")
			.with(user(ubkt))
			.with(csrf())
			.param("doneOn", date)).flash().containsKey("flashSuccess");
		assertThat(queries.detail(ubkt, id).remedies().getFirst().verifiedOn()).isEqualTo(today);
		// The insiders read the self-report; the subject does not.
		var stepId = queries.detail(ubkt, id)
			.steps()
			.stream()
			.filter((s) -> s.fileName() != null)
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(mvc.get().uri("/inspection/steps/" + stepId + "/file").with(user(ubkt))).hasStatusOk()
			.hasContentType("application/pdf");
		assertThat(mvc.get().uri("/inspection/steps/" + stepId + "/file").with(user(secretary))).hasStatus(403);
		// The documents in the Party's layout.
		for (var kind : new String[] { "decision", "plan", "conclusion" }) {
			var pdf = mvc.get().uri("/inspection/" + id + "/" + kind + ".pdf").with(user(ubkt)).exchange();
			assertThat(pdf).as(kind).hasStatusOk().hasContentType("application/pdf");
			try (var read = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
				var text = new PDFTextStripper().getText(read);
				assertThat(text).as(kind)
					.contains("ĐẢNG CỘNG SẢN VIỆT NAM")
					.contains("Chi bộ Văn phòng")
					.contains("T/M ỦY BAN KIỂM TRA")
					.contains("Trần Văn Chủ Nhiệm");
				if (kind.equals("decision")) {
					assertThat(text).contains("QUYẾT ĐỊNH").contains("31-QĐ/UBKT").contains("Lê Thị Trưởng Đoàn");
				}
				if (kind.equals("conclusion")) {
					assertThat(text).contains("THÔNG BÁO KẾT LUẬN")
						.contains("Chi bộ thực hiện nghiêm túc nghị quyết")
						.contains("Bổ sung thời hạn cho từng nhiệm vụ");
				}
			}
			assertThat(mvc.get().uri("/inspection/" + id + "/" + kind + ".docx").with(user(ubkt))).hasStatusOk();
		}
		// The subject reads the notice of the conclusion, not the decision's papers.
		assertThat(mvc.get().uri("/inspection/" + id + "/conclusion.pdf").with(user(secretary))).hasStatusOk();
		assertThat(mvc.get().uri("/inspection/" + id + "/decision.pdf").with(user(secretary))).hasStatus(422);
		assertThat(mvc.get().uri("/inspection/export.xlsx?year=" + year).with(user(ubkt))).hasStatusOk();
	}

	@Test
	void onlyTheInspectionCommitteeAndTheStandingMembersReadWhatIsNotNotified() {
		var committee = committee();
		var people = committee.people();
		var ubkt = committee.inspector();
		var open = planned(ubkt, "Kiểm tra chưa thông báo", people.branch());
		var done = notified(ubkt, people.branch());
		// The second branch's secretary is also the committee's secretary.
		fixtures.post(people.committee(), people.otherSecretary().memberId(), people.committee().grassroots(),
				Post.COMMITTEE_SECRETARY);
		var decision = new DecisionForm();
		decision.setDecisionNo("98-QĐ/UBKT");
		decision.setDecidedOn(LocalDate.now());
		decision.setSigner("Người ký");
		inspections.decide(ubkt, open, decision);
		// The insiders by their posts: the inspection committee member and the
		// committee's secretary, whatever their account's role.
		for (var reader : List.of(ubkt, people.otherSecretary())) {
			var login = reader.username();
			assertThat(access.insider(reader)).as(login).isTrue();
			assertThat(mvc.get().uri("/inspection/" + open).with(user(reader))).as(login)
				.hasStatusOk()
				.bodyText()
				.contains("98-QĐ/UBKT");
		}
		// Everyone else: not the working record, not the papers, no change.
		var committeeMember = people.committee()
			.committeeMember(
					fixtures.member(people.committee(), people.otherBranch(), "Hà Văn Ủy", TheoryLevel.ADVANCED));
		for (var reader : List.of(people.committee().admin(), people.committee().office(), people.secretary(),
				people.member(), people.committee().secretary(2), committeeMember)) {
			var login = reader.username();
			assertThat(access.insider(reader)).as(login).isFalse();
			assertThat(mvc.get().uri("/inspection/" + open).with(user(reader))).as(login).hasStatus(404);
			assertThat(mvc.get().uri("/api/v1/inspections/" + open).with(user(reader))).as(login).hasStatus(404);
			assertThat(mvc.get().uri("/inspection/" + open + "/decision.pdf").with(user(reader))).as(login)
				.hasStatus(404);
			assertThat(mvc.post()
				.uri("/inspection/" + open + "/steps")
				.with(user(reader))
				.with(csrf())
				.param("step", "NOTICE")
				.param("doneOn", "1/1/2026")).as(login).hasStatus(403);
			assertThat(mvc.post()
				.uri("/api/v1/inspections")
				.with(user(reader))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind":"INSPECTION","body":"COMMITTEE","year":2026,"plannedMonth":3,
						"branchId":%d,"content":"x","period":"y"}""".formatted(people.branch()))).as(login)
				.hasStatus(403);
		}
		// The committee follows the programme; a branch sees only its own notified items;
		// a member only what concerns them.
		var year = LocalDate.now().getYear();
		assertThat(queries.programme(people.committee().office(), year).items()).extracting(InspectionQueries.Item::id)
			.containsExactlyInAnyOrder(open, done);
		assertThat(queries.programme(committeeMember, year).items()).extracting(InspectionQueries.Item::id)
			.containsExactlyInAnyOrder(open, done);
		assertThat(queries.programme(people.secretary(), year).items()).extracting(InspectionQueries.Item::id)
			.containsExactly(done);
		assertThat(queries.programme(people.committee().secretary(2), year).items()).isEmpty();
		assertThat(queries.programme(people.member(), year).items()).isEmpty();
		// The superior's observer: nothing; another committee: nothing.
		assertThat(mvc.get().uri("/inspection").with(user(people.committee().observer()))).hasStatus(403);
		var foreign = fixtures.committee().office();
		assertThat(queries.programme(foreign, year).items()).isEmpty();
		assertThatThrownBy(() -> queries.detail(foreign, open)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> inspections.plan(foreign, new InspectionForm()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(mvc.get().uri("/api/v1/inspections?year=" + year).with(user(ubkt))).hasStatusOk()
			.bodyText()
			.contains("\"id\":" + open + ",");
	}

	@Autowired
	InspectionFigures figures;

	@Test
	void theYearsFiguresEqualAFreshCountAndFeedTheReports() throws Exception {
		var office = demo.user("vanphong");
		var f = figures.year(office, 2022);
		var fresh = jdbc.sql("""
				select count(*), count(concluded_on), count(*) filter (where violations is not null)
				from inspection where committee_id = :c and year = 2022
				""")
			.param("c", office.committeeId())
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
			.single();
		assertThat(f.planned()).isEqualTo(fresh[0]);
		assertThat(f.concluded()).isEqualTo(fresh[1]);
		assertThat(f.withViolations()).isEqualTo(fresh[2]).isPositive();
		assertThat(f.remediesOnTime()).isLessThanOrEqualTo(f.remedies()).isPositive();
		assertThat(figures.year(office, 2024).disciplineByForm()).containsEntry("REPRIMAND", 1);
		var pdf = mvc.get().uri("/inspection/report/2022.pdf").with(user(office)).exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		try (var read = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(read).replaceAll("\\s+", " ")).contains("ỦY BAN KIỂM TRA")
				.contains("Kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm 2022")
				.contains("đã kết luận " + f.concluded() + "/" + f.planned());
		}
		assertThat(mvc.get().uri("/inspection/report/2022.docx").with(user(office))).hasStatusOk();
		assertThat(mvc.get().uri("/inspection/report.xlsx?year=2022").with(user(office))).hasStatusOk();
		assertThat(mvc.get().uri("/inspection/report?year=2024").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Khiển trách");
		// The committee's year report carries the same figures; a branch's does not.
		var year = mvc.get().uri("/api/v1/reports/year/2022").with(user(office)).exchange();
		assertThat(year).hasStatusOk().bodyText().contains("Công tác kiểm tra, giám sát theo chương trình");
		assertThat(mvc.get().uri("/api/v1/reports/year/2022").with(user(demo.user("bithu.cb01")))).hasStatusOk()
			.bodyText()
			.doesNotContain("Công tác kiểm tra, giám sát theo chương trình");
		for (var login : new String[] { "bithu.cb01", "dangvien.cb01" }) {
			assertThat(mvc.get().uri("/inspection/report").with(user(demo.user(login)))).as(login).hasStatus(403);
			assertThat(mvc.get().uri("/api/v1/inspections/figures/2022").with(user(demo.user(login)))).as(login)
				.hasStatus(403);
		}
		assertThat(mvc.get().uri("/inspection/report").with(user(demo.user("captren")))).hasStatus(403);
	}

}
