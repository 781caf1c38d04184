package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.notification.Notifications;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.AccountChanged;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * A user's own password: changed with the current one, or set again through a one-time
 * link sent by e-mail to the member the account belongs to ("forgot password"). The link
 * expires after {@link #LINK_LIFETIME} and works once; asking for one answers the same
 * whether the name exists or not. Every change ends the account's sessions.
 */
@Service
@Transactional
public class Passwords {

	static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AccountService accounts;

	private final MemberQueries members;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, AccountService accounts, MemberQueries members,
			Notifications notifications, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.accounts = accounts;
		this.members = members;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The signed-in user changes their password, giving the current one. */
	public void change(CurrentUser user, @Nullable String current, @Nullable String next, @Nullable String repeat) {
		var stored = accounts.findByUsername(user.username()).orElseThrow();
		if (current == null || !encoder.matches(current, stored.passwordHash())) {
			throw new BusinessRuleException("currentPassword", "account.password.wrong");
		}
		set(stored, next, repeat, "changePassword");
	}

	/**
	 * Sends a link to set a new password to the e-mail of the account's member, if the
	 * name exists and has one; silently otherwise, so the answer tells nothing.
	 */
	public void requestLink(@Nullable String username) {
		var name = (username != null) ? username.strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			return;
		}
		var account = accounts.findByUsername(name).filter(CurrentUser::enabled).orElse(null);
		if (account == null || account.memberId() == null) {
			return;
		}
		var email = members.emails(account.committeeId(), List.of(account.memberId())).get(account.memberId());
		if (email == null || email.isBlank()) {
			return;
		}
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into password_reset (token_hash, committee_id, user_id, expires_at)
				values (:hash, :committee, :user, :expires)
				""")
			.param("hash", hash(token))
			.param("committee", account.committeeId())
			.param("user", account.userId())
			.param("expires", OffsetDateTime.now(clock).plus(LINK_LIFETIME))
			.update();
		notifications.email(account.committeeId(), email, "passwordReset",
				List.of(account.username(), String.valueOf(LINK_LIFETIME.toMinutes())), "/login/reset?token=" + token);
		audit.record(account.committeeId(), account.username(), AccountService.AUDIT_TYPE, account.userId(),
				"requestPasswordLink", null, Map.of("sentTo", email.replaceAll("(?<=.).(?=[^@]*@)", "*")));
	}

	/** Whether a link's token can still set a password. */
	@Transactional(readOnly = true)
	public boolean valid(@Nullable String token) {
		return token != null && pending(token, false) != null;
	}

	/** Sets a new password with a link's token: once, before it expires. */
	public void reset(@Nullable String token, @Nullable String next, @Nullable String repeat) {
		var userId = (token != null) ? pending(token, true) : null;
		if (userId == null) {
			throw new BusinessRuleException("token", "account.reset.invalid");
		}
		var username = jdbc.sql("select username from app_user where id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
		var account = accounts.findByUsername(username).orElseThrow();
		set(account, next, repeat, "resetPasswordByLink");
		jdbc.sql("update password_reset set used_at = now() where token_hash = :hash")
			.param("hash", hash(token))
			.update();
	}

	/** The account a link's token is for, while it is unused and unexpired. */
	private @Nullable Long pending(String token, boolean lock) {
		return jdbc.sql("""
				select user_id from password_reset where token_hash = :hash and used_at is null and expires_at > :now
				""" + (lock ? " for update" : ""))
			.param("hash", hash(token))
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private void set(CurrentUser account, @Nullable String next, @Nullable String repeat, String action) {
		if (next == null || next.length() < AccountService.MIN_PASSWORD) {
			throw new BusinessRuleException("newPassword", "account.password.short", AccountService.MIN_PASSWORD);
		}
		if (next.length() > 200) {
			throw new BusinessRuleException("newPassword", "account.password.long", 200);
		}
		if (!next.equals(repeat)) {
			throw new BusinessRuleException("repeatPassword", "account.password.repeat");
		}
		jdbc.sql("update app_user set password_hash = :hash where committee_id = :committee and id = :id")
			.param("hash", encoder.encode(next))
			.param("committee", account.committeeId())
			.param("id", account.userId())
			.update();
		audit.record(account.committeeId(), account.username(), AccountService.AUDIT_TYPE, account.userId(), action,
				null, null);
		events.publishEvent(new AccountChanged(account.username()));
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
