package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
	 * The meetings of the branches the user keeps (not those followed) held from a date
	 * until yesterday whose minutes the chair and the minute-taker have not both signed
	 * (docs/domain.md §5: the minutes are finished and signed after the meeting),
	 * earliest first: the first {@code size} of them and how many there are.
	 */
	public PageOf<MeetingRow> minutesToSign(CurrentUser user, LocalDate since, LocalDate today, int size) {
		var branches = array(branches(user, null));
		if (branches == null) {
			return new PageOf<>(List.of(), 0, 0, size);
		}
		return pageOf(user.committeeId(),
				"""
						g.branch_id = any(cast(:branches as bigint[])) and g.scheduled_on >= :since and g.scheduled_on < :today"""
						+ " and " + MINUTES_UNSIGNED,
				"g.scheduled_on, " + BRANCH_ORDER + ", g.id",
				Map.of("branches", branches, "since", since, "today", today), 0, size);
	}

	/**
	 * The user's readable branches (or one) as a PostgreSQL array, null when there are
	 * none.
	 */
	private long @Nullable [] branchArray(CurrentUser user, @Nullable Long branchId) {
		return array(readableBranches(user, branchId).stream().sorted(Comparator.comparing(OrgNode::code)).toList());
	}

	private static long @Nullable [] array(List<OrgNode> branches) {
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

	/**
	 * A meeting whose minutes the chair and the minute-taker have not both signed
	 * (docs/domain.md §5), cancelled ones left out.
	 */
	private static final String MINUTES_UNSIGNED = """
			g.status <> 'CANCELLED' and not exists (select 1 from meeting_minutes n
				where n.committee_id = g.committee_id and n.meeting_id = g.id
				and n.chair_signed_at is not null and n.taker_signed_at is not null)""";

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

	/**
	 * A page of meetings with their branch's and preparer's names and the count of all,
	 * in one statement: the meetings of the page and their count first, the names joined
	 * to the page's alone (a past year's list joined hundreds to show twenty).
	 */
	private static final String PAGE = """
			select g.*, o.name as branch_name, m.full_name as preparer_name from (
				select g.*, count(*) over () as total from meeting g where g.committee_id = :committee and (%1$s)
				order by %2$s limit :size offset :offset) g
			join org_unit o on o.committee_id = g.committee_id and o.id = g.branch_id
			left join member_name m on m.committee_id = g.committee_id and m.id = g.preparer_member_id
			order by %2$s""";

	/**
	 * The branches' order for meetings of the same day: their place in {@code :branches},
	 * given in the order of their codes, as the grid lists them.
	 */
	private static final String BRANCH_ORDER = "array_position(cast(:branches as bigint[]), g.branch_id)";

	/**
	 * A page of meetings in the order given and the count of all, in one statement.
	 */
	private PageOf<MeetingRow> pageOf(long committeeId, String where, String order, Map<String, ?> params, int page,
			int size) {
		var total = new long[1];
		var items = jdbc.sql(PAGE.formatted(where, order))
			.param("committee", committeeId)
			.params(params)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return row(rs);
			})
			.list();
		return new PageOf<>(items, total[0], page, size);
	}

	private static MeetingRow row(ResultSet rs) throws SQLException {
		return new MeetingRow(rs.getLong("id"), rs.getLong("branch_id"), rs.getString("branch_name"),
				MeetingKind.valueOf(rs.getString("kind")), rs.getObject("scheduled_on", LocalDate.class),
				rs.getObject("starts_at", LocalTime.class), rs.getString("place"), rs.getString("topic"),
				(rs.getString("topic_group") != null) ? TopicGroup.valueOf(rs.getString("topic_group")) : null,
				rs.getString("preparer_name"), MeetingStatus.valueOf(rs.getString("status")),
				MeetingRuleSet.valueOf(rs.getString("rule_set")));
	}

	/**
	 * What the meetings page lists of a year: the meetings ahead (from today, earliest
	 * first) or those past (newest first), of one kind, status or month if asked; with
	 * {@code unsigned}, the past ones whose minutes the chair and the minute-taker have
	 * not both signed (docs/domain.md §5), as the start page counts them.
	 */
	public record ListFilter(boolean past, @Nullable MeetingKind kind, @Nullable MeetingStatus status,
			@Nullable Integer month, boolean unsigned) {

		/**
		 * The filter as the meetings page and the API read it: a year gone by lists its
		 * meetings, newest first, this year and those ahead what is to come, unless asked
		 * otherwise; minutes are signed after the meeting, so those not signed are among
		 * the past ones; a month outside 1–12 is no month.
		 */
		public static ListFilter of(int year, LocalDate today, @Nullable MeetingKind kind,
				@Nullable MeetingStatus status, @Nullable Integer month, @Nullable Boolean past, boolean unsigned) {
			var shownMonth = (month != null && month >= 1 && month <= 12) ? month : null;
			return new ListFilter(unsigned || ((past != null) ? past : year < today.getYear()), kind, status,
					shownMonth, unsigned);
		}

	}

	/** A page of the year's meetings of the user's readable branches (or one of them). */
	public PageOf<MeetingRow> page(CurrentUser user, int year, @Nullable Long branchId, ListFilter filter,
			LocalDate today, int page, int size) {
		var branches = branchArray(user, branchId);
		if (branches == null) {
			return new PageOf<>(List.of(), 0, 0, size);
		}
		var first = LocalDate.of(year, 1, 1);
		var last = LocalDate.of(year, 12, 31);
		if (filter.month() != null) {
			first = first.withMonth(filter.month());
			last = first.withDayOfMonth(first.lengthOfMonth());
		}
		// The tab as the dates' bounds: the index on the branch and the date then
		// reads the tab's meetings alone (it read the year's and dropped most).
		if (filter.past()) {
			last = last.isBefore(today) ? last : today.minusDays(1);
		}
		else {
			first = first.isAfter(today) ? first : today;
		}
		if (first.isAfter(last)) {
			return new PageOf<>(List.of(), 0, 0, size);
		}
		var params = new HashMap<String, @Nullable Object>();
		params.put("branches", branches);
		params.put("first", first);
		params.put("last", last);
		params.put("kind", (filter.kind() != null) ? filter.kind().name() : null);
		params.put("status", (filter.status() != null) ? filter.status().name() : null);
		params.put("unsigned", filter.unsigned());
		return pageOf(user.committeeId(),
				"""
						g.branch_id = any(cast(:branches as bigint[])) and g.scheduled_on between :first and :last
						and (cast(:kind as text) is null or g.kind = :kind) and (cast(:status as text) is null or g.status = :status)
						and (not :unsigned or ("""
						+ MINUTES_UNSIGNED + "))",
				(filter.past() ? "g.scheduled_on desc, " : "g.scheduled_on, ") + BRANCH_ORDER + ", g.id", params, page,
				size);
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
