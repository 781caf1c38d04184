package vn.chibo.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

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

	NotificationController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One notification as the list shows it. */
	public record Item(long id, String key, List<String> arguments, @Nullable String link, OffsetDateTime createdAt,
			boolean unread) {

		public Object[] args() {
			return arguments.toArray();
		}

	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		var items = (user.memberId() == null) ? List.<Item>of() : jdbc.sql("""
				select id, message_key, arguments, link, created_at, read_at is null as unread from notification
				where committee_id = :committee and member_id = :member order by created_at desc, id desc limit 100
				""")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.query((rs, row) -> new Item(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6)))
			.list();
		model.addAttribute("items", items);
		return "notification/list";
	}

	@GetMapping("/notifications/count")
	String count(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("unread", unread(user));
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

	private long unread(CurrentUser user) {
		if (user.memberId() == null) {
			return 0;
		}
		return jdbc
			.sql("""
					select count(*) from notification where committee_id = :committee and member_id = :member and read_at is null
					""")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.query(Long.class)
			.single();
	}

}
