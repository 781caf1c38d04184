package vn.chibo.classification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.inspection.discipline.DisciplineCases;
import vn.chibo.member.MemberDetails;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberRow;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The members' annual review (docs/domain.md §7) in its three steps: each member's
 * self-review, the branch's proposal, the committee's decision — the top level within the
 * quota of the rule set unless an exception is recorded with its reason, never for a
 * member disciplined in the year; exempted members are not rated. The review records the
 * rule set it used; every change is audited.
 */
@Service
@Transactional
public class MemberReviews {

	static final String AUDIT_TYPE = "review";

	private static final TypeReference<Map<String, BigDecimal>> SCORES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final RuleSets ruleSets;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final DisciplineCases discipline;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	MemberReviews(JdbcClient jdbc, RuleSets ruleSets, MemberQueries members, OrganizationQueries organizations,
			DisciplineCases discipline, AuditTrail audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.members = members;
		this.organizations = organizations;
		this.discipline = discipline;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** One member's review of a year, as far as it has gone. */
	public record Review(int year, long memberId, String fullName, @Nullable Integer born, long branchId,
			@Nullable ReviewLevel selfLevel, @Nullable BigDecimal selfScore, Map<String, BigDecimal> selfScores,
			@Nullable String selfText, @Nullable LocalDate selfOn, @Nullable ReviewLevel proposedLevel,
			@Nullable String opinion, @Nullable LocalDate proposedOn, @Nullable ReviewLevel finalLevel,
			@Nullable LocalDate decidedOn, @Nullable String disqualified, @Nullable String exceptionReason,
			@Nullable String ruleSetCode, boolean disciplined, @Nullable Long meetingId, @Nullable Integer votesFor,
			@Nullable Integer votesAgainst) {

		public boolean decided() {
			return finalLevel != null;
		}

	}

	/** A branch's reviews of a year with the quota as decided and as proposed. */
	public record BranchReview(int year, OrgNode branch, RuleSets.RuleSet ruleSet, List<Review> reviews, Quota decided,
			Quota proposed, boolean proposes, boolean decides) {
	}

	/** A year's result on a member's record. */
	public record Result(int year, ReviewLevel level, String ruleSetCode, boolean secondFailInARow) {
	}

	/** Those who keep records of a branch: its secretary, the office, the committee. */
	OrgNode readable(CurrentUser user, long branchId) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("reviews");
		}
		var branch = organizations.visible(user, branchId);
		if (!branch.level().holdsMembers()) {
			throw new NotFoundException();
		}
		return branch;
	}

	static boolean proposes(CurrentUser user) {
		return user.role() == Role.SECRETARY || user.role().managesStructure();
	}

	static boolean decides(CurrentUser user) {
		return user.role().managesStructure();
	}

	@Transactional(readOnly = true)
	public BranchReview branch(CurrentUser user, long branchId, int year) {
		var branch = readable(user, branchId);
		var rules = ruleSets.forYear(user.committeeId(), year);
		var reviews = reviews(user.committeeId(), branch.id(), year);
		return new BranchReview(year, branch, rules, reviews,
				Quota.of(reviews.stream().map(Review::finalLevel).filter((l) -> l != null).toList(),
						rules.quotaPercent()),
				Quota.of(reviews.stream().map(Review::proposedLevel).filter((l) -> l != null).toList(),
						rules.quotaPercent()),
				proposes(user), decides(user));
	}

	/**
	 * The rated members of a branch in a year (exempted members are not rated) and their
	 * reviews.
	 */
	List<Review> reviews(long committeeId, long branchId, int year) {
		var end = LocalDate.of(year, 12, 31);
		var today = LocalDate.now(clock);
		var roster = members.rosterOn(committeeId, branchId, end.isAfter(today) ? today : end);
		var rows = new HashMap<Long, Review>();
		var disciplined = discipline.disciplinedIn(committeeId, year);
		jdbc.sql("""
				select r.*, s.code as rule_set_code from member_review r join review_rule_set s on s.id = r.rule_set_id
				where r.committee_id = :committee and r.branch_id = :branch and r.year = :year
				""")
			.param("committee", committeeId)
			.param("branch", branchId)
			.param("year", year)
			.query((rs, n) -> rows.put(rs.getLong("member_id"), row(rs, "", null, disciplined)))
			.list();
		var reviews = new ArrayList<Review>();
		for (var member : roster) {
			if (member.exempted()) {
				continue;
			}
			reviews.add(withName(rows.get(member.id()), member, year, disciplined));
		}
		return reviews;
	}

	private static Review withName(@Nullable Review row, MemberRow member, int year, Set<Long> disciplined) {
		var born = (member.dateOfBirth() != null) ? member.dateOfBirth().getYear() : null;
		if (row == null) {
			return new Review(year, member.id(), member.fullName(), born, member.branchId(), null, null, Map.of(), null,
					null, null, null, null, null, null, null, null, null, disciplined.contains(member.id()), null, null,
					null);
		}
		return new Review(year, member.id(), member.fullName(), born, member.branchId(), row.selfLevel(),
				row.selfScore(), row.selfScores(), row.selfText(), row.selfOn(), row.proposedLevel(), row.opinion(),
				row.proposedOn(), row.finalLevel(), row.decidedOn(), row.disqualified(), row.exceptionReason(),
				row.ruleSetCode(), row.disciplined(), row.meetingId(), row.votesFor(), row.votesAgainst());
	}

	/**
	 * One's own review of a year: what it holds so far, and the rule set to fill it by.
	 */
	@Transactional(readOnly = true)
	public Review own(CurrentUser user, int year) {
		var member = ownMember(user);
		return reviews(user.committeeId(), member.branchId(), year).stream()
			.filter((r) -> r.memberId() == member.id())
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("year", "classification.self.notRated"));
	}

	private MemberDetails ownMember(CurrentUser user) {
		if (user.memberId() == null) {
			throw new AccessDeniedException("own review");
		}
		return members.find(user.committeeId(), user.memberId()).orElseThrow(NotFoundException::new);
	}

	/**
	 * Step 1: the member's self-review — the level (criteria-only rule sets) or the
	 * points of each section (100-point scale, the level following from the total) and
	 * the text.
	 */
	public void selfReview(CurrentUser user, int year, @Nullable ReviewLevel level, Map<String, String> scores,
			@Nullable String text) {
		var current = own(user, year);
		ReviewYears.requireOpen(year, clock);
		if (current.decided()) {
			throw new BusinessRuleException("level", "classification.decided");
		}
		var rules = ruleSets.forYear(user.committeeId(), year);
		var points = new LinkedHashMap<String, BigDecimal>();
		BigDecimal total = null;
		if (rules.points()) {
			total = BigDecimal.ZERO;
			for (var section : rules.sections()) {
				var typed = scores.get(section.code());
				var value = number(typed, section);
				points.put(section.code(), value);
				total = total.add(value);
			}
			level = rules.level(total);
		}
		else if (level == null) {
			throw new BusinessRuleException("level", "classification.level.required");
		}
		var body = VietnameseText.paragraphs(text);
		upsert(user.committeeId(), year, current.memberId(), current.branchId(), rules.id());
		jdbc.sql(
				"""
						update member_review set self_level = :level, self_score = :total, self_scores = cast(:scores as jsonb),
						self_text = :text, self_on = :on where committee_id = :committee and year = :year and member_id = :member
						""")
			.param("level", level.name())
			.param("total", total)
			.param("scores", points.isEmpty() ? null : json.writeValueAsString(points))
			.param("text", body)
			.param("on", LocalDate.now(clock))
			.param("committee", user.committeeId())
			.param("year", year)
			.param("member", current.memberId())
			.update();
		var after = new LinkedHashMap<String, Object>();
		after.put("year", year);
		after.put("selfLevel", level.name());
		if (total != null) {
			after.put("selfScore", total.toPlainString());
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, current.memberId(), "self", null, after);
	}

	/**
	 * A member's decided results by year, newest first, with two lowest years running
	 * marked.
	 */
	@Transactional(readOnly = true)
	public List<Result> ofMember(CurrentUser user, long memberId) {
		var member = members.find(user.committeeId(), memberId).orElseThrow(NotFoundException::new);
		if (!user.isMember(memberId)
				&& !(user.role().readsMemberRecords() && organizations.isVisible(user, member.branchId()))) {
			throw new NotFoundException();
		}
		var years = new LinkedHashMap<Integer, Result>();
		jdbc.sql("""
				select r.year, r.final_level, s.code from member_review r join review_rule_set s on s.id = r.rule_set_id
				where r.committee_id = :committee and r.member_id = :member and r.final_level is not null
				order by r.year
				""").param("committee", user.committeeId()).param("member", memberId).query((rs, n) -> {
			var year = rs.getInt(1);
			var level = ReviewLevel.valueOf(rs.getString(2));
			var before = years.get(year - 1);
			years.put(year, new Result(year, level, rs.getString(3),
					level == ReviewLevel.FAIL && before != null && before.level() == ReviewLevel.FAIL));
			return year;
		}).list();
		return new ArrayList<>(years.values()).reversed();
	}

	void upsert(long committeeId, int year, long memberId, long branchId, long ruleSetId) {
		jdbc.sql(
				"""
						insert into member_review (committee_id, year, member_id, branch_id, rule_set_id)
						values (:committee, :year, :member, :branch, :rules) on conflict (committee_id, year, member_id) do nothing
						""")
			.param("committee", committeeId)
			.param("year", year)
			.param("member", memberId)
			.param("branch", branchId)
			.param("rules", ruleSetId)
			.update();
	}

	private static BigDecimal number(@Nullable String typed, RuleSets.Section section) {
		var max = (section.max() != null) ? section.max() : 100;
		if (typed == null || typed.isBlank()) {
			throw new BusinessRuleException("score-" + section.code(), "classification.score.required", section.name());
		}
		try {
			var value = new BigDecimal(typed.strip().replace(',', '.'));
			if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0 || value.scale() > 2) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new BusinessRuleException("score-" + section.code(), "classification.score.range", section.name(),
					max);
		}
	}

	private Review row(ResultSet rs, String name, @Nullable Integer born, Set<Long> disciplined) throws SQLException {
		var scores = rs.getString("self_scores");
		var memberId = rs.getLong("member_id");
		return new Review(rs.getInt("year"), memberId, name, born, rs.getLong("branch_id"),
				ReviewLevel.parse(rs.getString("self_level")), rs.getBigDecimal("self_score"),
				(scores != null) ? json.readValue(scores, SCORES) : Map.of(), rs.getString("self_text"),
				rs.getObject("self_on", LocalDate.class), ReviewLevel.parse(rs.getString("proposed_level")),
				rs.getString("opinion"), rs.getObject("proposed_on", LocalDate.class),
				ReviewLevel.parse(rs.getString("final_level")), rs.getObject("decided_on", LocalDate.class),
				rs.getString("disqualified"), rs.getString("exception_reason"), rs.getString("rule_set_code"),
				disciplined.contains(memberId), rs.getObject("meeting_id", Long.class),
				rs.getObject("votes_for", Integer.class), rs.getObject("votes_against", Integer.class));
	}

}
