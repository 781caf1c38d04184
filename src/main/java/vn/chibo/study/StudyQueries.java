package vn.chibo.study;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.library.LibraryDocument;
import vn.chibo.library.LibraryQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.study.similarity.Shingles;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Reads study sessions within the user's part of the tree: a session is seen by those
 * whose part holds its organiser or any of its audience (a session of the whole committee
 * by everyone of the committee); a member sees every reflection of its own, a grader
 * those of the branches it keeps.
 */
@Service
@Transactional(readOnly = true)
public class StudyQueries {

	/** Whose part of the tree sees a session (the alias {@code s}). */
	static final String VISIBLE = """
			(s.organizer_id = any(cast(:scope as bigint[])) or s.audience = 'COMMITTEE'
			or exists (select 1 from study_session_branch b where b.committee_id = s.committee_id
				and b.session_id = s.id and b.branch_id = any(cast(:scope as bigint[])))
			or exists (select 1 from study_session_member sm where sm.committee_id = s.committee_id
				and sm.session_id = s.id and sm.branch_id = any(cast(:scope as bigint[])))
			or exists (select 1 from study_attendance a where a.committee_id = s.committee_id
				and a.session_id = s.id and a.branch_id = any(cast(:scope as bigint[]))))
			""";

	private static final String COUNTS = """
			(select count(*) from study_attendance a where a.committee_id = s.committee_id and a.session_id = s.id
				and not a.exempted) as roster,
			(select count(*) from study_attendance a where a.committee_id = s.committee_id and a.session_id = s.id
				and not a.exempted and a.status = 'PRESENT') as present,
			(select count(*) from study_reflection r where r.committee_id = s.committee_id and r.session_id = s.id
				and r.status in ('SUBMITTED', 'GRADED')) as submitted,
			(select count(*) from study_reflection r where r.committee_id = s.committee_id and r.session_id = s.id
				and r.status = 'GRADED') as graded
			""";

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	private final LibraryQueries library;

