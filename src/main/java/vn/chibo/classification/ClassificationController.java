package vn.chibo.classification;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Years;

/**
 * The annual review pages: the year's branches with their results, one's own self-review
 * with what chibo knows of the year, a branch's members with the proposals and the
 * committee's decisions under the quota shown as they are chosen, and the results on a
 * member's page.
 */
@Controller
@RequestMapping("/classification")
class ClassificationController {

	private final MemberReviews reviews;

	private final OrganizationReviews organizationReviews;

	private final SuperiorOverview superior;

	private final RuleSets ruleSets;

	private final OrganizationQueries organizations;

	private final YearFacts yearFacts;

	private final ReviewDecisions decisions;

	private final OrganizationDecisions organizationDecisions;

	private final CollectiveFacts collectiveFacts;

	private final ReviewProposals proposals;

	private final Clock clock;

	ClassificationController(MemberReviews reviews, OrganizationReviews organizationReviews, SuperiorOverview superior,
			RuleSets ruleSets, OrganizationQueries organizations, YearFacts yearFacts, ReviewDecisions decisions,
			OrganizationDecisions organizationDecisions, CollectiveFacts collectiveFacts, ReviewProposals proposals,
			Clock clock) {
		this.proposals = proposals;
		this.collectiveFacts = collectiveFacts;
		this.organizationDecisions = organizationDecisions;
		this.decisions = decisions;
		this.reviews = reviews;
		this.organizationReviews = organizationReviews;
		this.superior = superior;
		this.ruleSets = ruleSets;
		this.organizations = organizations;
		this.yearFacts = yearFacts;
		this.clock = clock;
	}

	private int year(@Nullable Integer year) {
		return Years.shown(year, clock, 2000);
	}

