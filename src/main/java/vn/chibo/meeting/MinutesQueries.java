package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Reads the minutes of meetings the user may see, with what they carry over: the previous
 * resolution's targets, the branch's tasks, the proposals and their answers.
 */
@Service
public class MinutesQueries {

	private final JdbcClient jdbc;

	private final MeetingQueries meetings;

	MinutesQueries(JdbcClient jdbc, MeetingQueries meetings) {
		this.jdbc = jdbc;
		this.meetings = meetings;
	}

	public Optional<MinutesView> minutes(CurrentUser user, long meetingId) {
		meetings.readable(user, meetingId);
		return jdbc.sql("""
				select n.*, c.full_name as chair_name, t.full_name as taker_name from meeting_minutes n
				left join member_name c on c.committee_id = n.committee_id and c.id = n.chair_member_id
				left join member_name t on t.committee_id = n.committee_id and t.id = n.minute_taker_member_id
				where n.committee_id = :committee and n.meeting_id = :meeting
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query(MinutesQueries::minutes)
			.optional();
	}

	public List<MinutesView.Speech> speeches(CurrentUser user, long meetingId) {
		return jdbc.sql("""
				select id, member_id, speaker_name, content from meeting_speech
				where committee_id = :committee and meeting_id = :meeting order by id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new MinutesView.Speech(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/** The targets of the resolution adopted at a meeting. */
	public List<MinutesView.Target> targets(CurrentUser user, long meetingId) {
		return jdbc.sql("""
				select id, meeting_id, content, met, review_note from resolution_target
				where committee_id = :committee and meeting_id = :meeting order by id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new MinutesView.Target(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, Boolean.class), rs.getString(5)))
			.list();
	}

	/**
	 * The branch's previous regular meeting before this one, whose resolution this one
	 * reviews (docs/domain.md §5 agenda, item 3).
	 */
	public Optional<MeetingRow> previousRegular(CurrentUser user, MeetingRow meeting) {
		return jdbc
			.sql("""
					select id from meeting where committee_id = :committee and branch_id = :branch and kind = 'REGULAR'
					and status <> 'CANCELLED' and (scheduled_on, id) < (:date, :id) order by scheduled_on desc, id desc limit 1
					""")
			.param("committee", user.committeeId())
			.param("branch", meeting.branchId())
			.param("date", meeting.scheduledOn())
			.param("id", meeting.id())
			.query(Long.class)
			.optional()
			.map((id) -> meetings.readable(user, id));
	}

	/**
	 * The tasks a meeting reviews: those of the branch assigned at earlier meetings and
	 * not verified before it, and those verified at it.
	 */
	public List<MinutesView.Task> tasksToReview(CurrentUser user, MeetingRow meeting) {
		return tasks(user, """
				k.branch_id = :branch and g.scheduled_on < :date
				and (k.status <> 'VERIFIED' or k.verified_in_meeting_id = :meeting)
				""", meeting);
	}

	/** The tasks assigned at a meeting. */
	public List<MinutesView.Task> tasksAssigned(CurrentUser user, MeetingRow meeting) {
		return tasks(user, "k.meeting_id = :meeting", meeting);
	}

	/** A member's tasks, newest first. */
	public List<MinutesView.Task> tasksOf(CurrentUser user, long memberId) {
		return jdbc
			.sql(TASKS + " where k.committee_id = :committee and k.member_id = :member"
					+ " order by (k.status = 'VERIFIED'), k.due_on desc, k.id")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.query(MinutesQueries::task)
			.list();
	}

	private static final String TASKS = """
			select k.*, g.scheduled_on, m.full_name from meeting_task k
			join meeting g on g.committee_id = k.committee_id and g.id = k.meeting_id
			join member_name m on m.committee_id = k.committee_id and m.id = k.member_id
			""";

	private List<MinutesView.Task> tasks(CurrentUser user, String where, MeetingRow meeting) {
		return jdbc.sql(TASKS + " where k.committee_id = :committee and " + where + " order by k.due_on, k.id")
			.param("committee", user.committeeId())
			.param("branch", meeting.branchId())
			.param("date", meeting.scheduledOn())
			.param("meeting", meeting.id())
			.query(MinutesQueries::task)
			.list();
	}

	/** The proposals recorded at a meeting. */
	public List<MinutesView.Proposal> proposals(CurrentUser user, long meetingId) {
		return jdbc.sql(PROPOSALS + " where p.committee_id = :committee and p.meeting_id = :meeting order by p.id")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query(MinutesQueries::proposal)
			.list();
	}

	/**
	 * Proposals of the branches the user sees, waiting or answered, newest first: the
	 * committee's queue.
	 */
	public List<MinutesView.Proposal> proposalQueue(CurrentUser user, boolean answered) {
		var branches = meetings.branches(user, null);
		if (branches.isEmpty()) {
			return List.of();
		}
		var ids = SqlArrays.ids(branches, (b) -> b.id());
		return jdbc.sql(PROPOSALS + """
				 where p.committee_id = :committee and p.branch_id = any(cast(:branches as bigint[]))
				and (p.answered_at is not null) = :answered order by p.forwarded_at desc limit 100""")
			.param("answered", answered)
			.param("committee", user.committeeId())
			.param("branches", ids)
			.query(MinutesQueries::proposal)
			.list();
	}

	/**
	 * The seal taken when both signed: the SHA-256 of the document then and the version
	 * of the text.
	 */
	public Optional<MinutesView.Seal> seal(CurrentUser user, long meetingId) {
		return jdbc.sql("""
				select signed_hash, signed_version from meeting_minutes
				where committee_id = :committee and meeting_id = :meeting and signed_hash is not null
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new MinutesView.Seal(rs.getString(1), rs.getInt(2)))
			.optional();
	}

	public List<MinutesView.Amendment> amendments(CurrentUser user, long meetingId) {
		return jdbc.sql("""
				select amended_at, amended_by, reason, before::text, after::text from minutes_amendment
				where committee_id = :committee and meeting_id = :meeting order by id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new MinutesView.Amendment(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	private static final String PROPOSALS = """
			select p.*, g.scheduled_on, o.name as branch_name from meeting_proposal p
			join meeting g on g.committee_id = p.committee_id and g.id = p.meeting_id
			join org_unit o on o.committee_id = p.committee_id and o.id = p.branch_id
			""";

	private static MinutesView.Proposal proposal(ResultSet rs, int row) throws SQLException {
		return new MinutesView.Proposal(rs.getLong("id"), rs.getLong("meeting_id"),
				rs.getObject("scheduled_on", LocalDate.class), rs.getLong("branch_id"), rs.getString("branch_name"),
				rs.getString("proposer_name"), rs.getString("content"),
				rs.getObject("forwarded_at", OffsetDateTime.class), rs.getString("answer"),
				rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by"));
	}

	private static MinutesView.Task task(ResultSet rs, int row) throws SQLException {
		return new MinutesView.Task(rs.getLong("id"), rs.getLong("meeting_id"),
				rs.getObject("scheduled_on", LocalDate.class), rs.getLong("member_id"), rs.getString("full_name"),
				rs.getString("content"), rs.getObject("due_on", LocalDate.class),
				TaskStatus.valueOf(rs.getString("status")), rs.getObject("done_at", OffsetDateTime.class),
				rs.getObject("verified_at", OffsetDateTime.class));
	}

	private static MinutesView minutes(ResultSet rs, int row) throws SQLException {
		return new MinutesView(rs.getLong("meeting_id"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("ended_at", OffsetDateTime.class), rs.getString("place"),
				rs.getObject("chair_member_id", Long.class), rs.getString("chair_name"),
				rs.getObject("minute_taker_member_id", Long.class), rs.getString("taker_name"),
				rs.getString("information"), rs.getString("review"), rs.getString("discussion_summary"),
				rs.getString("next_tasks"), rs.getString("other_business"), rs.getString("conclusions"),
				rs.getString("resolution"), rs.getObject("votes_for", Integer.class),
				rs.getObject("votes_against", Integer.class), rs.getObject("votes_abstain", Integer.class),
				rs.getString("self_assessment"), rs.getInt("version"),
				rs.getObject("chair_signed_at", OffsetDateTime.class), rs.getString("chair_signed_by"),
				rs.getObject("taker_signed_at", OffsetDateTime.class), rs.getString("taker_signed_by"),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
	}

}
