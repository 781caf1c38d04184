package vn.chibo.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; where each role starts after it is the home module's. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
