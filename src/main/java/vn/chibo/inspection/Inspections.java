package vn.chibo.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.inspection.InspectionQueries.Item;
import vn.chibo.inspection.InspectionQueries.Remedy;
import vn.chibo.inspection.InspectionQueries.StepRow;
import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The yearly programme of inspection and supervision and each of its items, from the
 * decision through the conclusion to the remedies verified (docs/domain.md §10,
 * 296-QĐ/TW). The inspection committee and the standing members write and read
 * everything; the committee follows the programme and reads conclusions once notified;
 * the subject — the member, or the secretary of the branch inspected — reads its
 * conclusion and reports its remedies once notified. Every change is audited.
 */
@Service
@Transactional
public class Inspections {

	static final String AUDIT_TYPE = "inspection";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final InspectionAccess access;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final InspectionQueries queries;

	Inspections(JdbcClient jdbc, InspectionAccess access, InspectionQueries queries, MemberQueries members,
			OrganizationQueries organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.access = access;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new item of the programme. */
	public long plan(CurrentUser user, InspectionForm form) {
		access.requireInsider(user);
		var values = values(user, form);
		var id = jdbc.sql("""
				insert into inspection (committee_id, year, kind, body, branch_id, member_id, subject_name, content,
				period, planned_month, lead_name, team, created_by)
				values (:committee, :year, :kind, :body, :branch, :member, :subject, :content, :period, :month, :lead,
				:team, :by) returning id
				""")
			.params(values)
			.param("committee", user.committeeId())
			.param("by", user.username())
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, values);
		return id;
	}

	/** Changes an item still only planned; once decided it is the decision's. */
	public void update(CurrentUser user, long id, InspectionForm form) {
		var before = locked(user, id);
		if (before.decided()) {
			throw new BusinessRuleException("kind", "inspection.decided.locked");
		}
		var values = values(user, form);
		jdbc.sql(
				"""
						update inspection set year = :year, kind = :kind, body = :body, branch_id = :branch, member_id = :member,
						subject_name = :subject, content = :content, period = :period, planned_month = :month,
						lead_name = :lead, team = :team where committee_id = :committee and id = :id
						""")
			.params(values)
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", snapshot(before), values);
	}

	/** Takes out an item planned by mistake, before any decision. */
	public void remove(CurrentUser user, long id) {
		var before = locked(user, id);
		if (before.decided()) {
			throw new BusinessRuleException("kind", "inspection.decided.locked");
		}
		jdbc.sql("delete from inspection where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "delete", snapshot(before), null);
	}

	/** The decision opens the inspection: number, date, signer, the team it names. */
	public void decide(CurrentUser user, long id, DecisionForm form) {
		var item = locked(user, id);
		if (item.decided()) {
			throw new BusinessRuleException("decisionNo", "inspection.decision.once");
		}
		var number = required(VietnameseText.cleanOrNull(form.getDecisionNo()), "decisionNo");
		var signer = required(VietnameseText.cleanOrNull(form.getSigner()), "signer");
		var on = date(form.getDecidedOn(), "decidedOn", LocalDate.of(item.year() - 1, 1, 1));
		var lead = VietnameseText.cleanOrNull(form.getLeadName());
		var team = VietnameseText.paragraphs(form.getTeam());
		jdbc.sql("""
				update inspection set decision_no = :number, decided_on = :on, decision_signer = :signer,
				lead_name = coalesce(:lead, lead_name), team = coalesce(:team, team)
				where committee_id = :committee and id = :id
				""")
			.param("number", number)
			.param("on", on)
			.param("signer", signer)
			.param("lead", lead)
			.param("team", team)
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		insertStep(user, id, InspectionStep.DECISION, on, number, null);
		var after = new LinkedHashMap<String, Object>();
		after.put("decisionNo", number);
		after.put("decidedOn", on.toString());
		after.put("signer", signer);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "decide", null, after);
	}

	/**
	 * A step of the work (plan, notice, self-report, documents, working session, draft
	 * report, discussion) or the notification of the conclusion, in the order of the
	 * procedure, with the file gathered at it.
	 */
	public long record(CurrentUser user, long id, StepForm form, @Nullable StepFile file) {
		var item = locked(user, id);
		var step = form.getStep();
		if (step == null || !(InspectionStep.WORK.contains(step) || step == InspectionStep.NOTIFICATION)) {
			throw new BusinessRuleException("step", "inspection.step.required");
		}
		if (!item.decided()) {
			throw new BusinessRuleException("step", "inspection.step.noDecision");
		}
		LocalDate from;
		if (step == InspectionStep.NOTIFICATION) {
			if (!item.concluded()) {
				throw new BusinessRuleException("step", "inspection.notification.noConclusion");
			}
			if (item.notified()) {
				throw new BusinessRuleException("step", "inspection.step.once");
			}
			from = item.concludedOn();
		}
		else {
			if (item.concluded()) {
				throw new BusinessRuleException("step", "inspection.step.afterConclusion");
			}
			if (!step.repeatable()
					&& queries.steps(user.committeeId(), id).stream().anyMatch((s) -> s.step() == step)) {
				throw new BusinessRuleException("step", "inspection.step.once");
			}
			from = item.decidedOn();
		}
		var on = date(form.getDoneOn(), "doneOn", from);
		var stepId = insertStep(user, id, step, on, VietnameseText.paragraphs(form.getNote()), file);
		if (step == InspectionStep.NOTIFICATION) {
			jdbc.sql("update inspection set notified_on = :on where committee_id = :committee and id = :id")
				.param("on", on)
				.param("committee", user.committeeId())
				.param("id", id)
				.update();
		}
		var after = new LinkedHashMap<String, Object>();
		after.put("step", step.name());
		after.put("doneOn", on.toString());
		if (file != null) {
			after.put("file", file.name());
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "step", null, after);
		return stepId;
	}

