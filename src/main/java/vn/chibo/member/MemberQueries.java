package vn.chibo.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberRecords.BranchCounts;
import vn.chibo.member.MemberRecords.HistoryRow;
import vn.chibo.member.MemberRecords.PostRow;
import vn.chibo.member.MemberRecords.ProbationRow;
import vn.chibo.member.MemberRecords.TransferRow;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.Option;
import vn.chibo.shared.web.PageOf;
import vn.chibo.shared.sql.Contains;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Reads member records, always within the user's part of the tree: a branch secretary
 * sees only their branch, a member only their own record and their branch's roster.
 */
@Service
@Transactional(readOnly = true)
public class MemberQueries {

	private static final String ROW_COLUMNS = """
			m.id, m.full_name, m.branch_id, o.name as branch_name, m.gender, m.date_of_birth, m.status,
			m.theory_level, m.admission_date, m.official_date, m.exempted_since is not null as exempted,
			exists (select 1 from member_transfer t where t.committee_id = m.committee_id and t.member_id = m.id
				and t.kind = 'TEMPORARY_IN' and t.ended_on is null) as temporary_in,
			exists (select 1 from member_transfer t where t.committee_id = m.committee_id and t.member_id = m.id
				and t.kind = 'TEMPORARY_OUT' and t.ended_on is null) as temporary_out
			""";

	private static final String BRANCH = """
			 join org_unit o on o.committee_id = m.committee_id and o.id = m.branch_id
			""";

	private static final String FROM = " from member m" + BRANCH;

	private static final String ORDER = " order by m.sort_given, m.sort_middle, m.sort_family, m.id";

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	private final Clock clock;

	MemberQueries(JdbcClient jdbc, OrganizationQueries organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	public PageOf<MemberRow> search(CurrentUser user, MemberFilter filter, int page, int size) {
		var params = new HashMap<String, @Nullable Object>();
		var where = where(user, filter, params);
		var total = filter.byBranchAndStatusOnly() ? tally(user, filter)
				: jdbc.sql("select count(*) from member m where " + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		// The page's rows first, then their branch names and transfers: a search by a
		// common name matches a thousand members, of which the page shows 25.
		var items = jdbc
			.sql("select " + ROW_COLUMNS + " from (select m.* from member m where " + where + ORDER
					+ " limit :limit offset :offset) m" + BRANCH + ORDER)
			.params(params)
			.query(MemberQueries::row)
			.list();
		return new PageOf<>(items, total, page, size);
	}

	/** The e-mail addresses of the given members that have one. */
	public Map<Long, String> emails(long committeeId, Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		var ids = SqlArrays.ids(memberIds);
		var emails = new HashMap<Long, String>();
		jdbc.sql("""
				select id, email from member where committee_id = :committee and id = any(cast(:ids as bigint[]))
				and email is not null and email <> ''
				""")
			.param("committee", committeeId)
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach((e) -> emails.put(e.getKey(), e.getValue()));
		return emails;
	}

	/**
	 * The branch's roster on {@code date}: its active members admitted by then, in list
	 * order. Callers check the user's scope; the meeting's attendance is taken from it
	 * (docs/domain.md §5).
	 */
	public List<MemberRow> rosterOn(long committeeId, long branchId, LocalDate date) {
		return jdbc.sql("select " + ROW_COLUMNS + FROM + """
				 where m.committee_id = :committee and m.branch_id = :branch
				and m.status in ('PROBATIONARY', 'OFFICIAL') and m.admission_date <= :date""" + ORDER)
			.param("committee", committeeId)
			.param("branch", branchId)
			.param("date", date)
			.query(MemberQueries::row)
			.list();
	}

	/**
	 * Every record matching the filter, in list order: the export of the current list.
	 */
	public List<MemberDetails> export(CurrentUser user, MemberFilter filter) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("export");
		}
		var params = new HashMap<String, @Nullable Object>();
		var where = where(user, filter, params);
		return jdbc.sql("select m.*, o.name as branch_name" + FROM + " where " + where + ORDER)
			.params(params)
			.query(MemberQueries::details)
			.list();
	}

