package vn.chibo.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Step 3 of the members' review (docs/domain.md §7): the committee's decisions for a
 * branch under the quota, and the amendments of a decision already made — never silently
 * overwritten: the level it had, the level it has, why, who and when.
 */
@Service
@Transactional
public class ReviewDecisions {

	private final MemberReviews reviews;

	private final RuleSets ruleSets;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ReviewDecisions(MemberReviews reviews, RuleSets ruleSets, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.reviews = reviews;
		this.ruleSets = ruleSets;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** An amendment of a decided level. */
	public record Amendment(long memberId, ReviewLevel from, ReviewLevel to, String reason, String by,
			OffsetDateTime at) {
	}

	/** The amendments of a branch's decisions of a year, by member, oldest first. */
	@Transactional(readOnly = true)
	public List<Amendment> amendments(CurrentUser user, long branchId, int year) {
		reviews.readable(user, branchId);
		return jdbc.sql("""
				select a.member_id, a.from_level, a.to_level, a.reason, a.amended_by, a.amended_at
				from member_review_amendment a join member_review r on r.committee_id = a.committee_id
				and r.year = a.year and r.member_id = a.member_id
				where a.committee_id = :c and a.year = :year and r.branch_id = :branch order by a.amended_at, a.id
				""")
			.param("c", user.committeeId())
			.param("year", year)
			.param("branch", branchId)
			.query((rs, n) -> new Amendment(rs.getLong(1), ReviewLevel.valueOf(rs.getString(2)),
					ReviewLevel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/**
	 * Step 3: the committee decides the branch's members, all or nothing: never the top
	 * level for a member disciplined in the year, a disqualified member at the lowest,
	 * and the top level within the quota unless the exception's reason is given. A level
	 * already decided changes only with the reason of the amendment, kept beside it.
	 */
	public void decide(CurrentUser user, long branchId, int year, Map<Long, ReviewLevel> levels,
			Map<Long, String> disqualified, @Nullable String exceptionReason, @Nullable String amendmentReason) {
		var branch = reviews.readable(user, branchId);
		if (!MemberReviews.decides(user)) {
			throw new AccessDeniedException("decide");
		}
		ReviewYears.requireOpen(year, clock);
		var rules = ruleSets.forYear(user.committeeId(), year);
		var rated = reviews.reviews(user.committeeId(), branch.id(), year);
		var outcome = new HashMap<Long, ReviewLevel>();
		for (var review : rated) {
			var level = levels.getOrDefault(review.memberId(), review.finalLevel());
			var reason = VietnameseText.cleanOrNull(disqualified.get(review.memberId()));
			if (reason != null) {
				level = ReviewLevel.FAIL;
			}
			if (level == null) {
				continue;
			}
			if (level == ReviewLevel.EXCELLENT && review.disciplined()) {
				throw new BusinessRuleException("level-" + review.memberId(), "classification.disciplined",
						review.fullName());
			}
			outcome.put(review.memberId(), level);
		}
		for (var id : levels.keySet()) {
			if (rated.stream().noneMatch((r) -> r.memberId() == id)) {
				throw new BusinessRuleException("memberId", "classification.member.notRated");
			}
		}
		var quota = Quota.of(outcome.values(), rules.quotaPercent());
		var exception = VietnameseText.paragraphs(exceptionReason);
		if (!quota.kept() && exception == null) {
			throw new BusinessRuleException("exceptionReason", "classification.quota", quota.excellent(),
					quota.allowed(), quota.good(), quota.percent());
		}
		// A level already decided is changed only as an amendment with its reason.
		var amendment = VietnameseText.paragraphs(amendmentReason);
		for (var review : rated) {
			var level = outcome.get(review.memberId());
			if (review.finalLevel() != null && level != null && level != review.finalLevel() && amendment == null) {
				throw new BusinessRuleException("amendmentReason", "classification.amend.reason", review.fullName(),
						label(review.finalLevel()), label(level));
			}
		}
		if (amendment != null && amendment.length() > 4000) {
			throw new BusinessRuleException("amendmentReason", "classification.amend.size");
		}
		var today = LocalDate.now(clock);
		for (var review : rated) {
			var level = outcome.get(review.memberId());
			if (level == null || (level == review.finalLevel() && !disqualified.containsKey(review.memberId()))) {
				continue;
			}
			if (review.finalLevel() != null && level != review.finalLevel() && amendment != null) {
				jdbc.sql(
						"""
								insert into member_review_amendment (committee_id, year, member_id, from_level, to_level, reason,
								amended_by, amended_at) values (:c, :year, :member, :from, :to, :reason, :by, :at)
								""")
					.param("c", user.committeeId())
					.param("year", year)
					.param("member", review.memberId())
					.param("from", review.finalLevel().name())
					.param("to", level.name())
					.param("reason", amendment)
					.param("by", user.username())
					.param("at", OffsetDateTime.now(clock))
					.update();
			}
			reviews.upsert(user.committeeId(), year, review.memberId(), branch.id(), rules.id());
			jdbc.sql("""
					update member_review set final_level = :level, decided_on = :on, decided_by = :by,
					disqualified = :disqualified, exception_reason = :exception, rule_set_id = :rules
					where committee_id = :committee and year = :year and member_id = :member
					""")
				.param("level", level.name())
				.param("on", today)
				.param("by", user.username())
				.param("disqualified", VietnameseText.cleanOrNull(disqualified.get(review.memberId())))
				.param("exception", (!quota.kept() && level == ReviewLevel.EXCELLENT) ? exception : null)
				.param("rules", rules.id())
				.param("committee", user.committeeId())
				.param("year", year)
				.param("member", review.memberId())
				.update();
			var after = new LinkedHashMap<String, Object>();
			after.put("year", year);
			after.put("finalLevel", level.name());
			after.put("ruleSet", rules.code());
			if (!quota.kept() && level == ReviewLevel.EXCELLENT) {
				after.put("exceptionReason", exception);
			}
			if (review.finalLevel() != null && amendment != null) {
				after.put("amendmentReason", amendment);
			}
			audit.record(user.committeeId(), user.username(), MemberReviews.AUDIT_TYPE, review.memberId(),
					(review.finalLevel() != null) ? "amend" : "decide",
					(review.finalLevel() != null) ? Map.of("finalLevel", review.finalLevel().name()) : null, after);
		}
	}

	/** A level's label, resolved where the message is shown. */
	private static DefaultMessageSourceResolvable label(ReviewLevel level) {
		return new DefaultMessageSourceResolvable("classification.level." + level.name());
	}

}