	/** The year's branches: how far each has gone, the quota of each. */
	@GetMapping
	String overview(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		if (!user.role().readsMemberRecords()) {
			return "redirect:/classification/me" + ((year != null) ? "?year=" + year : "");
		}
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(List.of(), shown));
		model.addAttribute("ruleSet", ruleSets.forYear(user.committeeId(), shown));
		model.addAttribute("branches",
				organizations.branches(user).stream().map((b) -> reviews.branch(user, b.id(), shown)).toList());
		return "classification/overview";
	}

	@GetMapping("/me")
	String own(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(List.of(), shown));
		model.addAttribute("ruleSet", ruleSets.forYear(user.committeeId(), shown));
		model.addAttribute("levels", ReviewLevel.values());
		// What chibo knows of the year (docs/domain.md §7 step 1), and the draft written
		// from
		// it.
		var review = reviews.own(user, shown);
		var facts = yearFacts.own(user, shown, review.disciplined());
		var draft = yearFacts.draft(facts);
		model.addAttribute("facts", draft.lines().toList());
		model.addAttribute("draft", draft);
		model.addAttribute("review", review);
		return "classification/self";
	}

	@PostMapping("/me")
	String saveOwn(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String text, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		var scores = new HashMap<String, String>();
		params.forEach((k, v) -> {
			if (k.startsWith("score-")) {
				scores.put(k.substring(6), v);
			}
		});
		Flash.run(redirect, "classification.flash.self",
				() -> reviews.selfReview(user, year, level(level, "level"), scores, text));
		return "redirect:/classification/me?year=" + year;
	}

	@GetMapping("/branches/{branchId}")
	String branch(@AuthenticationPrincipal CurrentUser user, @PathVariable long branchId,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("review", reviews.branch(user, branchId, shown));
		model.addAttribute("levels", ReviewLevel.values());
		model.addAttribute("amendments", decisions.amendments(user, branchId, shown));
		var reviewMeetings = proposals.reviewMeetings(user, branchId, shown);
		model.addAttribute("reviewMeetings", reviewMeetings);
		model.addAttribute("reviewMeetingDates",
				reviewMeetings.stream().collect(Collectors.toMap((m) -> m.id(), (m) -> m.scheduledOn())));
		return "classification/branch";
	}

	@PostMapping("/branches/{branchId}/proposals")
	String propose(@AuthenticationPrincipal CurrentUser user, @PathVariable long branchId, @RequestParam int year,
			@RequestParam long memberId, @RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String opinion,
			@RequestParam(required = false) @Nullable Long meetingId,
			@RequestParam(required = false) @Nullable Integer votesFor,
			@RequestParam(required = false) @Nullable Integer votesAgainst, RedirectAttributes redirect) {
		Flash.run(redirect, "classification.flash.proposed", () -> proposals.propose(user, branchId, year, memberId,
				level(level, "level"), opinion, vote(meetingId, votesFor, votesAgainst)));
		return "redirect:/classification/branches/" + branchId + "?year=" + year + "#member-" + memberId;
	}

	/**
	 * The committee's decisions for the branch: {@code level-<memberId>} for each row.
	 */
	@PostMapping("/branches/{branchId}/decisions")
	String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long branchId, @RequestParam int year,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		var levels = new HashMap<Long, ReviewLevel>();
		var disqualified = new HashMap<Long, String>();
		try {
			params.forEach((k, v) -> {
				if (k.startsWith("level-") && !v.isBlank()) {
					levels.put(id(k.substring(6)), level(v, k));
				}
				if (k.startsWith("disqualified-") && !v.isBlank()) {
					disqualified.put(id(k.substring(13)), v);
				}
			});
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
			return "redirect:/classification/branches/" + branchId + "?year=" + year;
		}
		Flash.run(redirect, "classification.flash.decided", () -> decisions.decide(user, branchId, year, levels,
				disqualified, params.get("exceptionReason"), params.get("amendmentReason")));
		return "redirect:/classification/branches/" + branchId + "?year=" + year;
	}

	/**
	 * The year's organisations: each branch's self-review, the decisions, the committee's
	 * own.
	 */
	@GetMapping("/organizations")
	String organizations(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(List.of(), shown));
		var view = organizationReviews.year(user, shown);
		model.addAttribute("view", view);
		model.addAttribute("drafts", collectiveFacts.drafts(user, shown, view.rows()));
		model.addAttribute("levels", ReviewLevel.values());
		model.addAttribute("amendments", organizationDecisions.amendments(user, shown));
		return "classification/organizations";
	}

	@PostMapping("/organizations/{organizationId}/self")
	String organizationSelf(@AuthenticationPrincipal CurrentUser user, @PathVariable long organizationId,
			@RequestParam int year, @RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String report, RedirectAttributes redirect) {
		Flash.run(redirect, "classification.flash.orgSelf",
				() -> organizationReviews.selfReview(user, organizationId, year, level(level, "level"), report));
		return "redirect:/classification/organizations?year=" + year + "#org-" + organizationId;
	}

	/**
	 * The committee's decisions for its branches: {@code level-<organizationId>} for
	 * each.
	 */
	@PostMapping("/organizations/decisions")
	String organizationDecisions(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		var levels = new HashMap<Long, ReviewLevel>();
		try {
			params.forEach((k, v) -> {
				if (k.startsWith("level-") && !v.isBlank()) {
					levels.put(id(k.substring(6)), level(v, k));
				}
			});
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
			return "redirect:/classification/organizations?year=" + year;
		}
		Flash.run(redirect, "classification.flash.decided", () -> organizationDecisions.decide(user, year, levels,
				params.get("exceptionReason"), params.get("amendmentReason")));
		return "redirect:/classification/organizations?year=" + year;
	}

	@PostMapping("/organizations/superior")
	String superior(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String decisionNo,
			@RequestParam(required = false) @Nullable String amendmentReason, RedirectAttributes redirect) {
		Flash.run(redirect, "classification.flash.decided", () -> organizationDecisions.recordSuperior(user, year,
				level(level, "level"), decisionNo, amendmentReason));
		return "redirect:/classification/organizations?year=" + year;
	}

	/** The superior's observer: its committees' results of the year, read only. */
	@GetMapping("/superior")
	String superiorOverview(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(List.of(), shown));
		model.addAttribute("committees", superior.year(user, shown));
		model.addAttribute("levels", ReviewLevel.values());
		return "classification/superior";
	}

	/** A member's results by year: the part of the member's page, loaded by htmx. */
	@GetMapping("/members/{memberId}")
	String ofMember(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId, Model model) {
		model.addAttribute("results", reviews.ofMember(user, memberId));
		return "classification/member :: results";
	}

	static @Nullable ReviewLevel level(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ReviewLevel.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BusinessRuleException(field, "classification.level.required");
		}
	}

	private static long id(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("memberId", "classification.member.notRated");
		}
	}

	/**
	 * The vote at the review meeting, when one is chosen: those for and against are then
	 * both given (docs/domain.md §7 step 2).
	 */
	static ReviewProposals.@Nullable Vote vote(@Nullable Long meetingId, @Nullable Integer votesFor,
			@Nullable Integer votesAgainst) {
		if (meetingId == null) {
			return null;
		}
		if (votesFor == null || votesAgainst == null) {
			throw new BusinessRuleException("votesFor", "classification.vote.required");
		}
		return new ReviewProposals.Vote(meetingId, votesFor, votesAgainst);
	}

}
