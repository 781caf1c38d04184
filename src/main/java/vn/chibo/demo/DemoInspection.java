package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.inspection.ConclusionForm;
import vn.chibo.inspection.DecisionForm;
import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionBody;
import vn.chibo.inspection.InspectionForm;
import vn.chibo.inspection.InspectionKind;
import vn.chibo.inspection.InspectionStep;
import vn.chibo.inspection.Inspections;
import vn.chibo.inspection.RemedyForm;
import vn.chibo.inspection.StepForm;
import vn.chibo.inspection.discipline.CaseStep;
import vn.chibo.inspection.discipline.CaseStepForm;
import vn.chibo.inspection.discipline.CaseForm;
import vn.chibo.inspection.discipline.ComplaintForm;
import vn.chibo.inspection.discipline.ComplaintKind;
import vn.chibo.inspection.discipline.Complaints;
import vn.chibo.inspection.discipline.DisciplineAuthority;
import vn.chibo.inspection.discipline.DisciplineCases;
import vn.chibo.inspection.discipline.DisciplineForm;
import vn.chibo.inspection.supervision.NoteForm;
import vn.chibo.inspection.supervision.ObservationKind;
import vn.chibo.inspection.supervision.Supervisions;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberRecords.PostRow;
import vn.chibo.member.Post;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.UserAccounts;

/**
 * The demo's inspection and supervision programme (docs/domain.md §14): each year since
 * 2020 two thematic inspections and three thematic supervisions of branches, carried from
 * the decision to the remedies verified by the inspection committee; last year's item
 * left undone and this year's overdue one, one still in progress; this year's supervision
 * of "việc thực hiện nghị quyết chi bộ" at two branches (the news article of 18/06/2026),
 * with a remedy still overdue; the demo's one discipline case and the complaints
 * received.
 */
@Component
class DemoInspection {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final List<String> INSPECTIONS = List.of(
			"Việc chấp hành Điều lệ Đảng, nguyên tắc tập trung dân chủ và chế độ sinh hoạt chi bộ",
			"Việc thu, nộp, quản lý và sử dụng đảng phí",
			"Việc lãnh đạo thực hiện nhiệm vụ chính trị, phòng, chống buôn lậu, gian lận thương mại",
			"Việc thực hiện quy định về những điều đảng viên không được làm");

	private static final List<String> SUPERVISIONS = List.of("Việc thực hiện nghị quyết chi bộ",
			"Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
			"Việc kiểm điểm, đánh giá, xếp loại chất lượng đảng viên cuối năm",
			"Chất lượng sinh hoạt chi bộ theo Hướng dẫn 12-HD/BTCTW",
			"Việc đảng viên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú");

	private final Inspections inspections;

	private final InspectionAccess access;

	private final Supervisions supervisions;

	private final MeetingQueries meetings;

	private final DisciplineCases cases;

	private final Complaints complaints;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final UserAccounts accounts;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoInspection(Inspections inspections, InspectionAccess access, Supervisions supervisions, MeetingQueries meetings,
			DisciplineCases cases, Complaints complaints, MemberQueries members, OrganizationQueries organizations,
			UserAccounts accounts, TransactionTemplate transaction, Clock clock) {
		this.inspections = inspections;
		this.access = access;
		this.supervisions = supervisions;
		this.meetings = meetings;
		this.cases = cases;
		this.complaints = complaints;
		this.members = members;
		this.organizations = organizations;
		this.accounts = accounts;
		this.transaction = transaction;
		this.clock = clock;
	}

	private record Plan(int year, InspectionKind kind, InspectionBody body, int branch, String content, int month,
			Stage stage, @Nullable String violation) {
	}

	/** How far an item has gone by today. */
	private enum Stage {

		NONE, IN_PROGRESS, CONCLUDED

	}

