package vn.chibo.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * What the programme and its items show a user (docs/domain.md §10): the year by month,
 * an item with its steps for the insiders, its conclusion and remedies once notified, the
 * files gathered — each as far as the user may read it ({@link Inspections} changes
 * them).
 */
@Service
@Transactional(readOnly = true)
public class InspectionQueries {

	private final JdbcClient jdbc;

	private final InspectionAccess access;

	private final OrganizationQueries organizations;

	private final Clock clock;

	InspectionQueries(JdbcClient jdbc, InspectionAccess access, OrganizationQueries organizations, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.organizations = organizations;
		this.clock = clock;
	}

	public record Item(long id, int year, InspectionKind kind, InspectionBody body, long branchId, String branchName,
			@Nullable Long memberId, String subjectName, String content, String period, int plannedMonth,
			@Nullable String leadName, @Nullable String team, @Nullable String decisionNo,
			@Nullable LocalDate decidedOn, @Nullable String decisionSigner, @Nullable LocalDate concludedOn,
			@Nullable LocalDate notifiedOn, InspectionStatus status, boolean violations, int remedies,
			int remediesVerified) {

		public boolean decided() {
			return decidedOn != null;
		}

		public boolean concluded() {
			return concludedOn != null;
		}

		public boolean notified() {
			return notifiedOn != null;
		}

	}

	public record StepRow(long id, InspectionStep step, LocalDate doneOn, @Nullable String note,
			@Nullable String fileName, String recordedBy) {
	}

	public record Conclusion(LocalDate concludedOn, String findings, @Nullable String strengths,
			@Nullable String shortcomings, @Nullable String violations, @Nullable String recommendations) {
	}

	public record Remedy(long id, String content, LocalDate dueOn, @Nullable LocalDate reportedOn,
			@Nullable String report, @Nullable LocalDate verifiedOn, boolean overdue) {

		/** Reported by its deadline. */
		public boolean onTime() {
			return reportedOn != null && !reportedOn.isAfter(dueOn);
		}

	}

	/**
	 * One item as a user may read it: the working steps for the insiders only, the
	 * conclusion and remedies once notified (to the insiders at once).
	 */
	public record Detail(Item item, List<StepRow> steps, @Nullable Conclusion conclusion, List<Remedy> remedies,
			boolean insider, boolean reportsRemedies) {
	}

	/** Plan against done for one month of the year. */
	public record MonthTally(int month, int planned, int overdue, int inProgress, int concluded) {

		public int total() {
			return planned + overdue + inProgress + concluded;
		}

	}

	public record Programme(int year, List<Item> items, List<MonthTally> months, MonthTally totals, boolean insider) {
	}

	private static final String ITEM = """
			select i.*, o.name as branch_name,
			(select count(*) from inspection_remedy r where r.committee_id = i.committee_id and r.inspection_id = i.id)
				as remedies,
			(select count(*) from inspection_remedy r where r.committee_id = i.committee_id and r.inspection_id = i.id
				and r.verified_on is not null) as remedies_verified
			from inspection i join org_unit o on o.committee_id = i.committee_id and o.id = i.branch_id
			""";

	/** The year's programme as the user may see it, by month. */
	public Programme programme(CurrentUser user, int year) {
		var items = query(user, "i.year = :year", Map.of("year", year));
		var months = new ArrayList<MonthTally>();
		int[] sum = new int[4];
		for (var month = 1; month <= 12; month++) {
			int[] count = new int[4];
			for (var item : items) {
				if (item.plannedMonth() == month) {
					count[item.status().ordinal()]++;
					sum[item.status().ordinal()]++;
				}
			}
			months.add(new MonthTally(month, count[0], count[1], count[2], count[3]));
		}
		return new Programme(year, items, months, new MonthTally(0, sum[0], sum[1], sum[2], sum[3]),
				access.insider(user));
	}

	/** The years that have a programme, newest first. */
	public List<Integer> years(CurrentUser user) {
		return jdbc.sql("select distinct year from inspection where committee_id = :committee order by 1 desc")
			.param("committee", user.committeeId())
			.query(Integer.class)
			.list();
	}

	/** The items a member is the subject of, notified to them (for the member's page). */
	public List<Item> ofMember(CurrentUser user, long memberId) {
		return query(user, "i.member_id = :member", Map.of("member", memberId));
	}

