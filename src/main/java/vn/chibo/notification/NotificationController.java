package vn.chibo.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import vn.chibo.shared.security.CurrentUser;

/**
 * The signed-in member's notifications, newest first, and the unread count in the menu.
 */
@Controller
class NotificationController {

	private final JdbcClient jdbc;

	private final Inbox inbox;

	NotificationController(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("items", inbox.latest(user, 100));
		return "notification/list";
	}

	@GetMapping("/notifications/count")
	String count(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("unread", inbox.unread(user));
		return "notification/list :: count";
	}

	@PostMapping("/notifications/read")
	String read(@AuthenticationPrincipal CurrentUser user) {
		if (user.memberId() != null) {
			jdbc.sql("""
					update notification set read_at = now() where committee_id = :committee and member_id = :member
					and read_at is null
					""").param("committee", user.committeeId()).param("member", user.memberId()).update();
		}
		return "redirect:/notifications";
	}

}
