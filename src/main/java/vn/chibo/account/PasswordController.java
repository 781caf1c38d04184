package vn.chibo.account;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;

/** One's own password: changed, or set again through the link sent by e-mail. */
@Controller
class PasswordController {

	private final Passwords passwords;

	PasswordController(Passwords passwords) {
		this.passwords = passwords;
	}

	@GetMapping("/account/password")
	String changeForm(Model model) {
		model.addAttribute("action", "/account/password");
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(required = false) @Nullable String newPassword,
			@RequestParam(required = false) @Nullable String repeatPassword, Model model, RedirectAttributes redirect) {
		try {
			passwords.change(user, currentPassword, newPassword, repeatPassword);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", new Flash.Message(ex.messageKey(), ex.arguments()));
			return changeForm(model);
		}
		// The account's other sessions end with the change; this one goes on.
		Flash.success(redirect, "password.changed.here");
		return "redirect:/account/password";
	}

	@GetMapping("/login/forgot")
	String forgotForm() {
		return "account/forgot";
	}

	@PostMapping("/login/forgot")
	String forgot(@RequestParam(required = false) @Nullable String username) {
		passwords.requestLink(username);
		return "redirect:/login/forgot?sent";
	}

	@GetMapping("/login/reset")
	String resetForm(@RequestParam(required = false) @Nullable String token, Model model) {
		if (!passwords.valid(token)) {
			model.addAttribute("invalid", true);
			return "account/forgot";
		}
		model.addAttribute("token", token);
		model.addAttribute("action", "/login/reset");
		return "account/password";
	}

	@PostMapping("/login/reset")
	String reset(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String newPassword,
			@RequestParam(required = false) @Nullable String repeatPassword, Model model) {
		try {
			passwords.reset(token, newPassword, repeatPassword);
		}
		catch (BusinessRuleException ex) {
			if (ex.field().equals("token")) {
				model.addAttribute("invalid", true);
				return "account/forgot";
			}
			model.addAttribute("error", new Flash.Message(ex.messageKey(), ex.arguments()));
			model.addAttribute("token", token);
			model.addAttribute("action", "/login/reset");
			return "account/password";
		}
		return "redirect:/login?changed";
	}

}