	/** Answers how many programme items were recorded. */
	int load(CurrentUser office) {
		var ubkt = accounts.findByUsername("ubkt").orElseThrow();
		var today = LocalDate.now(clock);
		var branches = DemoBranches.of(organizations, office);
		var posts = members.currentPosts(office.committeeId(), office.scopeOrganizationId());
		var secretary = name(posts, Post.COMMITTEE_SECRETARY);
		var chair = name(posts, Post.COMMITTEE_DEPUTY_SECRETARY);
		var inspectors = posts.stream()
			.filter((p) -> p.post() == Post.INSPECTION_MEMBER)
			.map(PostRow::memberName)
			.toList();
		var plans = new ArrayList<Plan>();
		for (var year = 2020; year <= today.getYear(); year++) {
			var current = year == today.getYear();
			var k = year - 2020;
			plans.add(new Plan(year, InspectionKind.INSPECTION, InspectionBody.INSPECTION_COMMITTEE, (k * 5) % 8,
					INSPECTIONS.get(k % INSPECTIONS.size()), 3, Stage.CONCLUDED,
					(year == 2022) ? "Chi bộ chậm thu, nộp đảng phí 3 tháng của 2 đảng viên; sổ sách ghi chưa đầy đủ."
							: null));
			plans.add(new Plan(year, InspectionKind.INSPECTION, InspectionBody.INSPECTION_COMMITTEE, (k * 5 + 1) % 8,
					INSPECTIONS.get((k + 1) % INSPECTIONS.size()), 9, current ? Stage.IN_PROGRESS : Stage.CONCLUDED,
					null));
			if (current) {
				// The supervision of the branches' resolutions the news reported.
				plans.add(new Plan(year, InspectionKind.SUPERVISION, InspectionBody.INSPECTION_COMMITTEE, 0,
						SUPERVISIONS.getFirst(), 5, Stage.CONCLUDED, null));
				plans.add(new Plan(year, InspectionKind.SUPERVISION, InspectionBody.INSPECTION_COMMITTEE, 6,
						SUPERVISIONS.getFirst(), 5, Stage.CONCLUDED, null));
				plans.add(new Plan(year, InspectionKind.SUPERVISION, InspectionBody.COMMITTEE, 3, SUPERVISIONS.get(3),
						10, Stage.NONE, null));
				plans.add(new Plan(year, InspectionKind.SUPERVISION, InspectionBody.COMMITTEE, 5, SUPERVISIONS.get(2),
						12, Stage.NONE, null));
			}
			else {
				for (var s = 0; s < 3; s++) {
					var left = year == today.getYear() - 1 && s == 2;
					plans.add(new Plan(year, InspectionKind.SUPERVISION,
							(s == 1) ? InspectionBody.COMMITTEE : InspectionBody.INSPECTION_COMMITTEE,
							(k * 5 + 2 + s) % 8, SUPERVISIONS.get((k + s) % SUPERVISIONS.size()), 5 + s * 3,
							left ? Stage.NONE : Stage.CONCLUDED, null));
				}
			}
		}
		transaction.executeWithoutResult((status) -> discipline(ubkt, branches.get(2).id(), inspectors, today));
		transaction.executeWithoutResult((status) -> supervision(ubkt, branches, today));
		var count = 0;
		for (var plan : plans) {
			var branch = branches.get(plan.branch());
			transaction.executeWithoutResult((status) -> carry(ubkt, plan, branch.id(),
					(plan.body() == InspectionBody.COMMITTEE) ? secretary : chair, inspectors, today));
			count++;
		}
		return count;
	}

