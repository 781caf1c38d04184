package vn.chibo.inspection.discipline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.inspection.InspectionAccess;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Discipline cases (docs/domain.md §4, §10, 296-QĐ/TW), the most confidential record of
 * chibo: opened, carried and read by the inspection committee and the standing members;
 * once decided, the member disciplined and the secretary of the member's branch read it.
 * Every read is in the audit trail, beside every change.
 */
@Service
@Transactional
public class DisciplineCases {

	static final String AUDIT_TYPE = "discipline";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final InspectionAccess access;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	DisciplineCases(JdbcClient jdbc, InspectionAccess access, MemberQueries members, OrganizationQueries organizations,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	public record Case(long id, @Nullable Long memberId, @Nullable Long organizationId, long branchId,
			String branchName, String subjectName, boolean probationary, String violation, LocalDate openedOn,
			@Nullable LocalDate selfReviewOn, @Nullable LocalDate meetingOn, @Nullable Integer votesFor,
			@Nullable Integer votesPresent, @Nullable LocalDate proposedOn, @Nullable String proposal,
			@Nullable DisciplineAuthority authority, @Nullable DisciplineForm form, @Nullable String decisionNo,
			@Nullable LocalDate decidedOn, @Nullable LocalDate effectiveOn, @Nullable LocalDate appealedOn,
			@Nullable AppealOutcome appealOutcome, @Nullable LocalDate appealDecidedOn, @Nullable String appealNote) {

		public boolean decided() {
			return decidedOn != null;
		}

		/** The forms the subject may be given. */
		public Set<DisciplineForm> forms() {
			return DisciplineForm.allowed(organizationId != null, probationary);
		}

	}

	private static final String ROW = """
			select c.*, o.name as branch_name from discipline_case c
			join org_unit o on o.committee_id = c.committee_id and o.id = c.branch_id
			""";

	/** The cases the user may read, newest first; the read is audited. */
	public List<Case> list(CurrentUser user) {
		var cases = query(user, "true", Map.of());
		if (!cases.isEmpty()) {
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, null, "read", null,
					Map.of("cases", cases.size()));
		}
		return cases;
	}

