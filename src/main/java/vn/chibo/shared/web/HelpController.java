package vn.chibo.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The guides, by the role they are written for: their steps, and the steps shown with
	 * a picture of the screen — taken by the browser tests that walk each role's month
	 * ({@code static/help/<guide>-<step>.jpg}).
	 */
	enum Guide {

		MEMBER(6, 1, 2, 3, 4, 5), SECRETARY(6, 1, 2, 3, 4, 5, 6), OFFICE(6, 1, 2, 3, 4, 5, 6);

		private final int steps;

		private final Set<Integer> pictured;

		Guide(int steps, Integer... pictured) {
			this.steps = steps;
			this.pictured = Set.of(pictured);
		}

		public int steps() {
			return steps;
		}

		/** The address of the step's picture, or null when it has none. */
		public @Nullable String picture(int step) {
			return pictured.contains(step) ? "/assets/help/" + name().toLowerCase(Locale.ROOT) + "-" + step + ".jpg"
					: null;
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
