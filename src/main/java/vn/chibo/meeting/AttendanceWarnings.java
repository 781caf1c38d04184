package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrgNode;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The attendance warnings of members' years (docs/domain.md §4 automatic alerts, §5) as
 * the database keeps them in {@code meeting_attendance_warning} whenever an attendance
 * line or a meeting changes (docs/decisions/0004-aggregates-by-triggers.md): read, never
 * computed on a page view.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceWarnings {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	AttendanceWarnings(JdbcClient jdbc, MeetingQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/** Some of the warnings of a list and how many there are in all. */
	public record Listed(List<AttendanceWarning> shown, int total) {
	}

	/**
	 * The year's warnings in the user's branches (or one of them), newest first, at most
	 * {@code limit} of them.
	 */
	public Listed of(CurrentUser user, int year, @Nullable Long branchId, int limit) {
		var branches = queries.branches(user, branchId);
		if (branches.isEmpty()) {
			return new Listed(List.of(), 0);
		}
		var ids = SqlArrays.ids(branches, (b) -> b.id());
		var names = names(branches);
		// The first ones from the index in its order, the branches' names from those
		// read; the count from the index by branch: a committee's year holds thousands,
		// and counting them with the page's rows sorted them all.
		var shown = jdbc.sql("""
				select w.* from meeting_attendance_warning w
				where w.committee_id = :committee and w.year = :year and w.branch_id = any(cast(:branches as bigint[]))
				order by w.occurred_on desc, w.full_name, w.member_id, w.kind limit :limit
				""")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("branches", ids)
			.param("limit", limit)
			.query((rs, row) -> warning(rs, names.get(rs.getLong("branch_id"))))
			.list();
		// Joined to the branches rather than filtered by them: a plan made for any
		// branches would scan the index above, comparing each entry with every branch.
		var total = (shown.size() < limit) ? shown.size()
				: jdbc
					.sql("""
							select count(*) from unnest(cast(:branches as bigint[])) b(id)
							join meeting_attendance_warning w on w.committee_id = :committee and w.year = :year and w.branch_id = b.id
							""")
					.param("committee", user.committeeId())
					.param("year", year)
					.param("branches", ids)
					.query(Integer.class)
					.single();
		return new Listed(shown, total);
	}

	/**
	 * The warnings raised in the user's branches from a date until another, of the kinds
	 * given; each year's in turn from the earliest year, newest first within it (the
	 * order in which the early warnings list them). Read from the index in that order,
	 * with every column it shows, the branches' names from those read: a committee's
	 * start page reads hundreds, and joining and sorting them cost five times the reading
	 * (docs/architecture.md, "Fast pages").
	 */
	public List<AttendanceWarning> between(CurrentUser user, LocalDate from, LocalDate to,
			Collection<AttendanceWarning.Kind> kinds) {
		var branches = queries.branches(user, null);
		if (branches.isEmpty() || kinds.isEmpty()) {
			return List.of();
		}
		var names = names(branches);
		return jdbc
			.sql("select w.* " + BETWEEN + " order by w.year, w.occurred_on desc, w.full_name, w.member_id, w.kind")
			.params(betweenParams(user, branches, from, to, kinds))
			.query((rs, row) -> warning(rs, names.get(rs.getLong("branch_id"))))
			.list();
	}

	/** The warnings of {@link #between}: the user's branches, the dates, the kinds. */
	private static final String BETWEEN = """
			from meeting_attendance_warning w
			where w.committee_id = :committee and w.year between :firstYear and :lastYear
			and w.branch_id = any(cast(:branches as bigint[])) and w.occurred_on between :from and :to
			and w.kind = any(cast(:kinds as text[]))""";

	private static Map<String, Object> betweenParams(CurrentUser user, List<OrgNode> branches, LocalDate from,
			LocalDate to, Collection<AttendanceWarning.Kind> kinds) {
		return Map.of("committee", user.committeeId(), "firstYear", from.getYear(), "lastYear", to.getYear(),
				"branches", SqlArrays.ids(branches, (b) -> b.id()), "from", from, "to", to, "kinds",
				SqlArrays.texts(kinds.stream().map(Enum::name).toList()));
	}

	/**
	 * Of the warnings {@link #between} reads, the newest {@code size} (those of the last
	 * of their dates all given, so that the order among a day's is as {@link #between}
	 * gives it) and how many there are in all: the date and the count come from one
	 * reading of the index, the rows of those days alone from the next (a committee's
	 * start page shows five of hundreds).
	 */
	public Listed newestBetween(CurrentUser user, LocalDate from, LocalDate to,
			Collection<AttendanceWarning.Kind> kinds, int size) {
		var branches = queries.branches(user, null);
		if (branches.isEmpty() || kinds.isEmpty() || size <= 0) {
			return new Listed(List.of(), 0);
		}
		var total = new int[1];
		var dates = jdbc
			.sql("select w.occurred_on, count(*) over () " + BETWEEN + " order by w.occurred_on desc limit :size")
			.params(betweenParams(user, branches, from, to, kinds))
			.param("size", size)
			.query((rs, row) -> {
				total[0] = rs.getInt(2);
				return rs.getObject(1, LocalDate.class);
			})
			.list();
		return dates.isEmpty() ? new Listed(List.of(), 0)
				: new Listed(between(user, dates.getLast(), to, kinds), total[0]);
	}

	/**
	 * A member's warnings of a year, earliest first: all of them for the member, those
	 * raised in the user's branches for another reader.
	 */
	public List<AttendanceWarning> ofMember(CurrentUser user, int year, long memberId) {
		var own = user.isMember(memberId);
		var branches = queries.branches(user, null);
		if (!own && branches.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select w.*, o.name as branch_name from meeting_attendance_warning w
				join org_unit o on o.committee_id = w.committee_id and o.id = w.branch_id
				where w.committee_id = :committee and w.member_id = :member and w.year = :year
				and (:own or w.branch_id = any(cast(:branches as bigint[])))
				order by w.occurred_on, w.meeting_id, w.kind
				""")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.param("year", year)
			.param("own", own)
			.param("branches", SqlArrays.ids(branches, (b) -> b.id()))
			.query((rs, row) -> warning(rs, rs.getString("branch_name")))
			.list();
	}

	private static Map<Long, String> names(List<OrgNode> branches) {
		return branches.stream().collect(Collectors.toMap(OrgNode::id, OrgNode::name));
	}

	private static AttendanceWarning warning(ResultSet rs, String branchName) throws SQLException {
		return new AttendanceWarning(AttendanceWarning.Kind.valueOf(rs.getString("kind")), rs.getLong("member_id"),
				rs.getString("full_name"), branchName, rs.getLong("meeting_id"),
				rs.getObject("occurred_on", LocalDate.class), rs.getInt("count"), rs.getLong("branch_id"));
	}

}
