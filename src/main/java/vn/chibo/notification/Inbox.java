package vn.chibo.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;

/** A member's notifications in chibo: the newest first, how many are unread. */
@Service
@Transactional(readOnly = true)
public class Inbox {

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A notification as its reader sees it: a message key with its arguments and a link.
	 */
	public record Item(long id, String key, List<String> arguments, @Nullable String link, OffsetDateTime createdAt,
			boolean unread) {

		public Object[] args() {
			return arguments.toArray();
		}

	}

	/**
	 * The user's newest notifications, at most {@code limit}; none for an account without
	 * a member.
	 */
	public List<Item> latest(CurrentUser user, int limit) {
		if (user.memberId() == null) {
			return List.of();
		}
		return jdbc.sql("""
				select id, message_key, arguments, link, created_at, read_at is null as unread from notification
				where committee_id = :committee and member_id = :member order by created_at desc, id desc limit :limit
				""")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.param("limit", limit)
			.query((rs, row) -> new Item(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6)))
			.list();
	}

	public long unread(CurrentUser user) {
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
