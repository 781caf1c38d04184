package vn.chibo.shared.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; where each role starts after it is the home module's. While chibo is
 * still starting (loading the demo committee on a first start) the page says so, rather
 * than letting a demo login fail as a wrong password; with the demo loaded it lists the
 * demo accounts.
 */
@Controller
class LoginController {

	private final ApplicationAvailability availability;

	private final ObjectProvider<LoginHints> hints;

	LoginController(ApplicationAvailability availability, ObjectProvider<LoginHints> hints) {
		this.availability = availability;
		this.hints = hints;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("starting", starting(availability));
		var hint = hints.getIfAvailable();
		model.addAttribute("demoAccounts", hint != null && hint.demoAccounts());
		return "login";
	}

	/** Whether chibo is not yet ready for its users (start-up work still running). */
	static boolean starting(ApplicationAvailability availability) {
		return availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC;
	}

}
