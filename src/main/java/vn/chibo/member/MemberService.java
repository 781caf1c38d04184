package vn.chibo.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * Changes to member records and their lifecycle (DOMAIN.md §4). Each change keeps a dated
 * history row and an audit entry in the same transaction.
 */
@Service
@Transactional
public class MemberService {

	static final String AUDIT_TYPE = "member";

	private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
		.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final MemberQueries queries;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	MemberService(JdbcClient jdbc, MemberQueries queries, OrganizationQueries organizations, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The rules {@link #create} applies, without writing: for checking an import before
	 * any row is saved.
	 */
	@Transactional(readOnly = true)
	public void checkNew(CurrentUser user, MemberForm form) {
		requireEditRights(user);
		memberBranch(user, form.getBranchId());
		PersonName.parse(require(form.getFullName(), "fullName"));
		checkDates(form.getDateOfBirth(), require(form.getAdmissionDate(), "admissionDate"), form.getOfficialDate());
	}

	public long create(CurrentUser user, MemberForm form) {
		requireEditRights(user);
		var branch = memberBranch(user, form.getBranchId());
		var name = PersonName.parse(require(form.getFullName(), "fullName"));
		var admission = require(form.getAdmissionDate(), "admissionDate");
		checkDates(form.getDateOfBirth(), admission, form.getOfficialDate());
		var status = (form.getOfficialDate() != null) ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY;
		long id;
		try {
			id = jdbc.sql("""
					insert into member (committee_id, full_name, family_name, middle_name, given_name, sort_given,
					sort_middle, sort_family, search_text, gender, date_of_birth, birth_place, hometown, ethnicity,
					religion, citizen_id, phone, email, job_title, general_education, qualification, theory_level,
					card_no, dossier_no, admission_date, official_date, status, branch_id, notes)
					values (:committee, :full, :family, :middle, :given, :sortGiven, :sortMiddle, :sortFamily, :search,
					:gender, :dob, :birthPlace, :hometown, :ethnicity, :religion, :citizenId, :phone, :email, :jobTitle,
					:education, :qualification, :theory, :cardNo, :dossierNo, :admission, :official, :status, :branch,
					:notes) returning id
					""")
				.param("committee", user.committeeId())
				.params(nameParams(name))
				.params(fieldParams(form))
				.param("admission", admission)
				.param("official", form.getOfficialDate())
				.param("status", status.name())
				.param("branch", branch.id())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("cardNo", "member.cardNo.taken", form.getCardNo());
		}
		history(user, id, admission, "ADMISSION", null, status.name(), null);
		var after = state(queries.find(user.committeeId(), id).orElseThrow());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, after);
		return id;
	}

	public void update(CurrentUser user, long id, MemberForm form) {
		requireEditRights(user);
		var before = editable(user, id);
		var branch = memberBranch(user, form.getBranchId());
		var name = PersonName.parse(require(form.getFullName(), "fullName"));
		var admission = require(form.getAdmissionDate(), "admissionDate");
		checkDates(form.getDateOfBirth(), admission, form.getOfficialDate());
		// Recognition as official is a vote of the branch (DOMAIN.md §4), recorded by its
		// own action.
		if (before.status() == MemberStatus.PROBATIONARY && form.getOfficialDate() != null) {
			throw new BusinessRuleException("officialDate", "member.officialDate.useAction");
		}
		if (before.status() == MemberStatus.OFFICIAL && form.getOfficialDate() == null) {
			throw new BusinessRuleException("officialDate", "member.officialDate.required");
		}
		int updated;
		try {
			updated = jdbc.sql("""
					update member set full_name = :full, family_name = :family, middle_name = :middle,
					given_name = :given, sort_given = :sortGiven, sort_middle = :sortMiddle, sort_family = :sortFamily,
					search_text = :search, gender = :gender, date_of_birth = :dob, birth_place = :birthPlace,
					hometown = :hometown, ethnicity = :ethnicity, religion = :religion, citizen_id = :citizenId,
					phone = :phone, email = :email, job_title = :jobTitle, general_education = :education,
					qualification = :qualification, theory_level = :theory, card_no = :cardNo, dossier_no = :dossierNo,
					admission_date = :admission, official_date = :official, branch_id = :branch, notes = :notes,
					version = version + 1, updated_at = now()
					where committee_id = :committee and id = :id and version = :version
					""")
				.params(nameParams(name))
				.params(fieldParams(form))
				.param("admission", admission)
				.param("official", form.getOfficialDate())
				.param("branch", branch.id())
				.param("committee", user.committeeId())
				.param("id", id)
				.param("version", (form.getVersion() != null) ? form.getVersion() : before.version())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("cardNo", "member.cardNo.taken", form.getCardNo());
		}
		if (updated == 0) {
			throw new BusinessRuleException("", "error.conflict");
		}
		if (before.branchId() != branch.id()) {
			history(user, id, LocalDate.now(clock), "BRANCH", before.branchName(), branch.name(), null);
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", state(before),
				state(queries.find(user.committeeId(), id).orElseThrow()));
	}

	/**
	 * Official recognition after 12 months of probation (Party Charter Art. 5; DOMAIN.md
	 * §4). The official date is the day the 12 months end, even when the vote comes later
	 * ("on time").
	 */
	public void recognizeOfficial(CurrentUser user, long id, LocalDate officialDate) {
		requireEditRights(user);
		var before = editable(user, id);
		if (before.status() != MemberStatus.PROBATIONARY) {
			throw new BusinessRuleException("", "member.official.notProbationary");
		}
		if (officialDate.isBefore(before.probationEnds())) {
			throw new BusinessRuleException("officialDate", "member.officialDate.beforeProbationEnds",
					DATE.format(before.probationEnds()));
		}
		change(user, before, "official", "update member set status = 'OFFICIAL', official_date = :date",
				Map.of("date", officialDate));
		history(user, id, officialDate, "STATUS", MemberStatus.PROBATIONARY.name(), MemberStatus.OFFICIAL.name(), null);
	}

	/**
	 * Exemption from party work and meetings (miễn công tác và sinh hoạt đảng, DOMAIN.md
	 * §4): the branch decides for aged or ill official members; exempted members leave
	 * attendance denominators.
	 */
	public void exempt(CurrentUser user, long id, LocalDate since, String reason) {
		requireEditRights(user);
		var before = editable(user, id);
		if (before.status() != MemberStatus.OFFICIAL) {
			throw new BusinessRuleException("", "member.exempt.notOfficial");
		}
		if (before.exempted()) {
			throw new BusinessRuleException("", "member.exempt.already");
		}
		var text = requireText(reason, "reason");
		change(user, before, "exempt", "update member set exempted_since = :since, exemption_reason = :reason",
				Map.of("since", since, "reason", text));
		history(user, id, since, "EXEMPTION", null, "EXEMPTED", text);
	}

	public void endExemption(CurrentUser user, long id, LocalDate on) {
		requireEditRights(user);
		var before = editable(user, id);
		if (!before.exempted()) {
			throw new BusinessRuleException("", "member.exempt.not");
		}
		change(user, before, "endExemption", "update member set exempted_since = null, exemption_reason = null",
				Map.of());
		history(user, id, on, "EXEMPTION", "EXEMPTED", null, null);
	}

	/**
	 * Records a transfer of party activity (DOMAIN.md §4). A permanent transfer out ends
	 * membership here; a temporary one leaves the member in the home branch until it is
	 * ended.
	 */
	public void transfer(CurrentUser user, long id, TransferKind kind, String otherOrganization,
			@Nullable String letterNo, LocalDate on) {
		requireEditRights(user);
		var before = editable(user, id);
		var other = requireText(otherOrganization, "otherOrganization");
		var letter = VietnameseText.cleanOrNull(letterNo);
		var open = queries.transfers(user.committeeId(), id)
			.stream()
			.filter((t) -> t.open() && t.kind().temporary())
			.toList();
		if (kind.temporary() && !open.isEmpty()) {
			throw new BusinessRuleException("kind", "member.transfer.openTemporary");
		}
		jdbc.sql(
				"""
						insert into member_transfer (committee_id, member_id, kind, other_organization, letter_no, started_on, ended_on)
						values (:committee, :member, :kind, :other, :letter, :on, :ended)
						""")
			.param("committee", user.committeeId())
			.param("member", id)
			.param("kind", kind.name())
			.param("other", other)
			.param("letter", letter)
			.param("on", on)
			.param("ended", kind.temporary() ? null : on)
			.update();
		if (kind == TransferKind.PERMANENT_OUT) {
			change(user, before, "transferOut",
					"update member set status = 'TRANSFERRED_OUT', left_on = :on, left_reason = :other",
					Map.of("on", on, "other", other));
			endOpenPosts(user, id, on);
		}
		else {
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "transfer", null, Map.of("kind", kind,
					"otherOrganization", other, "letterNo", (letter != null) ? letter : "", "on", on));
		}
		history(user, id, on, "TRANSFER", null, kind.name(), other + ((letter != null) ? " (" + letter + ")" : ""));
	}