	private void carry(CurrentUser ubkt, Plan plan, long branchId, String signer, List<String> inspectors,
			LocalDate today) {
		var form = new InspectionForm();
		form.setYear(plan.year());
		form.setKind(plan.kind());
		form.setBody(plan.body());
		form.setBranchId(branchId);
		form.setPlannedMonth(plan.month());
		form.setContent(plan.content());
		form.setPeriod("Từ tháng 01/" + (plan.year() - 1) + " đến thời điểm kiểm tra, giám sát");
		form.setLeadName(inspectors.isEmpty() ? null : inspectors.getFirst() + ", Ủy viên Ủy ban Kiểm tra");
		form.setTeam(
				String.join("\n", inspectors.stream().skip(1).map((n) -> n + ", Ủy viên Ủy ban Kiểm tra").toList()));
		var id = inspections.plan(ubkt, form);
		if (plan.stage() == Stage.NONE) {
			return;
		}
		var start = LocalDate.of(plan.year(), plan.month(), 5);
		var decision = new DecisionForm();
		decision.setDecisionNo((plan.body() == InspectionBody.COMMITTEE ? 10 : 20) + plan.month() + "-QĐ/"
				+ (plan.body() == InspectionBody.COMMITTEE ? "ĐU" : "UBKT"));
		decision.setDecidedOn(start);
		decision.setSigner(signer);
		inspections.decide(ubkt, id, decision);
		step(ubkt, id, InspectionStep.PLAN, start.plusDays(2), "Kế hoạch của Đoàn được Thường trực Đảng ủy thông qua.");
		step(ubkt, id, InspectionStep.NOTICE, start.plusDays(3),
				"Thông báo cho chi bộ và đề nghị báo cáo tự kiểm tra.");
		step(ubkt, id, InspectionStep.SELF_REPORT, start.plusDays(12), "Chi bộ nộp báo cáo tự kiểm tra đúng hạn.");
		step(ubkt, id, InspectionStep.WORKING_SESSION, start.plusDays(16),
				"Đoàn làm việc với chi ủy và một số đảng viên; xem sổ biên bản, sổ nghị quyết.");
		if (plan.stage() == Stage.IN_PROGRESS) {
			return;
		}
		step(ubkt, id, InspectionStep.DRAFT_REPORT, start.plusDays(22), null);
		step(ubkt, id, InspectionStep.DISCUSSION, start.plusDays(24), "Chi bộ thống nhất với dự thảo báo cáo.");
		var concluded = start.plusDays(32);
		var conclusion = new ConclusionForm();
		conclusion.setConcludedOn(concluded);
		conclusion.setFindings("Chi bộ đã lãnh đạo, tổ chức thực hiện " + plan.content().toLowerCase(VI)
				+ " cơ bản nghiêm túc; sinh hoạt đều đặn, nghị quyết có chỉ tiêu cụ thể, phân công đảng viên thực hiện.");
		conclusion.setStrengths("Chi ủy chuẩn bị nội dung chu đáo; đa số đảng viên gương mẫu, hoàn thành nhiệm vụ.");
		conclusion.setShortcomings(
				"Việc kiểm điểm kết quả thực hiện nghị quyết kỳ trước có lúc chưa cụ thể; một số nhiệm vụ hoàn thành chậm.");
		conclusion.setViolations(plan.violation());
		conclusion.setRecommendations(
				"Chi bộ kiểm điểm rút kinh nghiệm, khắc phục hạn chế và báo cáo kết quả về Ủy ban Kiểm tra Đảng ủy.");
		inspections.conclude(ubkt, id, conclusion);
		step(ubkt, id, InspectionStep.NOTIFICATION, concluded.plusDays(5), "Thông báo kết luận tại hội nghị chi bộ.");
		var due = concluded.plusDays(60);
		var remedy = new RemedyForm();
		remedy.setContent(
				"Kiểm điểm, rút kinh nghiệm tại cuộc sinh hoạt chi bộ; bổ sung chỉ tiêu, thời hạn cho từng nhiệm vụ.");
		remedy.setDueOn(due);
		var remedyId = inspections.addRemedy(ubkt, id, remedy);
		if (plan.violation() != null) {
			var fees = new RemedyForm();
			fees.setContent("Thu đủ đảng phí còn thiếu, hoàn thiện sổ sách theo quy định.");
			fees.setDueOn(concluded.plusDays(30));
			var feesId = inspections.addRemedy(ubkt, id, fees);
			follow(ubkt, id, feesId, concluded.plusDays(40), today);
		}
		// This year's supervision of the resolutions: one branch's remedy is overdue.
		if (plan.year() == today.getYear() && plan.month() == 5 && plan.branch() == 6) {
			return;
		}
		follow(ubkt, id, remedyId, due.minusDays(7), today);
	}

