package vn.chibo.study;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.library.LibraryQueries;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;

/**
 * Organises study sessions (docs/domain.md §8): the office those of the committee, a
 * secretary those of its branch. The roster is taken once, when the roll call starts,
 * from the audience on the session's date (exempted members listed apart), and never
 * again silently; the roll call is kept by the organiser and, for their own members, by
 * the secretaries of the branches in the audience. Every change is audited with the
 * change.
 */
@Service
@Transactional
public class StudyService {

	public static final String AUDIT_TYPE = "study";

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\n]+");

	private final JdbcClient jdbc;

	private final StudyQueries queries;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final LibraryQueries library;

	private final AuditTrail audit;

	private final Clock clock;

	StudyService(JdbcClient jdbc, StudyQueries queries, OrganizationQueries organizations, MemberQueries members,
			LibraryQueries library, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.organizations = organizations;
		this.members = members;
		this.library = library;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Where a user may organise sessions: the committee itself for the office, and the
	 * branches of its part of the tree.
	 */
	public List<OrgNode> organizers(CurrentUser user) {
		if (!user.role().organizesStudy()) {
			return List.of();
		}
		return organizations.tree(user.committeeId(), user.scopeOrganizationId())
			.stream()
			.filter((node) -> node.active()
					&& (node.level().holdsMembers() || node.parentId() == null || node.level() == OrgLevel.GRASSROOTS))
			.toList();
	}

	public long create(CurrentUser user, StudySessionForm form) {
		var values = values(user, form);
		var id = jdbc
			.sql("""
					insert into study_session (committee_id, organizer_id, kind, title, topic_year, held_on, starts_at, place,
					reporter, reporter_post, audience, questions, reflection_due, absent_may_write, created_by)
					values (:committee, :organizer, :kind, :title, :topicYear, :heldOn, :startsAt, :place, :reporter,
					:reporterPost, :audience, :questions, :due, :absentMayWrite, :by) returning id
					""")
			.params(values)
			.param("by", user.username())
			.query(Long.class)
			.single();
		writeChoices(user, id, form, values);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, state(user, id));
		return id;
	}

	public void update(CurrentUser user, long id, StudySessionForm form) {
		var session = managed(user, id);
		var before = state(user, id);
		var values = values(user, form);
		if (session.rosterTaken()
				&& (!session.heldOn().equals(form.getHeldOn()) || session.audience() != form.getAudience()
						|| !Long.valueOf(session.organizerId()).equals(values.get("organizer"))
						|| audienceChanged(session, form))) {
			throw new BusinessRuleException("audience", "study.roster.taken");
		}
		var updated = jdbc
			.sql("""
					update study_session set organizer_id = :organizer, kind = :kind, title = :title, topic_year = :topicYear,
					held_on = :heldOn, starts_at = :startsAt, place = :place, reporter = :reporter,
					reporter_post = :reporterPost, audience = :audience, questions = :questions, reflection_due = :due,
					absent_may_write = :absentMayWrite, version = version + 1, updated_at = now()
					where committee_id = :committee and id = :id and version = :version
					""")
			.params(values)
			.param("id", id)
			.param("version", (form.getVersion() != null) ? form.getVersion() : session.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("error.conflict");
		}
		for (var table : new String[] { "study_session_document", "study_session_branch", "study_session_member" }) {
			jdbc.sql("delete from " + table + " where committee_id = :committee and session_id = :id")
				.param("committee", user.committeeId())
				.param("id", id)
				.update();
		}
		writeChoices(user, id, form, values);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", before, state(user, id));
	}

	/** A session entered by mistake, before its roll call started. */
	public void delete(CurrentUser user, long id) {
		var session = managed(user, id);
		if (session.rosterTaken()) {
			throw new BusinessRuleException("", "study.delete.rosterTaken");
		}
		var before = state(user, id);
		jdbc.sql("delete from study_session where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "delete", before, null);
	}

	/**
	 * Takes the roster from the audience on the session's date, once: the active members
	 * admitted by then of the chosen branches (or of every branch), or the chosen
	 * members. Answers how many are on it.
	 */
	public int takeRoster(CurrentUser user, long id) {
		var session = queries.session(user, id);
		if (!queries.takesRollCall(user, session)) {
			throw new AccessDeniedException("study");
		}
		var taken = jdbc.sql("""
				update study_session set roster_taken_at = now() where committee_id = :committee and id = :id
				and roster_taken_at is null
				""").param("committee", user.committeeId()).param("id", id).update();
		if (taken == 0) {
			return 0;
		}
		var branches = switch (session.audience()) {
			case COMMITTEE -> organizations.tree(user.committeeId(), organizations.rootOf(user.committeeId()))
				.stream()
				.filter((node) -> node.level().holdsMembers() && node.active())
				.sorted(Comparator.comparing(OrgNode::code))
				.map((node) -> new StudyQueries.Named(node.id(), node.name()))
				.toList();
			case BRANCHES -> session.branches();
			case MEMBERS -> chosenBranches(user, id);
		};
		var chosen = (session.audience() == Audience.MEMBERS)
				? session.members().stream().map(StudyQueries.Named::id).collect(Collectors.toSet()) : null;
		var position = 0;
		for (var branch : branches) {
			for (var member : members.rosterOn(user.committeeId(), branch.id(), session.heldOn())) {
				if (chosen != null && !chosen.contains(member.id())) {
					continue;
				}
				position++;
				jdbc.sql(
						"""
								insert into study_attendance (committee_id, session_id, member_id, position, full_name, branch_id,
								branch_name, exempted) values (:committee, :session, :member, :position, :name, :branch,
								:branchName, :exempted) on conflict do nothing
								""")
					.param("committee", user.committeeId())
					.param("session", id)
					.param("member", member.id())
					.param("position", position)
					.param("name", member.fullName())
					.param("branch", branch.id())
					.param("branchName", branch.name())
					.param("exempted", member.exempted())
					.update();
			}
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "roster", null, Map.of("members", position));
		return position;
	}

	private List<StudyQueries.Named> chosenBranches(CurrentUser user, long id) {
		return jdbc.sql("""
				select distinct sm.branch_id, o.name, o.code from study_session_member sm join org_unit o
				on o.committee_id = sm.committee_id and o.id = sm.branch_id
				where sm.committee_id = :committee and sm.session_id = :id order by o.code
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((rs, n) -> new StudyQueries.Named(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The roll call for one member: present, or absent with (its reason needed) or
	 * without a reason (docs/domain.md §5, as for meetings).
	 */
	public void record(CurrentUser user, long sessionId, long memberId, @Nullable Presence status,
			@Nullable String reason) {
		var session = queries.session(user, sessionId);
		var row = rosterLine(user, session, memberId);
		if (status == null) {
			throw new BusinessRuleException("status", "study.status.required", row.fullName());
		}
		var cleanReason = VietnameseText.cleanOrNull(reason);
		if (cleanReason != null && cleanReason.length() > 500) {
			throw new BusinessRuleException("reason", "study.reason.size", row.fullName());
		}
		if (status == Presence.ABSENT_EXCUSED && cleanReason == null) {
			throw new BusinessRuleException("reason", "study.reason.required", row.fullName());
		}
		jdbc.sql("""
				update study_attendance set status = :status, reason = :reason, recorded_by = :by, recorded_at = now()
				where committee_id = :committee and session_id = :session and member_id = :member
				""")
			.param("status", status.name())
			.param("reason", (status == Presence.PRESENT) ? null : cleanReason)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("session", sessionId)
			.param("member", memberId)
			.update();
		var before = new LinkedHashMap<String, @Nullable Object>();
		before.put("member", row.fullName());
		before.put("status", (row.status() != null) ? row.status().name() : null);
		before.put("reason", row.reason());
		var after = new LinkedHashMap<String, @Nullable Object>();
		after.put("member", row.fullName());
		after.put("status", status.name());
		after.put("reason", (status == Presence.PRESENT) ? null : cleanReason);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, sessionId, "attendance", before, after);
	}

	/**
	 * "Everyone present": every member of the user's part of the roster not yet called
	 * (exempted members aside) is recorded present; the exceptions are marked after.
	 * Answers how many.
	 */
	public int everyonePresent(CurrentUser user, long sessionId) {
		var session = queries.session(user, sessionId);
		if (!session.rosterTaken()) {
			throw new BusinessRuleException("", "study.roster.notTaken");
		}
		var count = 0;
		for (var row : queries.attendees(user, sessionId)) {
			if (row.status() == null && !row.exempted() && queries.records(user, session, row.branchId())) {
				jdbc.sql("""
						update study_attendance set status = 'PRESENT', recorded_by = :by, recorded_at = now()
						where committee_id = :committee and session_id = :session and member_id = :member
						and status is null
						""")
					.param("by", user.username())
					.param("committee", user.committeeId())
					.param("session", sessionId)
					.param("member", row.memberId())
					.update();
				count++;
			}
		}
		if (count == 0) {
			throw new BusinessRuleException("", "study.everyonePresent.none");
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, sessionId, "everyonePresent", null,
				Map.of("members", count));
		return count;
	}

	private StudyQueries.Attendee rosterLine(CurrentUser user, StudyQueries.SessionDetails session, long memberId) {
		if (!session.rosterTaken()) {
			throw new BusinessRuleException("", "study.roster.notTaken");
		}
		var row = queries.visibleLine(user, session, memberId).orElseThrow(NotFoundException::new);
		if (!queries.records(user, session, row.branchId())) {
			throw new AccessDeniedException("study");
		}
		return row;
	}

	private StudyQueries.SessionDetails managed(CurrentUser user, long id) {
		var session = queries.session(user, id);
		if (!queries.manages(user, session)) {
			throw new AccessDeniedException("study");
		}
		return session;
	}

	private boolean audienceChanged(StudyQueries.SessionDetails session, StudySessionForm form) {
		var branches = session.branches().stream().map(StudyQueries.Named::id).collect(Collectors.toSet());
		var chosen = session.members().stream().map(StudyQueries.Named::id).collect(Collectors.toSet());
		return switch (session.audience()) {
			case COMMITTEE -> false;
			case BRANCHES -> !branches.equals(new HashSet<>(form.getBranchIds()));
			case MEMBERS -> !chosen.equals(new HashSet<>(form.getMemberIds()));
		};
	}

	private Map<String, @Nullable Object> values(CurrentUser user, StudySessionForm form) {
		if (!user.role().organizesStudy()) {
			throw new AccessDeniedException("study");
		}
		var organizerId = form.getOrganizerId();
		if (organizerId == null) {
			throw new BusinessRuleException("organizerId", "study.organizer.required");
		}
		var organizer = organizers(user).stream()
			.filter((node) -> node.id() == organizerId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("organizerId", "study.organizer.notYours"));
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "study.kind.required");
		}
		var title = VietnameseText.cleanOrNull(form.getTitle());
		if (title == null) {
			throw new BusinessRuleException("title", "study.title.required");
		}
		var heldOn = form.getHeldOn();
		if (heldOn == null) {
			throw new BusinessRuleException("heldOn", "study.heldOn.required");
		}
		if (heldOn.getYear() < 2000 || heldOn.getYear() > 2100) {
			throw new BusinessRuleException("heldOn", "study.date.range");
		}
		var due = form.getReflectionDue();
		if (due != null && due.isBefore(heldOn)) {
			throw new BusinessRuleException("reflectionDue", "study.reflectionDue.beforeHeld");
		}
		if (due != null && due.getYear() > 2100) {
			throw new BusinessRuleException("reflectionDue", "study.date.range");
		}
		if (form.getAudience() == null) {
			throw new BusinessRuleException("audience", "study.audience.required");
		}
		var values = new LinkedHashMap<String, @Nullable Object>();
		values.put("committee", user.committeeId());
		values.put("organizer", organizer.id());
		values.put("kind", form.getKind().name());
		values.put("title", title);
		values.put("topicYear", (form.getKind() == StudyKind.TOPIC) ? heldOn.getYear() : null);
		values.put("heldOn", heldOn);
		values.put("startsAt", form.getStartsAt());
		values.put("place", VietnameseText.cleanOrNull(form.getPlace()));
		values.put("reporter", VietnameseText.cleanOrNull(form.getReporter()));
		values.put("reporterPost", VietnameseText.cleanOrNull(form.getReporterPost()));
		values.put("audience", form.getAudience().name());
		values.put("questions", VietnameseText.paragraphs(form.getQuestions()));
		values.put("due", due);
		values.put("absentMayWrite", form.isAbsentMayWrite());
		// A branch's session is for its own members (docs/domain.md §8: organised by the
		// committee or a branch).
		if (organizer.level().holdsMembers() && form.getAudience() == Audience.COMMITTEE) {
			throw new BusinessRuleException("audience", "study.audience.branchOnly");
		}
		values.put("documents", documents(user, form));
		values.put("branches", branches(user, form, organizer));
		values.put("members", chosenMembers(user, form, organizer));
		return values;
	}

	private List<Long> documents(CurrentUser user, StudySessionForm form) {
		var ids = new LinkedHashSet<Long>();
		var text = VietnameseText.paragraphs(form.getDocuments());
		if (text != null) {
			for (var number : LIST_SEPARATOR.split(text)) {
				if (!number.isBlank()) {
					var document = library.resolve(user, number.strip(), "documents");
					// The materials are shared with the audience (docs/domain.md §8): a
					// document
					// the
					// committee keeps internal would be refused to the members who study
					// it.
					if (library.document(user, document.id()).internal()) {
						throw new BusinessRuleException("documents", "study.documents.internal", document.number());
					}
					ids.add(document.id());
				}
			}
		}
		if (ids.size() > 20) {
			throw new BusinessRuleException("documents", "study.documents.tooMany", 20);
		}
		if (ids.isEmpty() && form.getKind() == StudyKind.RESOLUTION) {
			throw new BusinessRuleException("documents", "study.documents.required");
		}
		return new ArrayList<>(ids);
	}

	private List<Long> branches(CurrentUser user, StudySessionForm form, OrgNode organizer) {
		if (form.getAudience() != Audience.BRANCHES) {
			return List.of();
		}
		var allowed = organizations.subtreeIds(user.committeeId(), organizer.id());
		var ids = new LinkedHashSet<>(form.getBranchIds());
		if (ids.isEmpty()) {
			throw new BusinessRuleException("branchIds", "study.branches.required");
		}
		for (var id : ids) {
			var branch = organizations.find(user.committeeId(), id)
				.filter((node) -> allowed.contains(node.id()) && node.level().holdsMembers())
				.orElseThrow(() -> new BusinessRuleException("branchIds", "study.branches.notYours"));
			if (!branch.active()) {
				throw new BusinessRuleException("branchIds", "study.branches.closed", branch.name());
			}
		}
		return new ArrayList<>(ids);
	}

	/** Member id → branch id of the chosen members. */
	private Map<Long, Long> chosenMembers(CurrentUser user, StudySessionForm form, OrgNode organizer) {
		if (form.getAudience() != Audience.MEMBERS) {
			return Map.of();
		}
		var ids = new LinkedHashSet<>(form.getMemberIds());
		if (ids.isEmpty()) {
			throw new BusinessRuleException("memberIds", "study.members.required");
		}
		if (ids.size() > 2000) {
			throw new BusinessRuleException("memberIds", "study.members.tooMany", 2000);
		}
		var allowed = organizations.subtreeIds(user.committeeId(), organizer.id());
		var chosen = new LinkedHashMap<Long, Long>();
		for (var id : ids) {
			var member = members.find(user.committeeId(), id)
				.filter((m) -> allowed.contains(m.branchId())
						&& (m.status() == MemberStatus.OFFICIAL || m.status() == MemberStatus.PROBATIONARY))
				.orElseThrow(() -> new BusinessRuleException("memberIds", "study.members.notYours"));
			chosen.put(member.id(), member.branchId());
		}
		return chosen;
	}

	@SuppressWarnings("unchecked")
	private void writeChoices(CurrentUser user, long id, StudySessionForm form, Map<String, @Nullable Object> values) {
		var position = 0;
		for (var document : (List<Long>) values.get("documents")) {
			jdbc.sql("""
					insert into study_session_document (committee_id, session_id, document_id, position)
					values (:committee, :session, :document, :position)
					""")
				.param("committee", user.committeeId())
				.param("session", id)
				.param("document", document)
				.param("position", ++position)
				.update();
		}
		for (var branch : (List<Long>) values.get("branches")) {
			jdbc.sql("""
					insert into study_session_branch (committee_id, session_id, branch_id)
					values (:committee, :session, :branch)
					""").param("committee", user.committeeId()).param("session", id).param("branch", branch).update();
		}
		for (var member : ((Map<Long, Long>) values.get("members")).entrySet()) {
			jdbc.sql("""
					insert into study_session_member (committee_id, session_id, member_id, branch_id)
					values (:committee, :session, :member, :branch)
					""")
				.param("committee", user.committeeId())
				.param("session", id)
				.param("member", member.getKey())
				.param("branch", member.getValue())
				.update();
		}
	}

	private Map<String, @Nullable Object> state(CurrentUser user, long id) {
		var session = queries.session(user, id);
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("title", session.title());
		state.put("kind", session.kind());
		state.put("organizer", session.organizerName());
		state.put("heldOn", session.heldOn());
		state.put("startsAt", session.startsAt());
		state.put("place", session.place());
		state.put("reporter", session.reporter());
		state.put("reporterPost", session.reporterPost());
		state.put("documents", String.join(", ", session.documents().stream().map((d) -> d.number()).toList()));
		state.put("audience", session.audience());
		state.put("branches", String.join(", ", session.branches().stream().map(StudyQueries.Named::name).toList()));
		state.put("members", session.members().size());
		state.put("questions", session.questions());
		state.put("reflectionDue", session.reflectionDue());
		state.put("absentMayWrite", session.absentMayWrite());
		state.put("version", session.version());
		return state;
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

}