	/** A member's decided cases, for the member's page, to those who may read them. */
	public List<Case> ofMember(CurrentUser user, long memberId) {
		var cases = query(user, "c.member_id = :member and c.decided_on is not null", Map.of("member", memberId));
		for (var c : cases) {
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, c.id(), "read", null, null);
		}
		return cases;
	}

	/** One case the user may read, or 404; the read is audited. */
	public Case read(CurrentUser user, long id) {
		var found = find(user, id);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "read", null, null);
		return found;
	}

	/**
	 * The members disciplined in a year (a decision of that year, not annulled on
	 * appeal): flagged for the annual classification (docs/domain.md §7).
	 */
	@Transactional(readOnly = true)
	public Set<Long> disciplinedIn(long committeeId, int year) {
		return new HashSet<>(jdbc.sql("""
				select member_id from discipline_case where committee_id = :committee and member_id is not null
				and form <> 'NONE' and decided_on >= :from and decided_on < :to
				and coalesce(appeal_outcome, '') <> 'ANNULLED'
				""")
			.param("committee", committeeId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.list());
	}

	public long open(CurrentUser user, CaseForm form) {
		access.requireInsider(user);
		var violation = VietnameseText.paragraphs(form.getViolation());
		if (violation == null) {
			throw new BusinessRuleException("violation", "discipline.violation.required");
		}
		var opened = date(form.getOpenedOn(), "openedOn", LocalDate.of(2000, 1, 1));
		Long memberId = null;
		Long organizationId = null;
		long branchId;
		String subject;
		var probationary = false;
		if (form.getMemberId() != null) {
			var member = members.find(user.committeeId(), form.getMemberId())
				.orElseThrow(() -> new BusinessRuleException("memberId", "discipline.member.notFound"));
			memberId = member.id();
			branchId = member.branchId();
			subject = member.fullName();
			probationary = member.status() == MemberStatus.PROBATIONARY;
		}
		else if (form.getOrganizationId() != null) {
			var organization = organizations.find(user.committeeId(), form.getOrganizationId())
				.orElseThrow(() -> new BusinessRuleException("organizationId", "discipline.organization.notFound"));
			organizationId = organization.id();
			branchId = organization.id();
			subject = organization.name();
		}
		else {
			throw new BusinessRuleException("memberId", "discipline.subject.required");
		}
		var id = jdbc.sql("""
				insert into discipline_case (committee_id, member_id, organization_id, branch_id, subject_name,
				probationary, violation, opened_on, created_by)
				values (:committee, :member, :org, :branch, :subject, :probationary, :violation, :opened, :by)
				returning id
				""")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.param("org", organizationId)
			.param("branch", branchId)
			.param("subject", subject)
			.param("probationary", probationary)
			.param("violation", violation)
			.param("opened", opened)
			.param("by", user.username())
			.query(Long.class)
			.single();
		var after = new LinkedHashMap<String, Object>();
		after.put("subject", subject);
		after.put("violation", violation);
		after.put("openedOn", opened.toString());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, after);
		return id;
	}

	/** A step of the case, in the order of the procedure. */
	public void step(CurrentUser user, long id, CaseStepForm form) {
		access.requireInsider(user);
		jdbc.sql("select id from discipline_case where committee_id = :committee and id = :id for update")
			.param("committee", user.committeeId())
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		var c = find(user, id);
		var step = form.getStep();
		if (step == null) {
			throw new BusinessRuleException("step", "discipline.step.required");
		}
		if (c.decided() && step.ordinal() <= CaseStep.DECISION.ordinal()) {
			throw new BusinessRuleException("step", "discipline.decided");
		}
		var values = new LinkedHashMap<String, Object>();
		var latest = Stream.of(c.openedOn(), c.selfReviewOn(), c.meetingOn(), c.proposedOn())
			.filter((d) -> d != null)
			.max(LocalDate::compareTo)
			.orElse(c.openedOn());
		switch (step) {
			case SELF_REVIEW -> values.put("self_review_on", date(form.getOn(), "on", c.openedOn()));
			case MEETING -> {
				var present = form.getVotesPresent();
				var votes = form.getVotesFor();
				if (present == null || present < 1 || votes == null || votes < 0 || votes > present) {
					throw new BusinessRuleException("votesFor", "discipline.votes.range");
				}
				values.put("meeting_on",
						date(form.getOn(), "on", (c.selfReviewOn() != null) ? c.selfReviewOn() : c.openedOn()));
				values.put("votes_for", votes);
				values.put("votes_present", present);
			}
			case PROPOSAL -> {
				var text = VietnameseText.paragraphs(form.getText());
				if (text == null) {
					throw new BusinessRuleException("text", "discipline.proposal.required");
				}
				values.put("proposed_on", date(form.getOn(), "on", latest));
				values.put("proposal", text);
			}
			case DECISION -> {
				if (form.getAuthority() == null) {
					throw new BusinessRuleException("authority", "discipline.authority.required");
				}
				if (form.getForm() == null || !c.forms().contains(form.getForm())) {
					throw new BusinessRuleException("form", "discipline.form.notAllowed");
				}
				var number = VietnameseText.cleanOrNull(form.getDecisionNo());
				if (number == null && form.getForm() != DisciplineForm.NONE) {
					throw new BusinessRuleException("decisionNo", "discipline.decisionNo.required");
				}
				var decided = date(form.getOn(), "on", latest);
				var effective = (form.getEffectiveOn() != null) ? form.getEffectiveOn() : decided;
				if (effective.isBefore(decided) || effective.isAfter(decided.plusYears(1))) {
					throw new BusinessRuleException("effectiveOn", "discipline.effectiveOn.range",
							DATE.format(decided));
				}
				values.put("authority", form.getAuthority().name());
				values.put("form", form.getForm().name());
				values.put("decision_no", number);
				values.put("decided_on", decided);
				values.put("effective_on", effective);
			}
			case APPEAL -> {
				if (!c.decided() || c.form() == DisciplineForm.NONE) {
					throw new BusinessRuleException("step", "discipline.appeal.noDecision");
				}
				if (c.appealedOn() != null) {
					throw new BusinessRuleException("step", "discipline.appeal.once");
				}
				values.put("appealed_on", date(form.getOn(), "on", c.decidedOn()));
			}
			case APPEAL_DECISION -> {
				if (c.appealedOn() == null) {
					throw new BusinessRuleException("step", "discipline.appeal.none");
				}
				if (c.appealOutcome() != null) {
					throw new BusinessRuleException("step", "discipline.appeal.decided");
				}
				if (form.getOutcome() == null) {
					throw new BusinessRuleException("outcome", "discipline.outcome.required");
				}
				values.put("appeal_outcome", form.getOutcome().name());
				values.put("appeal_decided_on", date(form.getOn(), "on", c.appealedOn()));
				values.put("appeal_note", VietnameseText.paragraphs(form.getText()));
			}
		}
		var set = String.join(", ", values.keySet().stream().map((k) -> k + " = :" + k).toList());
		jdbc.sql("update discipline_case set " + set + " where committee_id = :committee and id = :id")
			.params(values)
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		var after = new LinkedHashMap<String, Object>();
		after.put("step", step.name());
		values.forEach((k, v) -> after.put(k, (v instanceof LocalDate d) ? d.toString() : v));
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "step", null, after);
	}

	private Case find(CurrentUser user, long id) {
		return query(user, "c.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(NotFoundException::new);
	}

	/**
	 * The insiders read every case; once decided, the member its own and a secretary the
	 * cases of its branch's members.
	 */
	private List<Case> query(CurrentUser user, String where, Map<String, ?> params) {
		var all = access.insider(user);
		Set<Long> branches = new HashSet<>();
		if (!all && user.role() == Role.SECRETARY) {
			branches.addAll(organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId()));
		}
		return jdbc
			.sql(ROW + " where c.committee_id = :committee and " + where
					+ """
							 and (:all or (c.decided_on is not null and (c.branch_id = any(cast(:branches as bigint[])) or c.member_id = :self)))
							order by c.opened_on desc, c.id desc
							""")
			.params(params)
			.param("committee", user.committeeId())
			.param("all", all)
			.param("branches", SqlArrays.ids(branches))
			.param("self", (user.memberId() != null) ? user.memberId() : -1L)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static Case row(ResultSet rs) throws SQLException {
		var authority = rs.getString("authority");
		var form = rs.getString("form");
		var outcome = rs.getString("appeal_outcome");
		return new Case(rs.getLong("id"), rs.getObject("member_id", Long.class),
				rs.getObject("organization_id", Long.class), rs.getLong("branch_id"), rs.getString("branch_name"),
				rs.getString("subject_name"), rs.getBoolean("probationary"), rs.getString("violation"),
				rs.getObject("opened_on", LocalDate.class), rs.getObject("self_review_on", LocalDate.class),
				rs.getObject("meeting_on", LocalDate.class), rs.getObject("votes_for", Integer.class),
				rs.getObject("votes_present", Integer.class), rs.getObject("proposed_on", LocalDate.class),
				rs.getString("proposal"), (authority != null) ? DisciplineAuthority.valueOf(authority) : null,
				(form != null) ? DisciplineForm.valueOf(form) : null, rs.getString("decision_no"),
				rs.getObject("decided_on", LocalDate.class), rs.getObject("effective_on", LocalDate.class),
				rs.getObject("appealed_on", LocalDate.class), (outcome != null) ? AppealOutcome.valueOf(outcome) : null,
				rs.getObject("appeal_decided_on", LocalDate.class), rs.getString("appeal_note"));
	}

	/** A date on or after {@code from} and not in the future. */
	private LocalDate date(@Nullable LocalDate date, String field, LocalDate from) {
		if (date == null) {
			throw new BusinessRuleException(field, "discipline." + field + ".required");
		}
		if (date.isBefore(from) || date.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException(field, "discipline." + field + ".range", DATE.format(from));
		}
		return date;
	}

}