	/**
	 * The one discipline case of the demo (docs/domain.md §14: a reprimand of an invented
	 * member, decided by the branch) and the complaints received since 2023, one still
	 * open and one answered late.
	 */
	private void discipline(CurrentUser ubkt, long branchId, List<String> inspectors, LocalDate today) {
		var roster = members.rosterOn(ubkt.committeeId(), branchId, LocalDate.of(2024, 2, 1));
		var member = roster.get(roster.size() / 2);
		var opened = new CaseForm();
		opened.setMemberId(member.id());
		opened.setViolation("Vắng sinh hoạt chi bộ không có lý do 3 kỳ liên tiếp (tháng 11, 12/2023 và 01/2024); "
				+ "chậm nộp đảng phí 3 tháng.");
		opened.setOpenedOn(LocalDate.of(2024, 2, 26));
		var id = cases.open(ubkt, opened);
		caseStep(ubkt, id, CaseStep.SELF_REVIEW, LocalDate.of(2024, 3, 5), (f) -> {
		});
		caseStep(ubkt, id, CaseStep.MEETING, LocalDate.of(2024, 3, 12), (f) -> {
			f.setVotesFor(19);
			f.setVotesPresent(21);
		});
		caseStep(ubkt, id, CaseStep.DECISION, LocalDate.of(2024, 3, 12), (f) -> {
			f.setAuthority(DisciplineAuthority.BRANCH);
			f.setForm(DisciplineForm.REPRIMAND);
			f.setDecisionNo("01-QĐ/CB");
			f.setEffectiveOn(LocalDate.of(2024, 3, 12));
		});
		var handler = inspectors.isEmpty() ? "Ủy ban Kiểm tra" : inspectors.getLast();
		complaint(ubkt, ComplaintKind.COMPLAINT, LocalDate.of(2023, 5, 10), "Đảng viên Chi bộ Văn phòng",
				"Kết quả xếp loại chất lượng đảng viên năm 2022", handler, LocalDate.of(2023, 6, 2),
				"Đã xem xét lại biên bản kiểm điểm; giữ nguyên kết quả xếp loại và trả lời người gửi.");
		complaint(ubkt, ComplaintKind.DENUNCIATION, LocalDate.of(2024, 2, 20), "Một đảng viên (đề nghị giữ bí mật)",
				"Việc chấp hành chế độ sinh hoạt của " + member.fullName(), handler, LocalDate.of(2024, 3, 15),
				"Tố cáo đúng một phần; chuyển chi bộ xem xét, chi bộ đã thi hành kỷ luật khiển trách.");
		complaint(ubkt, ComplaintKind.COMPLAINT, LocalDate.of(2025, 9, 15), null,
				"Việc phân công nhiệm vụ trong chi bộ", handler, LocalDate.of(2025, 10, 20),
				"Chi ủy đã trao đổi, điều chỉnh phân công; trả lời chậm do chờ ý kiến chi ủy.");
		if (today.isAfter(LocalDate.of(2026, 11, 10))) {
			complaint(ubkt, ComplaintKind.COMPLAINT, LocalDate.of(2026, 11, 10), "Đảng viên Chi bộ Nghiệp vụ",
					"Việc xét đề nghị tặng Giấy khen năm 2026", handler, null, null);
		}
	}

	private void caseStep(CurrentUser ubkt, long id, CaseStep step, LocalDate on, Consumer<CaseStepForm> fill) {
		var form = new CaseStepForm();
		form.setStep(step);
		form.setOn(on);
		fill.accept(form);
		cases.step(ubkt, id, form);
	}

	private void complaint(CurrentUser ubkt, ComplaintKind kind, LocalDate received, @Nullable String sender,
			String about, String handler, @Nullable LocalDate answered, @Nullable String answer) {
		var form = new ComplaintForm();
		form.setKind(kind);
		form.setReceivedOn(received);
		form.setSender(sender);
		form.setAbout(about);
		form.setContent("Đơn gửi Ủy ban Kiểm tra Đảng ủy về " + about.toLowerCase(VI) + ".");
		form.setHandlerName(handler);
		form.setDueOn(received.plusDays(30));
		var id = complaints.receive(ubkt, form);
		if (answered != null) {
			complaints.answer(ubkt, id, answered, answer);
		}
	}

