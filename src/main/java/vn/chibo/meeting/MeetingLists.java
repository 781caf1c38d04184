package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.PageOf;

/**
 * The paged lists of meetings: the meetings page's list of a year and the minutes the
 * start page asks to sign, each page and its count in one statement
 * (docs/architecture.md, "Fast pages").
 */
@Service
public class MeetingLists {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	MeetingLists(JdbcClient jdbc, MeetingQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/**
	 * The meetings of the branches the user keeps (not those followed) held from a date
	 * until yesterday whose minutes the chair and the minute-taker have not both signed
	 * (docs/domain.md §5: the minutes are finished and signed after the meeting),
	 * earliest first: the first {@code size} of them and how many there are.
	 */
	public PageOf<MeetingRow> minutesToSign(CurrentUser user, LocalDate since, LocalDate today, int size) {
		var branches = MeetingQueries.array(queries.branches(user, null));
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
	 * A meeting whose minutes the chair and the minute-taker have not both signed
	 * (docs/domain.md §5), cancelled ones left out.
	 */
	private static final String MINUTES_UNSIGNED = """
			g.status <> 'CANCELLED' and not exists (select 1 from meeting_minutes n
				where n.committee_id = g.committee_id and n.meeting_id = g.id
				and n.chair_signed_at is not null and n.taker_signed_at is not null)""";

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
				return MeetingQueries.row(rs);
			})
			.list();
		return new PageOf<>(items, total[0], page, size);
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
		var branches = queries.branchArray(user, branchId);
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

}
