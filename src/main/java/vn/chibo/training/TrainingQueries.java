package vn.chibo.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Reads the training plan within the user's part of the tree: the office the whole
 * committee's, a secretary its branch's, a member its own enrolments; courses are seen by
 * every person of the committee.
 */
@Service
@Transactional(readOnly = true)
public class TrainingQueries {

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	TrainingQueries(JdbcClient jdbc, OrganizationQueries organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	public record CourseRow(long id, CourseKind kind, @Nullable TheoryLevel level, String title, String provider,
			LocalDate startsOn, @Nullable LocalDate endsOn, CourseMode mode, long enrolled, long completed,
			int version) {
	}

	public record EnrolmentRow(long id, long courseId, String courseTitle, CourseKind kind, @Nullable TheoryLevel level,
			long memberId, String fullName, long branchId, String branchName, int planYear, EnrolmentStatus status,
			@Nullable String certificateNo, @Nullable LocalDate completedOn, @Nullable String note, int version) {
	}

	/** The year's plan against what was done, by status. */
	public record Figures(Map<EnrolmentStatus, Long> byStatus) {

		public long count(EnrolmentStatus status) {
			return byStatus.getOrDefault(status, 0L);
		}

		public long approved() {
			return count(EnrolmentStatus.APPROVED);
		}

		public long enrolled() {
			return count(EnrolmentStatus.ENROLLED);
		}

		public long completed() {
			return count(EnrolmentStatus.COMPLETED);
		}

		public long withdrawn() {
			return count(EnrolmentStatus.WITHDRAWN);
		}

		/** Planned: every enrolment not withdrawn. */
		public long planned() {
			return byStatus.entrySet()
				.stream()
				.filter((e) -> e.getKey() != EnrolmentStatus.WITHDRAWN)
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

		public int donePercent() {
			return (planned() == 0) ? 0 : (int) Math.round(100.0 * count(EnrolmentStatus.COMPLETED) / planned());
		}

	}

	private static final String COURSE = """
			select c.*, (select count(*) from training_enrolment e where e.committee_id = c.committee_id
				and e.course_id = c.id and e.status <> 'WITHDRAWN' and e.branch_id = any(cast(:scope as bigint[]))) as enrolled,
			(select count(*) from training_enrolment e where e.committee_id = c.committee_id
				and e.course_id = c.id and e.status = 'COMPLETED' and e.branch_id = any(cast(:scope as bigint[]))) as completed
			from training_course c
			""";

	private static final String ENROLMENT = """
			select e.*, c.title as course_title, c.kind, c.level, o.name as branch_name from training_enrolment e
			join training_course c on c.committee_id = e.committee_id and c.id = e.course_id
			join org_unit o on o.committee_id = e.committee_id and o.id = e.branch_id
			""";

	/** The courses that start in the year, newest first. */
	public List<CourseRow> courses(CurrentUser user, int year) {
		requireReader(user);
		return jdbc.sql(COURSE + """
				where c.committee_id = :committee and c.starts_on >= :from and c.starts_on < :to
				order by c.starts_on desc, c.id desc
				""")
			.param("committee", user.committeeId())
			.param("scope", SqlArrays.ids(scope(user)))
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> course(rs))
			.list();
	}

	public CourseRow course(CurrentUser user, long id) {
		requireReader(user);
		return jdbc.sql(COURSE + " where c.committee_id = :committee and c.id = :id")
			.param("committee", user.committeeId())
			.param("scope", SqlArrays.ids(scope(user)))
			.param("id", id)
			.query((rs, n) -> course(rs))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * The enrolments of the year's plan the user may read: of its part of the tree, or
	 * its own for a member.
	 */
	public List<EnrolmentRow> plan(CurrentUser user, int year) {
		requireReader(user);
		return jdbc.sql(ENROLMENT + """
				where e.committee_id = :committee and e.plan_year = :year and """ + readable() + """
				 order by o.code, c.starts_on, e.full_name, e.id
				""")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("scope", SqlArrays.ids(scope(user)))
			.param("member", memberOf(user))
			.query((rs, n) -> enrolment(rs))
			.list();
	}

	/** The enrolments of one course the user may read. */
	public List<EnrolmentRow> enrolments(CurrentUser user, long courseId) {
		course(user, courseId);
		return jdbc.sql(ENROLMENT + """
				where e.committee_id = :committee and e.course_id = :course and """ + readable() + """
				 order by o.code, e.full_name, e.id
				""")
			.param("committee", user.committeeId())
			.param("course", courseId)
			.param("scope", SqlArrays.ids(scope(user)))
			.param("member", memberOf(user))
			.query((rs, n) -> enrolment(rs))
			.list();
	}

	/** One's own training, newest first. */
	public List<EnrolmentRow> mine(CurrentUser user) {
		if (user.memberId() == null) {
			return List.of();
		}
		return jdbc.sql(ENROLMENT + """
				where e.committee_id = :committee and e.member_id = :member order by c.starts_on desc, e.id desc
				""")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.query((rs, n) -> enrolment(rs))
			.list();
	}

	Optional<EnrolmentRow> enrolment(CurrentUser user, long id) {
		return jdbc.sql(ENROLMENT + " where e.committee_id = :committee and e.id = :id and " + readable())
			.param("committee", user.committeeId())
			.param("id", id)
			.param("scope", SqlArrays.ids(scope(user)))
			.param("member", memberOf(user))
			.query((rs, n) -> enrolment(rs))
			.optional();
	}

	/**
	 * The year's plan against what was done, counted from the enrolments the user reads.
	 */
	public Figures figures(CurrentUser user, int year) {
		var counts = new EnumMap<EnrolmentStatus, Long>(EnrolmentStatus.class);
		jdbc.sql("select e.status, count(*) from training_enrolment e where e.committee_id = :committee "
				+ "and e.plan_year = :year and " + readable() + " group by e.status")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("scope", SqlArrays.ids(scope(user)))
			.param("member", memberOf(user))
			.query((rs) -> {
				counts.put(EnrolmentStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return new Figures(counts);
	}

	/** The years that have courses or plans, newest first. */
	public List<Integer> years(CurrentUser user) {
		requireReader(user);
		return jdbc.sql("""
				select distinct y from (select extract(year from starts_on)::int as y from training_course
				where committee_id = :committee union select plan_year from training_enrolment
				where committee_id = :committee) t order by y desc
				""").param("committee", user.committeeId()).query(Integer.class).list();
	}

	/** Who keeps the plan: the office. */
	public boolean manages(CurrentUser user) {
		return user.role().managesStructure();
	}

	// Members read their own line; those who keep records read their part of the tree.
	private static String readable() {
		return "(e.branch_id = any(cast(:scope as bigint[])) and :member < 0 or e.member_id = :member)";
	}

	private static long memberOf(CurrentUser user) {
		if (user.role().readsMemberRecords()) {
			return -1;
		}
		return (user.memberId() != null) ? user.memberId() : -2;
	}

	Set<Long> scope(CurrentUser user) {
		return organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
	}

	private static CourseRow course(ResultSet rs) throws SQLException {
		var level = rs.getString("level");
		return new CourseRow(rs.getLong("id"), CourseKind.valueOf(rs.getString("kind")),
				(level != null) ? TheoryLevel.valueOf(level) : null, rs.getString("title"), rs.getString("provider"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				CourseMode.valueOf(rs.getString("mode")), rs.getLong("enrolled"), rs.getLong("completed"),
				rs.getInt("version"));
	}

	private static EnrolmentRow enrolment(ResultSet rs) throws SQLException {
		var level = rs.getString("level");
		return new EnrolmentRow(rs.getLong("id"), rs.getLong("course_id"), rs.getString("course_title"),
				CourseKind.valueOf(rs.getString("kind")), (level != null) ? TheoryLevel.valueOf(level) : null,
				rs.getLong("member_id"), rs.getString("full_name"), rs.getLong("branch_id"),
				rs.getString("branch_name"), rs.getInt("plan_year"), EnrolmentStatus.valueOf(rs.getString("status")),
				rs.getString("certificate_no"), rs.getObject("completed_on", LocalDate.class), rs.getString("note"),
				rs.getInt("version"));
	}

	static void requireReader(CurrentUser user) {
		if (!user.role().readsStudy()) {
			throw new AccessDeniedException("training");
		}
	}

}
