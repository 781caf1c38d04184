package vn.chibo.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The annual review of Party organisations (docs/domain.md §7, §11): each branch's
 * collective self-review beside its year in figures, the committee's decisions for its
 * branches under the quota of the top level, the superior's decision on the committee
 * itself, and the "trong sạch, vững mạnh tiêu biểu" lines that follow from the top level
 * (the year; five years running).
 */
@Service
@Transactional
public class OrganizationReviews {

	static final String AUDIT_TYPE = "organizationReview";

	private final JdbcClient jdbc;

	private final RuleSets ruleSets;

	private final MemberReviews members;

	private final MeetingQueries meetings;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	OrganizationReviews(JdbcClient jdbc, RuleSets ruleSets, MemberReviews members, MeetingQueries meetings,
			OrganizationQueries organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.members = members;
		this.meetings = meetings;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One organisation's review of a year with the figures its report starts from:
	 * meetings held, members rated and at each level.
	 */
	public record Row(long organizationId, String name, boolean committee, @Nullable ReviewLevel selfLevel,
			@Nullable String selfReport, @Nullable LocalDate selfOn, @Nullable ReviewLevel finalLevel,
			@Nullable String decisionNo, boolean bySuperior, @Nullable String exceptionReason, long meetingsHeld,
			int membersRated, Map<ReviewLevel, Integer> memberLevels, int topYearsRunning, int disciplined) {

		/** Rated at the top level: may be proposed "trong sạch, vững mạnh tiêu biểu". */
		public boolean exemplary() {
			return finalLevel == ReviewLevel.EXCELLENT;
		}

	}

	private record Saved(@Nullable ReviewLevel selfLevel, @Nullable String selfReport, @Nullable LocalDate selfOn,
			@Nullable ReviewLevel finalLevel, @Nullable String decisionNo, boolean bySuperior,
			@Nullable String exceptionReason) {

		static final Saved NONE = new Saved(null, null, null, null, null, false, null);

	}

	public record Year(int year, RuleSets.RuleSet ruleSet, List<Row> rows, Quota quota, boolean writesAny,
			boolean decides) {
	}

	/**
	 * The organisations the user reads: the office and the committee every branch and the
	 * committee; a secretary its branch.
	 */
	@Transactional(readOnly = true)
	public Year year(CurrentUser user, int year) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("organisation reviews");
		}
		var rules = ruleSets.forYear(user.committeeId(), year);
		var orgs = new ArrayList<OrgNode>();
		var committee = committee(user);
		if (committee != null && organizations.isVisible(user, committee.id())) {
			orgs.add(committee);
		}
		orgs.addAll(organizations.branches(user));
		var saved = new HashMap<Long, Saved>();
		jdbc.sql("select * from organization_review where committee_id = :committee and year = :year")
			.param("committee", user.committeeId())
			.param("year", year)
			.query((rs, n) -> saved.put(rs.getLong("organization_id"),
					new Saved(ReviewLevel.parse(rs.getString("self_level")), rs.getString("self_report"),
							rs.getObject("self_on", LocalDate.class), ReviewLevel.parse(rs.getString("final_level")),
							rs.getString("decision_no"), rs.getBoolean("by_superior"),
							rs.getString("exception_reason"))))
			.list();
		var topYears = topYears(user.committeeId(), year);
		var rows = new ArrayList<Row>();
		for (var org : orgs) {
			var isCommittee = org.level() == OrgLevel.GRASSROOTS;
			var s = saved.getOrDefault(org.id(), Saved.NONE);
			var levels = new LinkedHashMap<ReviewLevel, Integer>();
			var rated = 0;
			long held = 0;
			var disciplined = 0;
			if (!isCommittee) {
				var review = members.branch(user, org.id(), year);
				rated = review.reviews().size();
				disciplined = (int) review.reviews().stream().filter(MemberReviews.Review::disciplined).count();
				for (var r : review.reviews()) {
					if (r.finalLevel() != null) {
						levels.merge(r.finalLevel(), 1, Integer::sum);
					}
				}
				held = meetings.calendar(user, year, org.id())
					.stream()
					.filter((m) -> m.status() == MeetingStatus.HELD)
					.count();
			}
			rows.add(new Row(org.id(), org.name(), isCommittee, s.selfLevel(), s.selfReport(), s.selfOn(),
					s.finalLevel(), s.decisionNo(), s.bySuperior(), s.exceptionReason(), held, rated, levels,
					ReviewYears.running(topYears.getOrDefault(org.id(), List.of()), year), disciplined));
		}
		var branchLevels = rows.stream()
			.filter((r) -> !r.committee() && r.finalLevel() != null)
			.map(Row::finalLevel)
			.toList();
		return new Year(year, rules, rows, Quota.of(branchLevels, rules.quotaPercent()),
				user.role() == Role.SECRETARY || user.role().managesStructure(), user.role().managesStructure());
	}

	/**
	 * The years up to this one each organisation was rated at the top (docs/domain.md
	 * §11).
	 */
	private Map<Long, List<Integer>> topYears(long committeeId, int year) {
		var years = new HashMap<Long, List<Integer>>();
		jdbc.sql("""
				select organization_id, year from organization_review where committee_id = :committee
				and final_level = 'EXCELLENT' and year <= :year
				""")
			.param("committee", committeeId)
			.param("year", year)
			.query((rs, n) -> years.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getInt(2)))
			.list();
		return years;
	}

	/**
	 * The collective self-review: the branch's secretary for the branch, the office for
	 * any.
	 */
	public void selfReview(CurrentUser user, long organizationId, int year, @Nullable ReviewLevel level,
			@Nullable String report) {
		var org = writable(user, organizationId);
		ReviewYears.requireOpen(year, clock);
		if (level == null) {
			throw new BusinessRuleException("level", "classification.level.required");
		}
		var text = VietnameseText.paragraphs(report);
		if (text == null) {
			throw new BusinessRuleException("report", "classification.org.report.required");
		}
		var rules = ruleSets.forYear(user.committeeId(), year);
		jdbc.sql("""
				insert into organization_review (committee_id, year, organization_id, rule_set_id, self_level,
				self_report, self_on, self_by) values (:committee, :year, :org, :rules, :level, :report, :on, :by)
				on conflict (committee_id, year, organization_id) do update set self_level = excluded.self_level,
				self_report = excluded.self_report, self_on = excluded.self_on, self_by = excluded.self_by
				where organization_review.final_level is null
				""")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("org", org.id())
			.param("rules", rules.id())
			.param("level", level.name())
			.param("report", text)
			.param("on", LocalDate.now(clock))
			.param("by", user.username())
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, org.id(), "self", null,
				Map.of("year", year, "selfLevel", level.name()));
	}

	/** A branch its secretary writes for, or any organisation for the office. */
	private OrgNode writable(CurrentUser user, long organizationId) {
		if (!(user.role() == Role.SECRETARY || user.role().managesStructure())) {
			throw new AccessDeniedException("organisation review");
		}
		var org = organizations.visible(user, organizationId);
		if (!org.level().holdsMembers() && org.level() != OrgLevel.GRASSROOTS) {
			throw new NotFoundException();
		}
		if (org.level() == OrgLevel.GRASSROOTS && !user.role().managesStructure()) {
			throw new AccessDeniedException("committee review");
		}
		return org;
	}

	/** The committee's own organisation, where the tenant is a grassroots committee. */
	@Nullable OrgNode committee(CurrentUser user) {
		var committee = organizations.grassroots(user.committeeId());
		return (committee.level() == OrgLevel.GRASSROOTS) ? committee : null;
	}

}
