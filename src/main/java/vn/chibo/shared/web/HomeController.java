package vn.chibo.shared.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * The start page: an ordinary member lands on their own record, an observer of the
 * superior committee on the overview of the committees it follows, everyone else on the
 * tree they keep.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		if (user.role() == Role.OBSERVER) {
			return "redirect:/evaluation/province";
		}
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