	public Detail detail(CurrentUser user, long id) {
		var item = item(user, id);
		var insider = access.insider(user);
		// Unconcluded, unnotified inspections are read by the insiders only
		// (docs/domain.md
		// §10).
		if (!insider && !item.notified()) {
			throw new NotFoundException();
		}
		var steps = insider ? steps(user.committeeId(), id) : List.<StepRow>of();
		Conclusion conclusion = null;
		var remedies = List.<Remedy>of();
		if (item.concluded() && (insider || item.notified())) {
			conclusion = jdbc.sql("select * from inspection where committee_id = :committee and id = :id")
				.param("committee", user.committeeId())
				.param("id", id)
				.query((rs, n) -> new Conclusion(rs.getObject("concluded_on", LocalDate.class),
						rs.getString("findings"), rs.getString("strengths"), rs.getString("shortcomings"),
						rs.getString("violations"), rs.getString("recommendations")))
				.single();
			remedies = remedies(user.committeeId(), id);
		}
		return new Detail(item, steps, conclusion, remedies, insider,
				insider || (item.notified() && subject(user, item)));
	}

	/** An item the user may read, or 404 so that the ids of others cannot be probed. */
	public Item item(CurrentUser user, long id) {
		return query(user, "i.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(NotFoundException::new);
	}

	/** A file gathered at a step: the insiders only. */
	public Optional<StoredFile> file(CurrentUser user, long stepId) {
		access.requireInsider(user);
		return jdbc.sql("""
				select file_name, content_type, content from inspection_step
				where committee_id = :committee and id = :id and content is not null
				""")
			.param("committee", user.committeeId())
			.param("id", stepId)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	public record StoredFile(String name, String contentType, byte[] content) {
	}

	/** The member, or the secretary of the branch inspected, of a notified item. */
	boolean subject(CurrentUser user, Item item) {
		if (item.memberId() != null) {
			return user.isMember(item.memberId());
		}
		return user.role() == Role.SECRETARY && organizations.isVisible(user, item.branchId());
	}

	private List<Item> query(CurrentUser user, String where, Map<String, ?> params) {
		var all = access.readsProgramme(user);
		Set<Long> branches = new HashSet<>();
		if (!all && user.role() == Role.SECRETARY) {
			branches.addAll(organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId()));
		}
		var today = LocalDate.now(clock);
		return jdbc
			.sql(ITEM + " where i.committee_id = :committee and " + where
					+ """
							 and (:all or (i.notified_on is not null and ((i.member_id is null and i.branch_id = any(cast(:branches as bigint[])))
							 or i.member_id = :self)))
							order by i.planned_month, i.kind, i.subject_name, i.id
							""")
			.params(params)
			.param("committee", user.committeeId())
			.param("all", all)
			.param("branches", SqlArrays.ids(branches))
			.param("self", (user.memberId() != null) ? user.memberId() : -1L)
			.query((rs, n) -> item(rs, today))
			.list();
	}

	private static Item item(ResultSet rs, LocalDate today) throws SQLException {
		var year = rs.getInt("year");
		var month = rs.getInt("planned_month");
		var decided = rs.getObject("decided_on", LocalDate.class);
		var concluded = rs.getObject("concluded_on", LocalDate.class);
		return new Item(rs.getLong("id"), year, InspectionKind.valueOf(rs.getString("kind")),
				InspectionBody.valueOf(rs.getString("body")), rs.getLong("branch_id"), rs.getString("branch_name"),
				rs.getObject("member_id", Long.class), rs.getString("subject_name"), rs.getString("content"),
				rs.getString("period"), month, rs.getString("lead_name"), rs.getString("team"),
				rs.getString("decision_no"), decided, rs.getString("decision_signer"), concluded,
				rs.getObject("notified_on", LocalDate.class),
				InspectionStatus.of(year, month, decided, concluded, today), rs.getString("violations") != null,
				rs.getInt("remedies"), rs.getInt("remedies_verified"));
	}

	List<StepRow> steps(long committeeId, long id) {
		return jdbc.sql("""
				select id, step, done_on, note, file_name, recorded_by from inspection_step
				where committee_id = :committee and inspection_id = :id order by done_on, id
				""")
			.param("committee", committeeId)
			.param("id", id)
			.query((rs, n) -> new StepRow(rs.getLong(1), InspectionStep.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private List<Remedy> remedies(long committeeId, long id) {
		var today = LocalDate.now(clock);
		return jdbc.sql("""
				select * from inspection_remedy where committee_id = :committee and inspection_id = :id
				order by due_on, id
				""").param("committee", committeeId).param("id", id).query((rs, n) -> remedy(rs, today)).list();
	}

	static Remedy remedy(ResultSet rs, LocalDate today) throws SQLException {
		var due = rs.getObject("due_on", LocalDate.class);
		var reported = rs.getObject("reported_on", LocalDate.class);
		return new Remedy(rs.getLong("id"), rs.getString("content"), due, reported, rs.getString("report"),
				rs.getObject("verified_on", LocalDate.class), reported == null && due.isBefore(today));
	}

}
