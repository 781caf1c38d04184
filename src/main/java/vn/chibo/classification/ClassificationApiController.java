package vn.chibo.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

/** The annual classification as JSON, under the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/classification")
class ClassificationApiController {

	private final MemberReviews reviews;

	private final OrganizationReviews organizationReviews;

	private final RuleSets ruleSets;

	private final RuleSetVersions versions;

	private final ReviewDecisions decisions;

	private final OrganizationDecisions organizationDecisions;

	private final ReviewProposals proposals;

	ClassificationApiController(MemberReviews reviews, OrganizationReviews organizationReviews, RuleSets ruleSets,
			RuleSetVersions versions, ReviewDecisions decisions, OrganizationDecisions organizationDecisions,
			ReviewProposals proposals) {
		this.proposals = proposals;
		this.organizationDecisions = organizationDecisions;
		this.versions = versions;
		this.decisions = decisions;
		this.reviews = reviews;
		this.organizationReviews = organizationReviews;
		this.ruleSets = ruleSets;
	}

	/**
	 * One's self-review: the level (criteria-only rule sets) or the points by section.
	 */
	record Self(@Nullable ReviewLevel level, @Nullable Map<String, String> scores, @Nullable String text) {
	}

	record Proposal(long memberId, @Nullable ReviewLevel level, @Nullable String opinion, @Nullable Long meetingId,
			@Nullable Integer votesFor, @Nullable Integer votesAgainst) {
	}

	/**
	 * The committee's decisions: level by member id, the disqualified with their reason.
	 */
	record Decisions(@Nullable Map<Long, ReviewLevel> levels, @Nullable Map<Long, String> disqualified,
			@Nullable String exceptionReason, @Nullable String amendmentReason) {
	}

	@GetMapping("/rule-sets")
	List<RuleSets.RuleSet> ruleSets(@AuthenticationPrincipal CurrentUser user) {
		return ruleSets.all(user.committeeId());
	}

	/** The office adds a version of the committee's own (docs/domain.md §7). */
	@PostMapping("/rule-sets")
	@ResponseStatus(HttpStatus.CREATED)
	RuleSets.RuleSet addRuleSet(@AuthenticationPrincipal CurrentUser user, @RequestBody RuleSetForm body) {
		return ruleSets.find(versions.add(user, body));
	}

	/** A version of the committee's own, while no review has used it. */
	@PutMapping("/rule-sets/{id}")
	RuleSets.RuleSet editRuleSet(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody RuleSetForm body) {
		versions.edit(user, id, body);
		return ruleSets.find(id);
	}

	@GetMapping("/{year}/me")
	MemberReviews.Review own(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return reviews.own(user, checked(year));
	}

	@PutMapping("/{year}/me")
	MemberReviews.Review saveOwn(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestBody Self body) {
		reviews.selfReview(user, checked(year), body.level(), (body.scores() != null) ? body.scores() : Map.of(),
				body.text());
		return reviews.own(user, year);
	}

	@GetMapping("/{year}/branches/{branchId}")
	MemberReviews.BranchReview branch(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@PathVariable long branchId) {
		return reviews.branch(user, branchId, checked(year));
	}

	@PostMapping("/{year}/branches/{branchId}/proposals")
	MemberReviews.BranchReview propose(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@PathVariable long branchId, @RequestBody Proposal body) {
		proposals.propose(user, branchId, checked(year), body.memberId(), body.level(), body.opinion(),
				ClassificationController.vote(body.meetingId(), body.votesFor(), body.votesAgainst()));
		return reviews.branch(user, branchId, year);
	}

	@PostMapping("/{year}/branches/{branchId}/decisions")
	MemberReviews.BranchReview decide(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@PathVariable long branchId, @RequestBody Decisions body) {
		var levels = new HashMap<Long, ReviewLevel>();
		if (body.levels() != null) {
			body.levels().forEach((k, v) -> {
				if (k != null && v != null) {
					levels.put(k, v);
				}
			});
		}
		decisions.decide(user, branchId, checked(year), levels,
				(body.disqualified() != null) ? body.disqualified() : Map.of(), body.exceptionReason(),
				body.amendmentReason());
		return reviews.branch(user, branchId, year);
	}

	/** A collective self-review: the level and the report. */
	record OrganizationSelf(@Nullable ReviewLevel level, @Nullable String report) {
	}

	/** The committee's decisions for its branches, or the superior's on the committee. */
	record OrganizationLevels(@Nullable Map<Long, ReviewLevel> levels, @Nullable String exceptionReason,
			@Nullable String amendmentReason) {
	}

	record SuperiorDecision(@Nullable ReviewLevel level, @Nullable String decisionNo,
			@Nullable String amendmentReason) {
	}

	@GetMapping("/{year}/organizations")
	OrganizationReviews.Year organizations(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
		return organizationReviews.year(user, checked(year));
	}

	@PutMapping("/{year}/organizations/{organizationId}/self")
	OrganizationReviews.Year organizationSelf(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@PathVariable long organizationId, @RequestBody OrganizationSelf body) {
		organizationReviews.selfReview(user, organizationId, checked(year), body.level(), body.report());
		return organizationReviews.year(user, year);
	}

	@PostMapping("/{year}/organizations/decisions")
	OrganizationReviews.Year organizationDecisions(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestBody OrganizationLevels body) {
		var levels = new HashMap<Long, ReviewLevel>();
		if (body.levels() != null) {
			body.levels().forEach((k, v) -> {
				if (k != null && v != null) {
					levels.put(k, v);
				}
			});
		}
		organizationDecisions.decide(user, checked(year), levels, body.exceptionReason(), body.amendmentReason());
		return organizationReviews.year(user, year);
	}

	@PostMapping("/{year}/organizations/superior")
	OrganizationReviews.Year superior(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestBody SuperiorDecision body) {
		organizationDecisions.recordSuperior(user, checked(year), body.level(), body.decisionNo(),
				body.amendmentReason());
		return organizationReviews.year(user, year);
	}

	private static int checked(int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "classification.year.range");
		}
		return year;
	}

}