	/** A file checked by its content before anything is written. */
	public record StepFile(String name, String contentType, byte[] content) {
	}

	/** The conclusion, once, after the decision and every step of the work. */
	public void conclude(CurrentUser user, long id, ConclusionForm form) {
		var item = locked(user, id);
		if (!item.decided()) {
			throw new BusinessRuleException("concludedOn", "inspection.conclusion.noDecision");
		}
		if (item.concluded()) {
			throw new BusinessRuleException("concludedOn", "inspection.conclusion.once");
		}
		var last = queries.steps(user.committeeId(), id)
			.stream()
			.map(StepRow::doneOn)
			.max(LocalDate::compareTo)
			.orElse(item.decidedOn());
		var on = date(form.getConcludedOn(), "concludedOn", last);
		var findings = required(VietnameseText.paragraphs(form.getFindings()), "findings");
		var values = new LinkedHashMap<String, Object>();
		values.put("concludedOn", on);
		values.put("findings", findings);
		values.put("strengths", VietnameseText.paragraphs(form.getStrengths()));
		values.put("shortcomings", VietnameseText.paragraphs(form.getShortcomings()));
		values.put("violations", VietnameseText.paragraphs(form.getViolations()));
		values.put("recommendations", VietnameseText.paragraphs(form.getRecommendations()));
		jdbc.sql("""
				update inspection set concluded_on = :concludedOn, findings = :findings, strengths = :strengths,
				shortcomings = :shortcomings, violations = :violations, recommendations = :recommendations
				where committee_id = :committee and id = :id
				""").params(values).param("committee", user.committeeId()).param("id", id).update();
		insertStep(user, id, InspectionStep.CONCLUSION, on, null, null);
		values.put("concludedOn", on.toString());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "conclude", null, values);
	}

	/** A remedy the conclusion asks for, due on or after the conclusion. */
	public long addRemedy(CurrentUser user, long id, RemedyForm form) {
		var item = locked(user, id);
		if (!item.concluded()) {
			throw new BusinessRuleException("content", "inspection.remedy.noConclusion");
		}
		var content = VietnameseText.paragraphs(form.getContent());
		if (content == null) {
			throw new BusinessRuleException("content", "inspection.remedy.required");
		}
		var due = form.getDueOn();
		if (due == null) {
			throw new BusinessRuleException("dueOn", "inspection.dueOn.required");
		}
		if (due.isBefore(item.concludedOn()) || due.getYear() > item.year() + 5) {
			throw new BusinessRuleException("dueOn", "inspection.dueOn.range");
		}
		var remedyId = jdbc.sql("""
				insert into inspection_remedy (committee_id, inspection_id, content, due_on)
				values (:committee, :inspection, :content, :due) returning id
				""")
			.param("committee", user.committeeId())
			.param("inspection", id)
			.param("content", content)
			.param("due", due)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "remedy", null,
				Map.of("remedy", remedyId, "content", content, "dueOn", due.toString()));
		return remedyId;
	}

	/**
	 * The subject reports a remedy done (or the inspection committee records the report
	 * it received), once notified of the conclusion.
	 */
	public void reportRemedy(CurrentUser user, long id, long remedyId, StepForm form) {
		var remedy = lockedRemedy(user, id, remedyId);
		var item = queries.item(user, remedy.inspectionId());
		if (!access.insider(user) && !(item.notified() && queries.subject(user, item))) {
			throw new NotFoundException();
		}
		if (remedy.row().verifiedOn() != null) {
			throw new BusinessRuleException("doneOn", "inspection.remedy.verified");
		}
		var report = required(VietnameseText.paragraphs(form.getNote()), "note");
		var on = date(form.getDoneOn(), "doneOn", item.concludedOn());
		jdbc.sql("""
				update inspection_remedy set reported_on = :on, report = :report, reported_by = :by
				where committee_id = :committee and id = :id
				""")
			.param("on", on)
			.param("report", report)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("id", remedyId)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, item.id(), "report", Map.of("remedy", remedyId),
				Map.of("remedy", remedyId, "reportedOn", on.toString(), "report", report));
	}

	/**
	 * The inspection committee verifies a remedy reported done: never before its report.
	 */
	public void verifyRemedy(CurrentUser user, long id, long remedyId, StepForm form) {
		access.requireInsider(user);
		var remedy = lockedRemedy(user, id, remedyId);
		if (remedy.row().reportedOn() == null) {
			throw new BusinessRuleException("doneOn", "inspection.remedy.notReported");
		}
		if (remedy.row().verifiedOn() != null) {
			throw new BusinessRuleException("doneOn", "inspection.remedy.verified");
		}
		var on = date(form.getDoneOn(), "doneOn", remedy.row().reportedOn());
		jdbc.sql("""
				update inspection_remedy set verified_on = :on, verified_by = :by
				where committee_id = :committee and id = :id
				""")
			.param("on", on)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("id", remedyId)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, remedy.inspectionId(), "verify", null,
				Map.of("remedy", remedyId, "verifiedOn", on.toString()));
	}

	private record LockedRemedy(long inspectionId, Remedy row) {
	}

	private LockedRemedy lockedRemedy(CurrentUser user, long id, long remedyId) {
		var today = LocalDate.now(clock);
		return jdbc.sql("""
				select * from inspection_remedy where committee_id = :committee and inspection_id = :inspection
				and id = :id for update
				""")
			.param("committee", user.committeeId())
			.param("inspection", id)
			.param("id", remedyId)
			.query((rs, n) -> new LockedRemedy(rs.getLong("inspection_id"), InspectionQueries.remedy(rs, today)))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** An item for a change by the insiders, locked against a change beside it. */
	private Item locked(CurrentUser user, long id) {
		access.requireInsider(user);
		jdbc.sql("select id from inspection where committee_id = :committee and id = :id for update")
			.param("committee", user.committeeId())
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		return queries.item(user, id);
	}

	private long insertStep(CurrentUser user, long id, InspectionStep step, LocalDate on, @Nullable String note,
			@Nullable StepFile file) {
		return jdbc.sql("""
				insert into inspection_step (committee_id, inspection_id, step, done_on, note, file_name, content_type,
				content, recorded_by) values (:committee, :inspection, :step, :on, :note, :name, :type, :content, :by)
				returning id
				""")
			.param("committee", user.committeeId())
			.param("inspection", id)
			.param("step", step.name())
			.param("on", on)
			.param("note", note)
			.param("name", (file != null) ? file.name() : null)
			.param("type", (file != null) ? file.contentType() : null)
			.param("content", (file != null) ? file.content() : null)
			.param("by", user.username())
			.query(Long.class)
			.single();
	}

	/** The columns of an item from its form, the subject checked in the committee. */
	private Map<String, Object> values(CurrentUser user, InspectionForm form) {
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "inspection.kind.required");
		}
		if (form.getBody() == null) {
			throw new BusinessRuleException("body", "inspection.body.required");
		}
		var year = form.getYear();
		if (year == null || year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "inspection.year.range");
		}
		var month = form.getPlannedMonth();
		if (month == null || month < 1 || month > 12) {
			throw new BusinessRuleException("plannedMonth", "inspection.plannedMonth.range");
		}
		long branchId;
		Long memberId = null;
		String subject;
		if (form.getMemberId() != null) {
			var member = members.find(user.committeeId(), form.getMemberId())
				.orElseThrow(() -> new BusinessRuleException("memberId", "inspection.member.notFound"));
			memberId = member.id();
			branchId = member.branchId();
			subject = member.fullName();
		}
		else if (form.getBranchId() != null) {
			var branch = organizations.find(user.committeeId(), form.getBranchId())
				.filter((o) -> o.active())
				.orElseThrow(() -> new BusinessRuleException("branchId", "inspection.branch.notFound"));
			branchId = branch.id();
			subject = branch.name();
		}
		else {
			throw new BusinessRuleException("branchId", "inspection.subject.required");
		}
		var values = new LinkedHashMap<String, Object>();
		values.put("year", year);
		values.put("kind", form.getKind().name());
		values.put("body", form.getBody().name());
		values.put("branch", branchId);
		values.put("member", memberId);
		values.put("subject", subject);
		values.put("content", required(VietnameseText.paragraphs(form.getContent()), "content"));
		values.put("period", required(VietnameseText.cleanOrNull(form.getPeriod()), "period"));
		values.put("month", month);
		values.put("lead", VietnameseText.cleanOrNull(form.getLeadName()));
		values.put("team", VietnameseText.paragraphs(form.getTeam()));
		return values;
	}

	private static Map<String, Object> snapshot(Item item) {
		var values = new LinkedHashMap<String, Object>();
		values.put("year", item.year());
		values.put("kind", item.kind().name());
		values.put("body", item.body().name());
		values.put("subject", item.subjectName());
		values.put("content", item.content());
		values.put("period", item.period());
		values.put("month", item.plannedMonth());
		return values;
	}

	/** A date on or after {@code from} and not in the future. */
	private LocalDate date(@Nullable LocalDate date, String field, LocalDate from) {
		if (date == null) {
			throw new BusinessRuleException(field, "inspection." + field + ".required");
		}
		if (date.isBefore(from) || date.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException(field, "inspection." + field + ".range", from.format(DATE));
		}
		return date;
	}

	/** Text already cleaned (a line or paragraphs), required. */
	private static String required(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new BusinessRuleException(field, "inspection." + field + ".required");
		}
		return text;
	}

}