	/**
	 * The count of an unfiltered list from the tallies kept per branch and status (V6
	 * migration).
	 */
	private long tally(CurrentUser user, MemberFilter filter) {
		var statuses = (filter.status() == null) ? new String[] { "PROBATIONARY", "OFFICIAL" }
				: new String[] { filter.status().name() };
		return jdbc
			.sql("""
					select coalesce(sum(members), 0) from member_tally where committee_id = :committee
					and branch_id = any(cast(:scope as bigint[])) and (cast(:branch as bigint) is null or branch_id = :branch)
					and status = any(cast(:statuses as text[]))
					""")
			.param("committee", user.committeeId())
			.param("scope", SqlArrays.ids(organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId())))
			.param("branch", filter.branchId())
			.param("statuses", statuses)
			.query(Long.class)
			.single();
	}

	private String where(CurrentUser user, MemberFilter filter, Map<String, @Nullable Object> params) {
		var where = new StringBuilder("m.committee_id = :committee");
		params.put("committee", user.committeeId());
		if (!organizations.coversAllBranches(user.committeeId(), user.scopeOrganizationId())) {
			where.append(" and m.branch_id = any(cast(:scope as bigint[]))");
			params.put("scope",
					SqlArrays.ids(organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId())));
		}
		if (filter.branchId() != null) {
			where.append(" and m.branch_id = :branch");
			params.put("branch", filter.branchId());
		}
		if (filter.status() == null) {
			where.append(" and m.status in ('PROBATIONARY', 'OFFICIAL')");
		}
		else {
			where.append(" and m.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.theoryLevel() != null) {
			where.append(" and m.theory_level = :theory");
			params.put("theory", filter.theoryLevel().name());
		}
		if (filter.gender() != null) {
			where.append(" and m.gender = :gender");
			params.put("gender", filter.gender().name());
		}
		if (filter.ageBand() != null) {
			var today = LocalDate.now(clock);
			where.append(" and m.date_of_birth > :bornAfter and m.date_of_birth <= :bornBy");
			params.put("bornAfter", today.minusYears(filter.ageBand().to + 1));
			params.put("bornBy", today.minusYears(filter.ageBand().from));
		}
		var q = filter.q();
		var folded = VietnameseText.fold(q);
		if (q != null && !folded.isEmpty()) {
			var contains = Contains.of("m.search_text", "pattern", folded);
			where.append(" and (").append(contains.sql()).append(" or m.card_no = :raw)");
			params.put("pattern", contains.value());
			params.put("raw", q.strip());
		}
		return where.toString();
	}

	/**
	 * The record if the user may read it: in scope and allowed records, or their own.
	 * Otherwise 404/403.
	 */
	public MemberDetails details(CurrentUser user, long id) {
		var details = find(user.committeeId(), id).orElseThrow(NotFoundException::new);
		if (!organizations.isVisible(user, details.branchId()) && !user.isMember(id)) {
			throw new NotFoundException();
		}
		if (!user.role().readsMemberRecords() && !user.isMember(id)) {
			throw new AccessDeniedException("member " + id);
		}
		return details;
	}

	public Optional<MemberDetails> find(long committeeId, long id) {
		return jdbc.sql("""
				select m.*, o.name as branch_name from member m
				join org_unit o on o.committee_id = m.committee_id and o.id = m.branch_id
				where m.committee_id = :committee and m.id = :id
				""").param("committee", committeeId).param("id", id).query(MemberQueries::details).optional();
	}

	public List<PostRow> posts(long committeeId, long memberId) {
		return jdbc
			.sql(POSTS + " where p.committee_id = :committee and p.member_id = :member order by p.started_on desc")
			.param("committee", committeeId)
			.param("member", memberId)
			.query(MemberQueries::post)
			.list();
	}

	/**
	 * Who signs for an organisation today: its secretary (of the committee or of the
	 * branch), or an empty name when the post is vacant (docs/domain.md §16: the
	 * signature block of a report).
	 */
	public String secretaryName(long committeeId, long organizationId) {
		return currentPosts(committeeId, organizationId).stream()
			.filter((p) -> p.post() == Post.COMMITTEE_SECRETARY || p.post() == Post.SECRETARY)
			.map(PostRow::memberName)
			.findFirst()
			.orElse("");
	}

	/**
	 * Current posts held in an organisation: its executive and the committee member who
	 * follows it.
	 */
	public List<PostRow> currentPosts(long committeeId, long organizationId) {
		return jdbc.sql(POSTS + """
				 where p.committee_id = :committee and p.organization_id = :org and p.ended_on is null
				order by m.sort_given, m.sort_middle, m.sort_family
				""")
			.param("committee", committeeId)
			.param("org", organizationId)
			.query(MemberQueries::post)
			.stream()
			.sorted(Comparator.comparing(PostRow::post))
			.toList();
	}

	/**
	 * The active members of the user's branches on a date, for a choice list: namesakes
	 * told apart by year of birth and branch.
	 */
	public List<Option> choices(CurrentUser user, LocalDate on) {
		var options = new ArrayList<Option>();
		for (var branch : organizations.branches(user)) {
			for (var member : rosterOn(user.committeeId(), branch.id(), on)) {
				var born = (member.dateOfBirth() != null) ? member.dateOfBirth().getYear() + ", " : "";
				options.add(new Option(member.id(), member.fullName() + " (" + born + branch.name() + ")", false));
			}
		}
		return options;
	}

	/** How many active members of a branch hold a theory level. */
	public record TheoryCount(long branchId, String branchName, TheoryLevel level, long members) {
	}

	/**
	 * Active members by branch and political theory level (docs/domain.md §4), of the
	 * user's part of the tree, branches in code order.
	 */
	public List<TheoryCount> theoryLevels(CurrentUser user) {
		var scope = organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
		return jdbc
			.sql("""
					select m.branch_id, o.name, m.theory_level, count(*) from member m
					join org_unit o on o.committee_id = m.committee_id and o.id = m.branch_id
					where m.committee_id = :committee and m.branch_id = any(cast(:scope as bigint[])) and m.status in ('PROBATIONARY', 'OFFICIAL')
					group by m.branch_id, o.name, o.code, m.theory_level order by o.code, m.theory_level
					""")
			.param("committee", user.committeeId())
			.param("scope", SqlArrays.ids(scope))
			.query((rs, n) -> new TheoryCount(rs.getLong(1), rs.getString(2), TheoryLevel.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.list();
	}

	/** A member holding a post whose theory level is below what the post needs. */
	public record PostGap(long memberId, String fullName, String branchName, Post post, String organizationName,
			TheoryLevel level) {
	}

	/**
	 * The members of the user's part of the tree who hold one of these posts now with a
	 * theory level below {@code minimum}, in list order.
	 */
	public List<PostGap> postsBelow(CurrentUser user, Set<Post> posts, TheoryLevel minimum) {
		var scope = organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
		var below = Arrays.stream(TheoryLevel.values())
			.filter((level) -> level.compareTo(minimum) < 0)
			.map(Enum::name)
			.toList();
		return jdbc
			.sql("""
					select m.id, m.full_name, b.name as branch_name, p.post, o.name as organization_name, m.theory_level
					from member_post p join member m on m.committee_id = p.committee_id and m.id = p.member_id
					join org_unit o on o.committee_id = p.committee_id and o.id = p.organization_id
					join org_unit b on b.committee_id = m.committee_id and b.id = m.branch_id
					where p.committee_id = :committee and p.ended_on is null and p.post = any(cast(:posts as text[]))
					and m.status in ('PROBATIONARY', 'OFFICIAL') and m.theory_level = any(cast(:below as text[])) and m.branch_id = any(cast(:scope as bigint[]))
					order by m.sort_given, m.sort_middle, m.sort_family, m.id, p.post
					""")
			.param("committee", user.committeeId())
			.param("posts", SqlArrays.texts(posts.stream().map(Enum::name).toList()))
			.param("below", SqlArrays.texts(below))
			.param("scope", SqlArrays.ids(scope))
			.query((rs, n) -> new PostGap(rs.getLong(1), rs.getString(2), rs.getString(3),
					Post.valueOf(rs.getString(4)), rs.getString(5), TheoryLevel.valueOf(rs.getString(6))))
			.list();
	}

	public List<TransferRow> transfers(long committeeId, long memberId) {
		return jdbc.sql("""
				select * from member_transfer where committee_id = :committee and member_id = :member
				order by started_on desc, id desc
				""")
			.param("committee", committeeId)
			.param("member", memberId)
			.query((rs, row) -> new TransferRow(rs.getLong("id"), TransferKind.valueOf(rs.getString("kind")),
					rs.getString("other_organization"), rs.getString("letter_no"),
					rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class)))
			.list();
	}

	public List<HistoryRow> history(long committeeId, long memberId) {
		return jdbc.sql("""
				select * from member_history where committee_id = :committee and member_id = :member
				order by effective_on desc, id desc
				""")
			.param("committee", committeeId)
			.param("member", memberId)
			.query((rs, row) -> new HistoryRow(rs.getObject("effective_on", LocalDate.class), rs.getString("kind"),
					rs.getString("from_value"), rs.getString("to_value"), rs.getString("note"),
					rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by")))
			.list();
	}

	/**
	 * Probationary members whose 12 months end within {@code daysAhead} days or have
	 * ended. The branch must vote within 30 working days after the 12 months
	 * (docs/domain.md §4, 12-HD/BTCTW 2022); past that the row is overdue.
	 */
	public List<ProbationRow> probationDue(CurrentUser user, int daysAhead) {
		var scope = organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
		var today = LocalDate.now(clock);
		var result = new ArrayList<ProbationRow>();
		jdbc.sql(
				"""
						select m.id, m.full_name, o.name as branch_name, m.admission_date from member m
						join org_unit o on o.committee_id = m.committee_id and o.id = m.branch_id
						where m.committee_id = :committee and m.branch_id = any(cast(:scope as bigint[])) and m.status = 'PROBATIONARY'
						and m.admission_date <= :admittedBy order by m.admission_date, m.sort_given
						""")
			.param("committee", user.committeeId())
			.param("scope", SqlArrays.ids(scope))
			.param("admittedBy", today.plusDays(daysAhead).minusMonths(12))
			.query((rs, row) -> {
				var admitted = rs.getObject("admission_date", LocalDate.class);
				var ends = admitted.plusMonths(12);
				var deadline = plusWorkingDays(ends, 30);
				return new ProbationRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("branch_name"),
						admitted, ends, deadline, today.isAfter(deadline));
			})
			.list()
			.forEach(result::add);
		return result;
	}

	public BranchCounts branchCounts(long committeeId, Set<Long> branchIds) {
		if (branchIds.isEmpty()) {
			return new BranchCounts(0, 0, 0, 0, 0, 0);
		}
		return jdbc.sql("""
				select count(*) as total,
					count(*) filter (where m.status = 'OFFICIAL') as official,
					count(*) filter (where m.status = 'PROBATIONARY') as probationary,
					count(*) filter (where m.exempted_since is not null) as exempted,
					count(*) filter (where exists (select 1 from member_transfer t where t.committee_id = m.committee_id
						and t.member_id = m.id and t.kind = 'TEMPORARY_IN' and t.ended_on is null)) as temporary_in,
					count(*) filter (where exists (select 1 from member_transfer t where t.committee_id = m.committee_id
						and t.member_id = m.id and t.kind = 'TEMPORARY_OUT' and t.ended_on is null)) as temporary_out
				from member m where m.committee_id = :committee and m.branch_id = any(cast(:branches as bigint[]))
				and m.status in ('PROBATIONARY', 'OFFICIAL')
				""")
			.param("committee", committeeId)
			.param("branches", SqlArrays.ids(branchIds))
			.query((rs, row) -> new BranchCounts(rs.getLong("total"), rs.getLong("official"),
					rs.getLong("probationary"), rs.getLong("exempted"), rs.getLong("temporary_in"),
					rs.getLong("temporary_out")))
			.single();
	}

	static LocalDate plusWorkingDays(LocalDate from, int days) {
		var date = from;
		var left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return date;
	}

	private static final String POSTS = """
			select p.*, m.full_name, o.name as organization_name from member_post p
			join member m on m.committee_id = p.committee_id and m.id = p.member_id
			join org_unit o on o.committee_id = p.committee_id and o.id = p.organization_id
			""";

	private static PostRow post(ResultSet rs, int row) throws SQLException {
		return new PostRow(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"),
				rs.getLong("organization_id"), rs.getString("organization_name"), Post.valueOf(rs.getString("post")),
				rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class));
	}

	static MemberRow row(ResultSet rs, int row) throws SQLException {
		return new MemberRow(rs.getLong("id"), rs.getString("full_name"), rs.getLong("branch_id"),
				rs.getString("branch_name"), Gender.valueOf(rs.getString("gender")),
				rs.getObject("date_of_birth", LocalDate.class), MemberStatus.valueOf(rs.getString("status")),
				TheoryLevel.valueOf(rs.getString("theory_level")), rs.getObject("admission_date", LocalDate.class),
				rs.getObject("official_date", LocalDate.class), rs.getBoolean("exempted"),
				rs.getBoolean("temporary_in"), rs.getBoolean("temporary_out"));
	}

	static MemberDetails details(ResultSet rs, int row) throws SQLException {
		return new MemberDetails(rs.getLong("id"), rs.getString("full_name"), rs.getString("family_name"),
				rs.getString("middle_name"), rs.getString("given_name"), Gender.valueOf(rs.getString("gender")),
				rs.getObject("date_of_birth", LocalDate.class), rs.getString("birth_place"), rs.getString("hometown"),
				rs.getString("ethnicity"), rs.getString("religion"), rs.getString("citizen_id"), rs.getString("phone"),
				rs.getString("email"), rs.getString("job_title"), rs.getString("general_education"),
				rs.getString("qualification"), TheoryLevel.valueOf(rs.getString("theory_level")),
				rs.getString("card_no"), rs.getString("dossier_no"), rs.getObject("admission_date", LocalDate.class),
				rs.getObject("official_date", LocalDate.class), MemberStatus.valueOf(rs.getString("status")),
				rs.getLong("branch_id"), rs.getString("branch_name"), rs.getObject("exempted_since", LocalDate.class),
				rs.getString("exemption_reason"), rs.getObject("left_on", LocalDate.class), rs.getString("left_reason"),
				rs.getString("notes"), rs.getInt("version"));
	}

}
