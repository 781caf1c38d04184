package vn.chibo.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.shared.web.BusinessRuleException;

/**
 * The short-lived signed token a self check-in QR code holds: the committee, the meeting
 * or study session, and an expiry, signed with HMAC-SHA256 under a key of the deployment
 * kept in the database (created when the application starts, if there is none, so every
 * instance shares it and showing a code never writes). The purpose (what kind of
 * gathering) is signed too, so a meeting's code never checks anybody into a study session
 * of the same number.
 */
@Component
public class CheckInTokens {

	private static final String KEY_NAME = "meeting-check-in";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lifetime;

	private volatile byte[] key;

	/**
	 * The key is written and read in a transaction of its own: read first inside a
	 * caller's transaction that then rolled back, a key would be kept in memory that no
	 * other instance ever sees — its codes refused by the other nodes of a cluster
	 * (docs/operations.md, "Several nodes behind a proxy").
	 */
	private final TransactionTemplate ownTransaction;

	CheckInTokens(JdbcClient jdbc, Clock clock, CheckInProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetime = properties.checkInLifetime();
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureKey() {
		key();
	}

	/** What the code checks into. */
	public enum Purpose {

		MEETING, STUDY

	}

	/** What a valid token says: the committee, the meeting or session, the expiry. */
	public record Claims(long committeeId, long meetingId, Instant expiresAt) {
	}

	public Duration lifetime() {
		return this.lifetime;
	}

	public String issue(Purpose purpose, long committeeId, long id) {
		return issue(purpose, committeeId, id, clock.instant().plus(lifetime));
	}

	public String issue(Purpose purpose, long committeeId, long id, Instant expiresAt) {
		var payload = committeeId + "." + id + "." + expiresAt.getEpochSecond();
		return payload + "." + ENCODER.encodeToString(sign(purpose + "." + payload));
	}

	/**
	 * The claims of a token this deployment signed and that has not expired; otherwise a
	 * rule error saying which.
	 */
	public Claims verify(Purpose purpose, String token) {
		var parts = token.strip().split("\\.");
		if (parts.length != 4) {
			throw new BusinessRuleException("token", "checkIn.token.invalid");
		}
		var payload = parts[0] + "." + parts[1] + "." + parts[2];
		byte[] signature;
		try {
			signature = Base64.getUrlDecoder().decode(parts[3]);
		}
		catch (IllegalArgumentException ex) {
			throw new BusinessRuleException("token", "checkIn.token.invalid");
		}
		if (!MessageDigest.isEqual(sign(purpose + "." + payload), signature)) {
			throw new BusinessRuleException("token", "checkIn.token.invalid");
		}
		Claims claims;
		try {
			claims = new Claims(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
					Instant.ofEpochSecond(Long.parseLong(parts[2])));
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw new BusinessRuleException("token", "checkIn.token.invalid");
		}
		if (clock.instant().isAfter(claims.expiresAt())) {
			throw new BusinessRuleException("token", "checkIn.token.expired");
		}
		return claims;
	}

	private byte[] sign(String payload) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		var current = this.key;
		if (current == null) {
			var fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			current = ownTransaction.execute((status) -> {
				jdbc.sql("insert into signing_key (name, secret) values (:name, :secret) on conflict (name) do nothing")
					.param("name", KEY_NAME)
					.param("secret", fresh)
					.update();
				return jdbc.sql("select secret from signing_key where name = :name")
					.param("name", KEY_NAME)
					.query(byte[].class)
					.single();
			});
			this.key = current;
		}
		return current;
	}

}