	/**
	 * Regular supervision (docs/domain.md §10): the committee's target of 30% each year
	 * since 2020; last year and this, the inspection committee at two meetings of each
	 * branch, and each branch's secretary supervising members — about a third of them
	 * last year, this year fewer at Vũng Áng (below the target).
	 */
	private void supervision(CurrentUser ubkt, List<OrgNode> branches, LocalDate today) {
		for (var year = 2020; year <= today.getYear(); year++) {
			supervisions.setTarget(ubkt, year, 30);
		}
		var wide = access.committeeWide(ubkt);
		for (var year = today.getYear() - 1; year <= today.getYear(); year++) {
			var last = (year == today.getYear()) ? today : LocalDate.of(year, 12, 31);
			for (var b = 0; b < branches.size(); b++) {
				var branch = branches.get(b);
				var held = meetings.calendar(wide, year, branch.id())
					.stream()
					.filter((m) -> m.status() == MeetingStatus.HELD && !m.scheduledOn().isAfter(last))
					.toList();
				for (var i = 0; i < Math.min(2, held.size()); i++) {
					var meeting = held.get(held.size() / 3 * (i + 1) - 1 < 0 ? 0 : held.size() / 3 * (i + 1) - 1);
					var note = new NoteForm();
					note.setBranchId(branch.id());
					note.setKind(ObservationKind.MEETING);
					note.setMeetingId(meeting.id());
					note.setObservedOn(meeting.scheduledOn());
					note.setNote(
							"Dự sinh hoạt chi bộ: chuẩn bị chu đáo, nhiều đảng viên phát biểu; nghị quyết có chỉ tiêu cụ thể.");
					if (i == 0) {
						note.setRecommendation("Đánh giá cụ thể kết quả thực hiện nghị quyết tháng trước.");
					}
					var id = supervisions.record(ubkt, note);
					if (i == 0 && meeting.scheduledOn().plusDays(40).isBefore(today)) {
						supervisions.followUp(ubkt, id, meeting.scheduledOn().plusDays(30),
								"Chi bộ đã bổ sung phần đánh giá kết quả nghị quyết kỳ trước.");
					}
				}
				var secretary = accounts.findByUsername("bithu." + branch.code().toLowerCase(VI)).orElse(null);
				if (secretary == null) {
					continue;
				}
				var roster = members.rosterOn(ubkt.committeeId(), branch.id(), last);
				var share = (year == today.getYear() && b == 1) ? 0.2 : 0.34;
				var count = (int) Math.ceil(roster.size() * share);
				for (var i = 0; i < count && i < roster.size(); i++) {
					var note = new NoteForm();
					note.setBranchId(branch.id());
					note.setMemberId(roster.get((i * 3) % roster.size()).id());
					note.setKind((i % 2 == 0) ? ObservationKind.DIALOGUE : ObservationKind.REPORT);
					var month = 1 + (i * 5) % Math.max(1, last.getMonthValue() - 1);
					note.setObservedOn(LocalDate.of(year, month, 10 + i % 15));
					note.setNote("Đảng viên chấp hành tốt nhiệm vụ được giao, giữ mối liên hệ với nơi cư trú.");
					supervisions.record(secretary, note);
				}
			}
		}
	}

	/** The subject's report of a remedy, then its verification two weeks later. */
	private void follow(CurrentUser ubkt, long id, long remedyId, LocalDate reported, LocalDate today) {
		if (reported.isAfter(today)) {
			return;
		}
		var report = new StepForm();
		report.setDoneOn(reported);
		report.setNote("Chi bộ đã kiểm điểm tại cuộc sinh hoạt thường kỳ và hoàn thành khắc phục.");
		inspections.reportRemedy(ubkt, id, remedyId, report);
		var verified = reported.plusDays(14);
		if (!verified.isAfter(today)) {
			var verify = new StepForm();
			verify.setDoneOn(verified);
			inspections.verifyRemedy(ubkt, id, remedyId, verify);
		}
	}

	private void step(CurrentUser ubkt, long id, InspectionStep step, LocalDate on, @Nullable String note) {
		var form = new StepForm();
		form.setStep(step);
		form.setDoneOn(on);
		form.setNote(note);
		inspections.record(ubkt, id, form, null);
	}

	private static String name(List<PostRow> posts, Post post) {
		return posts.stream().filter((p) -> p.post() == post).map(PostRow::memberName).findFirst().orElse("");
	}

}
