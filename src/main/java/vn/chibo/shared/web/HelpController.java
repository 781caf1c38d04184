package vn.chibo.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * A short guide per role ("?" in the menu): the user's own first and open, the others
 * folded below.
 */
@Controller
class HelpController {

	/** The guides, by the role they are written for. */
	enum Guide {

		MEMBER(6), SECRETARY(6), OFFICE(6);

		private final int steps;

		Guide(int steps) {
			this.steps = steps;
		}

		public int steps() {
			return steps;
		}

		static Guide of(Role role) {
			return switch (role) {
				case MEMBER, OBSERVER -> MEMBER;
				case SECRETARY -> SECRETARY;
				case ADMIN, OFFICE, COMMITTEE_MEMBER -> OFFICE;
			};
		}

	}

	@GetMapping("/help")
	String help(@AuthenticationPrincipal CurrentUser user, Model model) {
		var own = Guide.of(user.role());
		var guides = new ArrayList<Guide>(List.of(own));
		for (var guide : Guide.values()) {
			if (guide != own) {
				guides.add(guide);
			}
		}
		model.addAttribute("guides", guides);
		model.addAttribute("own", own);
		return "help";
	}

}