	public void endTransfer(CurrentUser user, long id, long transferId, LocalDate on) {
		requireEditRights(user);
		editable(user, id);
		var transfer = queries.transfers(user.committeeId(), id)
			.stream()
			.filter((t) -> t.id() == transferId && t.open())
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (on.isBefore(transfer.startedOn())) {
			throw new BusinessRuleException("endedOn", "member.transfer.endBeforeStart");
		}
		jdbc.sql("update member_transfer set ended_on = :on where committee_id = :committee and id = :id")
			.param("on", on)
			.param("committee", user.committeeId())
			.param("id", transferId)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "endTransfer",
				Map.of("transfer", transfer.kind()), Map.of("endedOn", on));
		history(user, id, on, "TRANSFER", transfer.kind().name(), "ENDED", transfer.otherOrganization());
	}

	/**
	 * Striking off (xóa tên), expulsion (khai trừ), leaving on request, death: membership
	 * ends (§4).
	 */
	public void leave(CurrentUser user, long id, MemberStatus status, LocalDate on, String reason) {
		requireEditRights(user);
		var before = editable(user, id);
		if (!MemberStatus.LEAVING.contains(status)) {
			throw new BusinessRuleException("status", "member.leave.status");
		}
		if (!before.status().active()) {
			throw new BusinessRuleException("", "member.leave.notActive");
		}
		var text = requireText(reason, "reason");
		change(user, before, "leave", "update member set status = :status, left_on = :on, left_reason = :reason",
				Map.of("status", status.name(), "on", on, "reason", text));
		endOpenPosts(user, id, on);
		history(user, id, on, "STATUS", before.status().name(), status.name(), text);
	}

	public void assignPost(CurrentUser user, long id, long organizationId, Post post, LocalDate from) {
		requireEditRights(user);
		var member = editable(user, id);
		if (!member.status().active()) {
			throw new BusinessRuleException("", "member.leave.notActive");
		}
		var organization = organizations.visible(user, organizationId);
		jdbc.sql("""
				insert into member_post (committee_id, member_id, organization_id, post, started_on)
				values (:committee, :member, :org, :post, :from)
				""")
			.param("committee", user.committeeId())
			.param("member", id)
			.param("org", organization.id())
			.param("post", post.name())
			.param("from", from)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "assignPost", null,
				Map.of("post", post, "organization", organization.name(), "from", from));
		history(user, id, from, "POST", null, post.name(), organization.name());
	}

	public void endPost(CurrentUser user, long id, long postId, LocalDate on) {
		requireEditRights(user);
		editable(user, id);
		var post = queries.posts(user.committeeId(), id)
			.stream()
			.filter((p) -> p.id() == postId && p.current())
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (on.isBefore(post.startedOn())) {
			throw new BusinessRuleException("endedOn", "member.post.endBeforeStart");
		}
		jdbc.sql("update member_post set ended_on = :on where committee_id = :committee and id = :id")
			.param("on", on)
			.param("committee", user.committeeId())
			.param("id", postId)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "endPost", Map.of("post", post.post()),
				Map.of("endedOn", on));
		history(user, id, on, "POST", post.post().name(), null, post.organizationName());
	}

	private void endOpenPosts(CurrentUser user, long id, LocalDate on) {
		jdbc.sql("""
				update member_post set ended_on = greatest(:on, started_on)
				where committee_id = :committee and member_id = :member and ended_on is null
				""").param("on", on).param("committee", user.committeeId()).param("member", id).update();
	}

	private void change(CurrentUser user, MemberDetails before, String action, String update, Map<String, ?> params) {
		jdbc.sql(update + ", version = version + 1, updated_at = now() where committee_id = :committee and id = :id")
			.params(params)
			.param("committee", user.committeeId())
			.param("id", before.id())
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, before.id(), action, state(before),
				state(queries.find(user.committeeId(), before.id()).orElseThrow()));
	}

	private void history(CurrentUser user, long memberId, LocalDate on, String kind, @Nullable String from,
			@Nullable String to, @Nullable String note) {
		jdbc.sql(
				"""
						insert into member_history (committee_id, member_id, effective_on, kind, from_value, to_value, note, recorded_by)
						values (:committee, :member, :on, :kind, :from, :to, :note, :by)
						""")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.param("on", on)
			.param("kind", kind)
			.param("from", from)
			.param("to", to)
			.param("note", note)
			.param("by", user.username())
			.update();
	}

	private MemberDetails editable(CurrentUser user, long id) {
		var details = queries.find(user.committeeId(), id).orElseThrow(NotFoundException::new);
		if (!organizations.isVisible(user, details.branchId())) {
			throw new NotFoundException();
		}
		return details;
	}

	private OrgNode memberBranch(CurrentUser user, @Nullable Long branchId) {
		if (branchId == null || !organizations.isVisible(user, branchId)) {
			throw new BusinessRuleException("branchId", "member.branchId.required");
		}
		var branch = organizations.find(user.committeeId(), branchId).orElseThrow(NotFoundException::new);
		if (!branch.level().holdsMembers() || !branch.active()) {
			throw new BusinessRuleException("branchId", "member.branchId.notBranch");
		}
		return branch;
	}

	/**
	 * Admission age is 18 to 60 when the branch considers it (DOMAIN.md §4, 01-HD/TW);
	 * recognition comes no earlier than 12 months after admission (Party Charter Art. 5).
	 */
	static void checkDates(@Nullable LocalDate dateOfBirth, LocalDate admission, @Nullable LocalDate official) {
		if (dateOfBirth != null) {
			var age = Period.between(dateOfBirth, admission).getYears();
			if (age < 18 || age > 60) {
				throw new BusinessRuleException("admissionDate", "member.admissionDate.age", age);
			}
		}
		if (official != null && official.isBefore(admission.plusMonths(12))) {
			throw new BusinessRuleException("officialDate", "member.officialDate.beforeProbationEnds",
					DATE.format(admission.plusMonths(12)));
		}
	}

	private static Map<String, Object> nameParams(PersonName name) {
		return Map.of("full", name.full(), "family", name.family(), "middle", name.middle(), "given", name.given(),
				"sortGiven", PersonName.sortKey(name.given()), "sortMiddle", PersonName.sortKey(name.middle()),
				"sortFamily", PersonName.sortKey(name.family()), "search", VietnameseText.fold(name.full()));
	}

	private static Map<String, @Nullable Object> fieldParams(MemberForm form) {
		var params = new LinkedHashMap<String, @Nullable Object>();
		params.put("gender", require(form.getGender(), "gender").name());
		params.put("dob", form.getDateOfBirth());
		params.put("birthPlace", VietnameseText.cleanOrNull(form.getBirthPlace()));
		params.put("hometown", VietnameseText.cleanOrNull(form.getHometown()));
		params.put("ethnicity", VietnameseText.cleanOrNull(form.getEthnicity()));
		params.put("religion", VietnameseText.cleanOrNull(form.getReligion()));
		params.put("citizenId", VietnameseText.cleanOrNull(form.getCitizenId()));
		params.put("phone", VietnameseText.cleanOrNull(form.getPhone()));
		params.put("email", VietnameseText.cleanOrNull(form.getEmail()));
		params.put("jobTitle", VietnameseText.cleanOrNull(form.getJobTitle()));
		params.put("education", VietnameseText.cleanOrNull(form.getGeneralEducation()));
		params.put("qualification", VietnameseText.cleanOrNull(form.getQualification()));
		params.put("theory", ((form.getTheoryLevel() != null) ? form.getTheoryLevel() : TheoryLevel.NONE).name());
		params.put("cardNo", VietnameseText.cleanOrNull(form.getCardNo()));
		params.put("dossierNo", VietnameseText.cleanOrNull(form.getDossierNo()));
		params.put("notes", VietnameseText.cleanOrNull(form.getNotes()));
		return params;
	}

	private static void requireEditRights(CurrentUser user) {
		if (!user.role().editsMembers()) {
			throw new AccessDeniedException("member");
		}
	}

	private static <T> T require(@Nullable T value, String field) {
		if (value == null) {
			throw new BusinessRuleException(field, "error.required");
		}
		return value;
	}

	private static String requireText(@Nullable String value, String field) {
		var cleaned = VietnameseText.cleanOrNull(value);
		if (cleaned == null) {
			throw new BusinessRuleException(field, "error.required");
		}
		return cleaned;
	}

	static Map<String, @Nullable Object> state(MemberDetails m) {
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("fullName", m.fullName());
		state.put("gender", m.gender());
		state.put("dateOfBirth", m.dateOfBirth());
		state.put("birthPlace", m.birthPlace());
		state.put("hometown", m.hometown());
		state.put("ethnicity", m.ethnicity());
		state.put("religion", m.religion());
		state.put("citizenId", m.citizenId());
		state.put("phone", m.phone());
		state.put("email", m.email());
		state.put("jobTitle", m.jobTitle());
		state.put("generalEducation", m.generalEducation());
		state.put("qualification", m.qualification());
		state.put("theoryLevel", m.theoryLevel());
		state.put("cardNo", m.cardNo());
		state.put("dossierNo", m.dossierNo());
		state.put("admissionDate", m.admissionDate());
		state.put("officialDate", m.officialDate());
		state.put("status", m.status());
		state.put("branch", m.branchName());
		state.put("exemptedSince", m.exemptedSince());
		state.put("leftOn", m.leftOn());
		state.put("notes", m.notes());
		return state;
	}

}
