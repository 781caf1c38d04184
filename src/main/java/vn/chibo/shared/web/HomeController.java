package vn.chibo.shared.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chibo.shared.security.CurrentUser;

/**
 * The start page: an ordinary member lands on their own record, everyone else on the tree
 * they keep.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		if (user.memberId() != null && !user.role().readsMemberRecords()) {
			return "redirect:/members/" + user.memberId();
		}
		return "redirect:/orgs/" + user.scopeOrganizationId();
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
