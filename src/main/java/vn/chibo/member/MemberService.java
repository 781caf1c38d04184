package vn.chibo.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
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
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;

/**
 * Records of members (docs/domain.md §4): admission into the list and edits of the
 * record; the later lifecycle is {@link MemberLifecycle}. Each change keeps a dated
 * history row and an audit entry in the same transaction.
 */
@Service
@Transactional
public class MemberService {

	public static final String AUDIT_TYPE = "member";

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final MemberQueries queries;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final MemberChanges changes;

	MemberService(JdbcClient jdbc, MemberQueries queries, OrganizationQueries organizations, AuditTrail audit,
			Clock clock, MemberChanges changes) {
		this.changes = changes;
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
		changes.history(user, id, admission, "ADMISSION", null, status.name(), null);
		var after = state(queries.find(user.committeeId(), id).orElseThrow());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, after);
		return id;
	}

	/**
	 * The rules {@link #update} applies, without writing: for checking an import that
	 * updates existing members before any row is saved.
	 */
	@Transactional(readOnly = true)
	public void checkUpdate(CurrentUser user, long id, MemberForm form) {
		requireEditRights(user);
		checkUpdate(user, changes.editable(user, id), form);
	}

	private void checkUpdate(CurrentUser user, MemberDetails before, MemberForm form) {
		memberBranch(user, form.getBranchId());
		PersonName.parse(require(form.getFullName(), "fullName"));
		checkDates(form.getDateOfBirth(), require(form.getAdmissionDate(), "admissionDate"), form.getOfficialDate());
		// Recognition as official is a vote of the branch (docs/domain.md §4), recorded
		// by its
		// own action.
		if (before.status() == MemberStatus.PROBATIONARY && form.getOfficialDate() != null) {
			throw new BusinessRuleException("officialDate", "member.officialDate.useAction");
		}
		if (before.status() == MemberStatus.OFFICIAL && form.getOfficialDate() == null) {
			throw new BusinessRuleException("officialDate", "member.officialDate.required");
		}
	}

	public void update(CurrentUser user, long id, MemberForm form) {
		requireEditRights(user);
		var before = changes.editable(user, id);
		checkUpdate(user, before, form);
		var branch = memberBranch(user, form.getBranchId());
		var name = PersonName.parse(require(form.getFullName(), "fullName"));
		var admission = require(form.getAdmissionDate(), "admissionDate");
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
			throw new ConflictException("error.conflict");
		}
		if (before.branchId() != branch.id()) {
			changes.history(user, id, LocalDate.now(clock), "BRANCH", before.branchName(), branch.name(), null);
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", state(before),
				state(queries.find(user.committeeId(), id).orElseThrow()));
	}

	/**
	 * Takes back a member an import added (docs/domain.md §17, importer), while the
	 * record is as the import left it: no later edit, post, transfer or history. Records
	 * other modules keep of the member (attendance, tasks, an account) hold it through
	 * their foreign keys: the delete then fails and the caller names the member.
	 */
	public void removeImported(CurrentUser user, long id, int versionAfter) {
		requireEditRights(user);
		var before = changes.editable(user, id);
		var later = jdbc.sql("""
				select (select count(*) from member_history where committee_id = :c and member_id = :m
				and kind <> 'ADMISSION') + (select count(*) from member_post where committee_id = :c and member_id = :m)
				+ (select count(*) from member_transfer where committee_id = :c and member_id = :m)
				""").param("c", user.committeeId()).param("m", id).query(Long.class).single();
		if (before.version() != versionAfter || later > 0) {
			throw new BusinessRuleException("", "member.import.undo.changed", before.fullName());
		}
		jdbc.sql("delete from member_history where committee_id = :c and member_id = :m")
			.param("c", user.committeeId())
			.param("m", id)
			.update();
		jdbc.sql("delete from member where committee_id = :c and id = :m")
			.param("c", user.committeeId())
			.param("m", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "remove-imported", state(before), null);
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
	 * Admission age is 18 to 60 when the branch considers it (docs/domain.md §4,
	 * 01-HD/TW); recognition comes no earlier than 12 months after admission (Party
	 * Charter Art. 5).
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

	public static void requireEditRights(CurrentUser user) {
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

	static String requireText(@Nullable String value, String field) {
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