	StudyQueries(JdbcClient jdbc, OrganizationQueries organizations, LibraryQueries library) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.library = library;
	}

	/** A session as the list shows it. */
	public record SessionRow(long id, StudyKind kind, String title, LocalDate heldOn, @Nullable LocalTime startsAt,
			String organizerName, Audience audience, long roster, long present, long submitted, long graded,
			@Nullable LocalDate reflectionDue) {

		public int presentPercent() {
			return (roster == 0) ? 0 : (int) Math.round(100.0 * present / roster);
		}

	}

	/** Someone or something chosen, by id and name. */
	public record Named(long id, String name) {
	}

	public record SessionDetails(long id, long organizerId, String organizerName, boolean organizedByBranch,
			StudyKind kind, String title, LocalDate heldOn, @Nullable LocalTime startsAt, @Nullable String place,
			@Nullable String reporter, @Nullable String reporterPost, Audience audience, List<Named> branches,
			List<Named> members, @Nullable String questions, @Nullable LocalDate reflectionDue, boolean absentMayWrite,
			@Nullable OffsetDateTime rosterTakenAt, List<LibraryDocument.Reference> documents, int version) {

		public boolean rosterTaken() {
			return rosterTakenAt != null;
		}

	}

	/** One member of the roster with the roll call and the reflection. */
	public record Attendee(long memberId, String fullName, long branchId, String branchName, boolean exempted,
			@Nullable Presence status, @Nullable String reason, @Nullable Long reflectionId,
			@Nullable ReflectionStatus reflection, @Nullable Grade grade, @Nullable BigDecimal share) {

		public boolean flagged() {
			return share != null && share.doubleValue() >= Shingles.FLAG;
		}

		public int sharePercent() {
			return (share == null) ? 0 : share.movePointRight(2).intValue();
		}

	}

	public record ReflectionView(long id, long sessionId, String sessionTitle, LocalDate heldOn,
			@Nullable LocalDate due, long memberId, String fullName, long branchId, String branchName,
			@Nullable String body, @Nullable String fileName, @Nullable String contentType, ReflectionStatus status,
			@Nullable OffsetDateTime submittedAt, @Nullable Grade grade, @Nullable String comment,
			@Nullable String gradedBy, @Nullable OffsetDateTime gradedAt, int words, int version) {

		public java.time.@Nullable LocalDateTime submittedLocal() {
			return (submittedAt != null) ? submittedAt.atZoneSameInstant(StudyService.ZONE).toLocalDateTime() : null;
		}

		/** Submitted after the end of the day it was due. */
		public boolean late() {
			return due != null && submittedAt != null
					&& submittedAt.atZoneSameInstant(StudyService.ZONE).toLocalDate().isAfter(due);
		}

	}

	/** What a reflection shares with another reflection or a studied document. */
	public record Match(@Nullable Long reflectionId, @Nullable String memberName, @Nullable Long documentId,
			@Nullable String documentNumber, BigDecimal share) {

		public int percent() {
			return share.movePointRight(2).intValue();
		}

		public boolean flagged() {
			return share.doubleValue() >= Shingles.FLAG;
		}

	}

	/** A session a member is asked to write a reflection for, with where it stands. */
	public record Assignment(long sessionId, String title, LocalDate heldOn, @Nullable LocalDate due,
			@Nullable ReflectionStatus status, @Nullable Grade grade) {
	}

	public List<SessionRow> sessions(CurrentUser user, int year) {
		requireReader(user);
		return jdbc
			.sql("select s.id, s.kind, s.title, s.held_on, s.starts_at, o.name as organizer_name, s.audience, " + COUNTS
					+ """
							, s.reflection_due from study_session s
							join org_unit o on o.committee_id = s.committee_id and o.id = s.organizer_id
							where s.committee_id = :committee and s.held_on >= :from and s.held_on < :to and """
					+ VISIBLE + " order by s.held_on desc, s.id desc")
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("scope", SqlArrays.ids(scope(user)))
			.query((rs, n) -> new SessionRow(rs.getLong("id"), StudyKind.valueOf(rs.getString("kind")),
					rs.getString("title"), rs.getObject("held_on", LocalDate.class),
					rs.getObject("starts_at", LocalTime.class), rs.getString("organizer_name"),
					Audience.valueOf(rs.getString("audience")), rs.getLong("roster"), rs.getLong("present"),
					rs.getLong("submitted"), rs.getLong("graded"), rs.getObject("reflection_due", LocalDate.class)))
			.list();
	}

	/** The years that have sessions the user sees, newest first. */
	public List<Integer> years(CurrentUser user) {
		requireReader(user);
		return jdbc.sql(
				"select distinct extract(year from s.held_on)::int from study_session s where s.committee_id = :committee and "
						+ VISIBLE + " order by 1 desc")
			.param("committee", user.committeeId())
			.param("scope", SqlArrays.ids(scope(user)))
			.query(Integer.class)
			.list();
	}

	public SessionDetails session(CurrentUser user, long id) {
		requireReader(user);
		return find(user, id).orElseThrow(NotFoundException::new);
	}

	/** What writing a reflection needs of a session the user sees. */
	public record Brief(long id, String title, @Nullable LocalDate reflectionDue, boolean absentMayWrite) {
	}

	Brief brief(CurrentUser user, long id) {
		requireReader(user);
		return jdbc.sql("""
				select s.id, s.title, s.reflection_due, s.absent_may_write from study_session s
				where s.committee_id = :committee and s.id = :id and """ + VISIBLE)
			.param("committee", user.committeeId())
			.param("id", id)
			.param("scope", SqlArrays.ids(scope(user)))
			.query((rs, n) -> new Brief(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBoolean(4)))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	Optional<SessionDetails> find(CurrentUser user, long id) {
		return jdbc.sql("""
				select s.*, o.name as organizer_name, o.level as organizer_level from study_session s
				join org_unit o on o.committee_id = s.committee_id and o.id = s.organizer_id
				where s.committee_id = :committee and s.id = :id and """ + VISIBLE)
			.param("committee", user.committeeId())
			.param("id", id)
			.param("scope", SqlArrays.ids(scope(user)))
			.query((rs, n) -> details(rs, user))
			.optional();
	}

	private SessionDetails details(ResultSet rs, CurrentUser user) throws SQLException {
		var id = rs.getLong("id");
		var branches = jdbc.sql("""
				select o.id, o.name from study_session_branch b join org_unit o
				on o.committee_id = b.committee_id and o.id = b.branch_id
				where b.committee_id = :committee and b.session_id = :id order by o.code
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((r, n) -> new Named(r.getLong(1), r.getString(2)))
			.list();
		var members = jdbc.sql("""
				select sm.member_id, coalesce(a.full_name, '') from study_session_member sm
				left join study_attendance a on a.committee_id = sm.committee_id and a.session_id = sm.session_id
					and a.member_id = sm.member_id
				where sm.committee_id = :committee and sm.session_id = :id order by sm.member_id
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((r, n) -> new Named(r.getLong(1), r.getString(2)))
			.list();
		var documentIds = jdbc.sql("""
				select document_id from study_session_document where committee_id = :committee and session_id = :id
				order by position
				""").param("committee", user.committeeId()).param("id", id).query(Long.class).list();
		return new SessionDetails(id, rs.getLong("organizer_id"), rs.getString("organizer_name"),
				"BRANCH".equals(rs.getString("organizer_level")), StudyKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getObject("held_on", LocalDate.class),
				rs.getObject("starts_at", LocalTime.class), rs.getString("place"), rs.getString("reporter"),
				rs.getString("reporter_post"), Audience.valueOf(rs.getString("audience")), branches, members,
				rs.getString("questions"), rs.getObject("reflection_due", LocalDate.class),
				rs.getBoolean("absent_may_write"), rs.getObject("roster_taken_at", OffsetDateTime.class),
				library.references(user, documentIds), rs.getInt("version"));
	}

	/**
	 * The roster with the roll call and each one's reflection: every member of it for
	 * those who keep the session, otherwise those of the user's own part of the tree.
	 */
	public List<Attendee> attendees(CurrentUser user, long sessionId) {
		var session = session(user, sessionId);
		var scope = scope(user);
		// Members see their own line (not the others' reasons or grades); those who keep
		// records see their part of the tree, the organiser every line.
		var keeper = user.role().readsMemberRecords();
		var all = keeper && scope.contains(session.organizerId());
		return jdbc.sql("""
				select a.member_id, a.full_name, a.branch_id, a.branch_name, a.exempted, a.status, a.reason,
				r.id as reflection_id, r.status as reflection, r.grade,
				(select max(x.share) from study_similarity x where x.committee_id = r.committee_id
					and x.reflection_id = r.id) as share
				from study_attendance a left join study_reflection r on r.committee_id = a.committee_id
					and r.session_id = a.session_id and r.member_id = a.member_id
				where a.committee_id = :committee and a.session_id = :session
				and (:all or (:keeper and a.branch_id = any(cast(:scope as bigint[]))) or a.member_id = :me)
				order by a.position
				""")
			.param("committee", user.committeeId())
			.param("session", session.id())
			.param("all", all)
			.param("keeper", keeper)
			.param("me", (user.memberId() != null) ? user.memberId() : -1L)
			.param("scope", SqlArrays.ids(scope))
			.query((rs, n) -> {
				var status = rs.getString("status");
				var reflection = rs.getString("reflection");
				var grade = rs.getString("grade");
				return new Attendee(rs.getLong("member_id"), rs.getString("full_name"), rs.getLong("branch_id"),
						rs.getString("branch_name"), rs.getBoolean("exempted"),
						(status != null) ? Presence.valueOf(status) : null, rs.getString("reason"),
						rs.getObject("reflection_id", Long.class),
						(reflection != null) ? ReflectionStatus.valueOf(reflection) : null,
						(grade != null) ? Grade.valueOf(grade) : null, rs.getBigDecimal("share"));
			})
			.list();
	}

	/** One's own line of a session's roster, if one is on it. */
	public Optional<Attendee> own(CurrentUser user, long sessionId) {
		if (user.memberId() == null) {
			return Optional.empty();
		}
		return line(user.committeeId(), sessionId, user.memberId());
	}

	/**
	 * One member's line of the roster as the user may read it, the same as
	 * {@link #attendees} shows it: one's own, or a line of the user's part of the tree
	 * (every line for the organiser) for those who keep records.
	 */
	Optional<Attendee> visibleLine(CurrentUser user, SessionDetails session, long memberId) {
		var keeper = user.role().readsMemberRecords();
		var scope = scope(user);
		return line(user.committeeId(), session.id(), memberId).filter((a) -> user.isMember(a.memberId())
				|| keeper && (scope.contains(session.organizerId()) || scope.contains(a.branchId())));
	}

	private Optional<Attendee> line(long committeeId, long sessionId, long memberId) {
		return jdbc.sql("""
				select a.member_id, a.full_name, a.branch_id, a.branch_name, a.exempted, a.status, a.reason,
				r.id as reflection_id, r.status as reflection, r.grade
				from study_attendance a left join study_reflection r on r.committee_id = a.committee_id
					and r.session_id = a.session_id and r.member_id = a.member_id
				where a.committee_id = :committee and a.session_id = :session and a.member_id = :member
				""")
			.param("committee", committeeId)
			.param("session", sessionId)
			.param("member", memberId)
			.query((rs, n) -> {
				var status = rs.getString("status");
				var reflection = rs.getString("reflection");
				var grade = rs.getString("grade");
				return new Attendee(rs.getLong("member_id"), rs.getString("full_name"), rs.getLong("branch_id"),
						rs.getString("branch_name"), rs.getBoolean("exempted"),
						(status != null) ? Presence.valueOf(status) : null, rs.getString("reason"),
						rs.getObject("reflection_id", Long.class),
						(reflection != null) ? ReflectionStatus.valueOf(reflection) : null,
						(grade != null) ? Grade.valueOf(grade) : null, null);
			})
			.optional();
	}

	/**
	 * A reflection the user may read: its own, or one of a member of the branches the
	 * user grades.
	 */
	public ReflectionView reflection(CurrentUser user, long id) {
		requireReader(user);
		var view = reflectionRow(user.committeeId(), id).orElseThrow(NotFoundException::new);
		if (!user.isMember(view.memberId()) && !grades(user, view.branchId())) {
			throw new NotFoundException();
		}
		return view;
	}

	/**
	 * One's own year of study (docs/domain.md §8), for the year-end self-review: the
	 * sessions one was called to (exempted not counted), those attended, the reflections
	 * handed in and their grades.
	 */
	public record OwnYear(int called, int present, int handedIn, int excellent, int good, int pass, int fail) {
	}

	public OwnYear ownYear(CurrentUser user, int year) {
		if (user.memberId() == null) {
			return new OwnYear(0, 0, 0, 0, 0, 0, 0);
		}
		return jdbc.sql("""
				select count(*) filter (where not a.exempted and a.status is not null),
				count(*) filter (where a.status = 'PRESENT'),
				count(r.id) filter (where r.status in ('SUBMITTED', 'GRADED')),
				count(r.id) filter (where r.grade = 'EXCELLENT'), count(r.id) filter (where r.grade = 'GOOD'),
				count(r.id) filter (where r.grade = 'PASS'), count(r.id) filter (where r.grade = 'FAIL')
				from study_attendance a join study_session s on s.committee_id = a.committee_id and s.id = a.session_id
				left join study_reflection r on r.committee_id = a.committee_id and r.session_id = a.session_id
				and r.member_id = a.member_id
				where a.committee_id = :committee and a.member_id = :member and s.held_on between :first and :last
				""")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new OwnYear(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7)))
			.single();
	}

	/** One's own reflection for a session, if it has one. */
	public Optional<ReflectionView> ownReflection(CurrentUser user, long sessionId) {
		if (user.memberId() == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id from study_reflection where committee_id = :committee and session_id = :session
				and member_id = :member
				""")
			.param("committee", user.committeeId())
			.param("session", sessionId)
			.param("member", user.memberId())
			.query(Long.class)
			.optional()
			.flatMap((id) -> reflectionRow(user.committeeId(), id));
	}

	Optional<ReflectionView> reflectionRow(long committeeId, long id) {
		return jdbc.sql("""
				select r.id, r.session_id, s.title, s.held_on, s.reflection_due, r.member_id, a.full_name, a.branch_id,
				a.branch_name, r.body, r.file_name, r.content_type, r.status, r.submitted_at, r.grade, r.comment,
				r.graded_by, r.graded_at, r.words, r.version
				from study_reflection r
				join study_session s on s.committee_id = r.committee_id and s.id = r.session_id
				join study_attendance a on a.committee_id = r.committee_id and a.session_id = r.session_id
					and a.member_id = r.member_id
				where r.committee_id = :committee and r.id = :id
				""").param("committee", committeeId).param("id", id).query((rs, n) -> {
			var grade = rs.getString("grade");
			return new ReflectionView(rs.getLong("id"), rs.getLong("session_id"), rs.getString("title"),
					rs.getObject("held_on", LocalDate.class), rs.getObject("reflection_due", LocalDate.class),
					rs.getLong("member_id"), rs.getString("full_name"), rs.getLong("branch_id"),
					rs.getString("branch_name"), rs.getString("body"), rs.getString("file_name"),
					rs.getString("content_type"), ReflectionStatus.valueOf(rs.getString("status")),
					rs.getObject("submitted_at", OffsetDateTime.class), (grade != null) ? Grade.valueOf(grade) : null,
					rs.getString("comment"), rs.getString("graded_by"), rs.getObject("graded_at", OffsetDateTime.class),
					rs.getInt("words"), rs.getInt("version"));
		}).optional();
	}

	/** The reflection's file, for its writer and its graders. */
	public Optional<byte[]> file(CurrentUser user, long reflectionId) {
		reflection(user, reflectionId);
		return jdbc.sql("select file from study_reflection where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", reflectionId)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.filter((bytes) -> bytes != null);
	}

	/**
	 * What the reflection shares with others of its session and with the studied
	 * documents, most first.
	 */
	public List<Match> matches(CurrentUser user, long reflectionId) {
		var view = reflection(user, reflectionId);
		if (!grades(user, view.branchId())) {
			return List.of();
		}
		var numbers = new HashMap<Long, String>();
		library.references(user, documentIds(user.committeeId(), view.sessionId()))
			.forEach((d) -> numbers.put(d.id(), d.number()));
		return jdbc.sql("""
				select x.other_reflection_id, a.full_name, x.document_id, x.share from study_similarity x
				left join study_reflection o on o.committee_id = x.committee_id and o.id = x.other_reflection_id
				left join study_attendance a on a.committee_id = o.committee_id and a.session_id = o.session_id
					and a.member_id = o.member_id
				where x.committee_id = :committee and x.reflection_id = :id order by x.share desc
				""").param("committee", user.committeeId()).param("id", reflectionId).query((rs, n) -> {
			var document = rs.getObject("document_id", Long.class);
			return new Match(rs.getObject("other_reflection_id", Long.class), rs.getString("full_name"), document,
					(document != null) ? numbers.getOrDefault(document, "") : null, rs.getBigDecimal("share"));
		}).list();
	}

	List<Long> documentIds(long committeeId, long sessionId) {
		return jdbc.sql("""
				select document_id from study_session_document where committee_id = :committee and session_id = :id
				order by position
				""").param("committee", committeeId).param("id", sessionId).query(Long.class).list();
	}

	/**
	 * The sessions of the last year one is asked to write a reflection for, newest first
	 * (older ones stay in each year's list).
	 */
	public List<Assignment> assignments(CurrentUser user, LocalDate since) {
		if (user.memberId() == null) {
			return List.of();
		}
		return jdbc.sql("""
				select s.id, s.title, s.held_on, s.reflection_due, r.status, r.grade from study_attendance a
				join study_session s on s.committee_id = a.committee_id and s.id = a.session_id
				left join study_reflection r on r.committee_id = a.committee_id and r.session_id = a.session_id
					and r.member_id = a.member_id
				where a.committee_id = :committee and a.member_id = :member and s.reflection_due is not null
				and s.held_on >= :since
				and (a.status is distinct from 'ABSENT_EXCUSED' and a.status is distinct from 'ABSENT_UNEXCUSED'
					or s.absent_may_write or r.id is not null)
				order by s.held_on desc, s.id desc
				""")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.param("since", since)
			.query((rs, n) -> {
				var status = rs.getString("status");
				var grade = rs.getString("grade");
				return new Assignment(rs.getLong("id"), rs.getString("title"), rs.getObject("held_on", LocalDate.class),
						rs.getObject("reflection_due", LocalDate.class),
						(status != null) ? ReflectionStatus.valueOf(status) : null,
						(grade != null) ? Grade.valueOf(grade) : null);
			})
			.list();
	}

	/** Whether the user keeps the session: organises it within its part of the tree. */
	public boolean manages(CurrentUser user, SessionDetails session) {
		return user.role().organizesStudy() && scope(user).contains(session.organizerId());
	}

	/**
	 * Whether the user takes the roll call of a member of this branch at this session.
	 */
	boolean records(CurrentUser user, SessionDetails session, long branchId) {
		if (!user.role().organizesStudy()) {
			return false;
		}
		var scope = scope(user);
		return scope.contains(session.organizerId()) || scope.contains(branchId);
	}

	/** Whether the user takes the roll call of anyone at this session. */
	public boolean takesRollCall(CurrentUser user, SessionDetails session) {
		if (!user.role().organizesStudy()) {
			return false;
		}
		if (manages(user, session)) {
			return true;
		}
		var scope = scope(user);
		return session.audience() == Audience.COMMITTEE
				|| session.branches().stream().anyMatch((b) -> scope.contains(b.id()))
				|| jdbc
					.sql("""
							select exists (select 1 from study_attendance where committee_id = :committee and session_id = :id
							and branch_id = any(cast(:scope as bigint[])))
							""")
					.param("committee", user.committeeId())
					.param("id", session.id())
					.param("scope", SqlArrays.ids(scope))
					.query(Boolean.class)
					.single();
	}

	/** Whether the user grades the reflections of this branch's members. */
	public boolean grades(CurrentUser user, long branchId) {
		return user.role().gradesReflections() && scope(user).contains(branchId);
	}

	Set<Long> scope(CurrentUser user) {
		return organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
	}

	public static void requireReader(CurrentUser user) {
		if (!user.role().readsStudy()) {
			throw new AccessDeniedException("study");
		}
	}

}
