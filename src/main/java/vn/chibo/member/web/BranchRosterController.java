package vn.chibo.member.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;

/**
 * The member part of an organisation's page: counts by status, its executive and
 * follower, and (for a branch) its roster. Loaded into the organisation page, which knows
 * nothing of members.
 */
@Controller
class BranchRosterController {

	private final MemberQueries queries;

	private final OrganizationQueries organizations;

	BranchRosterController(MemberQueries queries, OrganizationQueries organizations) {
		this.queries = queries;
		this.organizations = organizations;
	}

	@GetMapping("/orgs/{id}/roster")
	String roster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var org = organizations.visible(user, id);
		model.addAttribute("org", org);
		model.addAttribute("counts",
				queries.branchCounts(user.committeeId(), organizations.subtreeIds(user.committeeId(), id)));
		model.addAttribute("executive", queries.currentPosts(user.committeeId(), id));
		if (org.level().holdsMembers()) {
			model.addAttribute("members", queries.search(user, MemberFilter.search(null, id), 0, 200));
		}
		return "member/roster :: roster";
	}

}
