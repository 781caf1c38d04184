package vn.chibo.home;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chibo.shared.replica.ReplicaReads;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * The start page: a member's next meeting and own work, a secretary's branch to keep, the
 * office's committee this week. An observer of the superior committee starts on the
 * overview of the committees it follows.
 */
@Controller
class HomeController {

	private final HomePage page;

	private final Clock clock;

	HomeController(HomePage page, Clock clock) {
		this.page = page;
		this.clock = clock;
	}

	@ReplicaReads
	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user.role() == Role.OBSERVER) {
			return "redirect:/evaluation/superior";
		}
		model.addAttribute("home", page.of(user));
		model.addAttribute("secretary", user.role() == Role.SECRETARY);
		model.addAttribute("office", user.role().readsMemberRecords() && user.role() != Role.SECRETARY);
		model.addAttribute("planner", user.role().plansMeetings());
		model.addAttribute("branchId", user.scopeOrganizationId());
		var today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("year", today.getYear());
		return "home/index";
	}

}
