package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberRow;
import vn.chibo.member.Post;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.PageOf;

import vn.chibo.meeting.attendance.AttendanceRow;
import vn.chibo.shared.sql.SqlArrays;

/** Reads the meeting plan of the branches a user can see. */
@Service
public class MeetingQueries {

	/** The first year meetings are read for: the Party's founding. */
	public static final int FIRST_YEAR = 1930;

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	MeetingQueries(JdbcClient jdbc, OrganizationQueries organizations, MemberQueries members) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
	}

	/** One meeting the user may see, or 404. */
	public MeetingRow meeting(CurrentUser user, long id) {
		var branchId = jdbc.sql("select branch_id from meeting where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		if (!organizations.isVisible(user, branchId)) {
			throw new NotFoundException();
		}
		return rows(user, "g.id = :id", Map.of("id", id)).getFirst();
	}

	/**
	 * One meeting the user may read, or 404: those of the branches in the user's scope,
	 * and those of the branches the user follows as the superior committee member
	 * (docs/domain.md §5 step 3), who views and comments but does not write.
	 */
	public MeetingRow readable(CurrentUser user, long id) {
		var branchId = jdbc.sql("select branch_id from meeting where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		if (!organizations.isVisible(user, branchId) && !follows(user, branchId)) {
			throw new NotFoundException();
		}
		return rows(user, "g.id = :id", Map.of("id", id)).getFirst();
	}

	private long branchOf(CurrentUser user, long meetingId) {
		return jdbc.sql("select branch_id from meeting where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", meetingId)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** Whether the branch is in the user's own scope (where planners write). */
	public boolean inScope(CurrentUser user, long branchId) {
		return organizations.isVisible(user, branchId);
	}

	/** Whether the user is the superior committee member following the branch. */
	public boolean follows(CurrentUser user, long branchId) {
		var memberId = user.memberId();
		return memberId != null && members.currentPosts(user.committeeId(), branchId)
			.stream()
			.anyMatch((p) -> p.post() == Post.FOLLOWER && p.memberId() == memberId);
	}

	/** The active branches the user follows outside their own scope. */
	public List<OrgNode> followedBranches(CurrentUser user) {
		var memberId = user.memberId();
		if (memberId == null) {
			return List.of();
		}
		return members.posts(user.committeeId(), memberId)
			.stream()
			.filter((p) -> p.post() == Post.FOLLOWER && p.current())
			.filter((p) -> !organizations.isVisible(user, p.organizationId()))
			.map((p) -> organizations.find(user.committeeId(), p.organizationId()).orElse(null))
			.filter((o) -> o != null && o.active())
			.toList();
	}

	/** Every preparation step of a meeting, done or not, in order. */
	public List<PreparationRow> preparation(CurrentUser user, long meetingId) {
		var done = new EnumMap<PreparationStep, PreparationRow>(PreparationStep.class);
		jdbc.sql("select * from meeting_preparation where committee_id = :committee and meeting_id = :meeting")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new PreparationRow(PreparationStep.valueOf(rs.getString("step")),
					rs.getObject("done_at", OffsetDateTime.class), rs.getString("done_by"), rs.getString("note"),
					rs.getString("late_reason")))
			.list()
			.forEach((row) -> done.put(row.step(), row));
		// The chi ủy's short record of its preparatory meeting is the executive's, not
		// every member's (docs/domain.md §5 step 1).
		if (!user.role().readsMemberRecords() && !user.role().plansMeetings()) {
			done.computeIfPresent(PreparationStep.EXECUTIVE_MEETING,
					(step, row) -> new PreparationRow(step, row.doneAt(), row.doneBy(), null, row.lateReason()));
		}
		var steps = new ArrayList<PreparationRow>();
		for (var step : PreparationStep.values()) {
			steps.add(done.getOrDefault(step, new PreparationRow(step, null, null, null, null)));
		}
		return steps;
	}

	/** The agenda items of a meeting, in order. */
	public List<String> agenda(CurrentUser user, long meetingId) {
		return jdbc.sql("""
				select title from meeting_agenda_item where committee_id = :committee and meeting_id = :meeting
				order by position
				""").param("committee", user.committeeId()).param("meeting", meetingId).query(String.class).list();
	}

	/**
	 * The roster snapshot of a meeting with each member's attendance, in list order;
	 * empty until the snapshot is taken.
	 */
	/**
	 * The roster as the user may see it: a member sees everyone's presence but only their
	 * own reason of absence; those who keep member records see all.
	 */
	public List<AttendanceRow> attendanceShownTo(CurrentUser user, long meetingId) {
		var rows = attendance(user, meetingId);
		if (user.role().readsMemberRecords()) {
			return rows;
		}
		return rows.stream().map((row) -> user.isMember(row.memberId()) ? row : row.withoutReason()).toList();
	}

	public List<AttendanceRow> attendance(CurrentUser user, long meetingId) {
		return jdbc.sql("""
				select * from meeting_attendance where committee_id = :committee and meeting_id = :meeting
				order by position, member_id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new AttendanceRow(rs.getLong("member_id"), rs.getString("full_name"),
					rs.getBoolean("probationary"), rs.getBoolean("exempted"), rs.getBoolean("temporary_in"),
					rs.getBoolean("temporary_out"),
					(rs.getString("status") != null) ? AttendanceStatus.valueOf(rs.getString("status")) : null,
					rs.getString("reason"), rs.getString("method"), rs.getObject("checked_in_at", OffsetDateTime.class),
					rs.getString("recorded_by")))
			.list();
	}

	/**
	 * The documents of a meeting: all of them for those who plan meetings, the shared
	 * ones for members.
	 */
	public List<DocumentRow> documents(CurrentUser user, long meetingId) {
		return jdbc
			.sql("""
					select id, kind, file_name, content_type, size_bytes, shared_at, uploaded_by, uploaded_at from meeting_document
					where committee_id = :committee and meeting_id = :meeting and (shared_at is not null or :all)
					order by uploaded_at, id
					""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("all", user.role().plansMeetings() && inScope(user, branchOf(user, meetingId)))
			.query((rs, row) -> new DocumentRow(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")),
					rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
					rs.getObject("shared_at", OffsetDateTime.class), rs.getString("uploaded_by"),
					rs.getObject("uploaded_at", OffsetDateTime.class)))
			.list();
	}

	/** A guest of a meeting. */
	public record Guest(long id, String name, @Nullable String title) {
	}

	public List<Guest> guests(CurrentUser user, long meetingId) {
		return jdbc
			.sql("select * from meeting_guest where committee_id = :committee and meeting_id = :meeting order by id")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new Guest(rs.getLong("id"), rs.getString("name"), rs.getString("title")))
			.list();
	}

	/**
	 * The active members of a branch in list order: who may prepare a thematic meeting.
	 */
	public List<MemberRow> branchMembers(CurrentUser user, long branchId) {
		return members.search(user, MemberFilter.search(null, branchId), 0, PageOf.clampSize(200)).items();
	}

	/**
	 * The year's meetings of the user's branches and those the user follows, or of one of
	 * them, by date.
	 */
	public List<MeetingRow> calendar(CurrentUser user, int year, @Nullable Long branchId) {
		var branches = readableBranches(user, branchId);
		if (branches.isEmpty()) {
			return List.of();
		}
		var ids = SqlArrays.ids(branches, (b) -> b.id());
		return rows(user, "g.branch_id = any(cast(:branches as bigint[])) and g.scheduled_on between :first and :last",
				Map.of("branches", ids, "first", LocalDate.of(year, 1, 1), "last", LocalDate.of(year, 12, 31)));
	}

	/**
	 * The meetings of the user's branches (or of one of them) from one date to another,
	 * earliest first, cancelled ones left out: a member's next meeting, the office's week
	 * ahead.
	 */
	public List<MeetingRow> between(CurrentUser user, @Nullable Long branchId, LocalDate from, LocalDate to) {
		var branches = branchArray(user, branchId);
		if (branches == null) {
			return List.of();
		}
		return rows(user, """
				g.branch_id = any(cast(:branches as bigint[])) and g.scheduled_on between :from and :to
				and g.status <> 'CANCELLED'""", Map.of("branches", branches, "from", from, "to", to));
	}

	/**
	 * The user's readable branches (or one) as a PostgreSQL array in the order of their
	 * codes (the grid's), null when there are none.
	 */
	long @Nullable [] branchArray(CurrentUser user, @Nullable Long branchId) {
		return array(readableBranches(user, branchId).stream().sorted(Comparator.comparing(OrgNode::code)).toList());
	}

	static long @Nullable [] array(List<OrgNode> branches) {
		return branches.isEmpty() ? null : SqlArrays.ids(branches, (b) -> b.id());
	}

	/**
	 * A meeting by its key, without a user's scope: for timed work (reminders, feeds)
	 * that acts for the committee.
	 */
	public MeetingRow find(long committeeId, long id) {
		return rows(committeeId, "g.id = :id", Map.of("id", id)).getFirst();
	}

	private List<MeetingRow> rows(CurrentUser user, String where, Map<String, ?> params) {
		return rows(user.committeeId(), where, params);
	}

	/** The meeting with its branch's and preparer's names, of one committee. */
	private static final String ROWS = """
			select g.*, o.name as branch_name, m.full_name as preparer_name%s from meeting g
			join org_unit o on o.committee_id = g.committee_id and o.id = g.branch_id
			left join member_name m on m.committee_id = g.committee_id and m.id = g.preparer_member_id
			where g.committee_id = :committee and (""";

	private List<MeetingRow> rows(long committeeId, String where, Map<String, ?> params) {
		return jdbc.sql(ROWS.formatted("") + where + ") order by g.scheduled_on, o.code, g.id")
			.param("committee", committeeId)
			.params(params)
			.query((rs, row) -> row(rs))
			.list();
	}

	static MeetingRow row(ResultSet rs) throws SQLException {
		return new MeetingRow(rs.getLong("id"), rs.getLong("branch_id"), rs.getString("branch_name"),
				MeetingKind.valueOf(rs.getString("kind")), rs.getObject("scheduled_on", LocalDate.class),
				rs.getObject("starts_at", LocalTime.class), rs.getString("place"), rs.getString("topic"),
				(rs.getString("topic_group") != null) ? TopicGroup.valueOf(rs.getString("topic_group")) : null,
				rs.getString("preparer_name"), MeetingStatus.valueOf(rs.getString("status")),
				MeetingRuleSet.valueOf(rs.getString("rule_set")));
	}

	/**
	 * The branches of {@link #branches} and those the user follows, or the one asked for
	 * if it is among them: what the calendar shows.
	 */
	public List<OrgNode> readableBranches(CurrentUser user, @Nullable Long branchId) {
		var all = new ArrayList<>(branches(user, branchId));
		followedBranches(user).stream().filter((b) -> branchId == null || b.id() == branchId).forEach(all::add);
		return all;
	}

	/**
	 * The active branches in the user's scope, or the one asked for if it is among them.
	 */
	public List<OrgNode> branches(CurrentUser user, @Nullable Long branchId) {
		return organizations.branches(user).stream().filter((b) -> branchId == null || b.id() == branchId).toList();
	}

}
