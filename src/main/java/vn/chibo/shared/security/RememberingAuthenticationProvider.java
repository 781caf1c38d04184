package vn.chibo.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every API call, and checking a bcrypt hash costs
 * tens of milliseconds by design. This remembers a successful check for a minute, keyed
 * by a SHA-256 of the credentials (never the password itself), so that a script's calls
 * are not throttled by the hash.
 */
final class RememberingAuthenticationProvider implements AuthenticationProvider {

	static final Duration TTL = Duration.ofMinutes(1);

	private static final int MAX_ENTRIES = 10_000;

	private final AuthenticationProvider delegate;

	private final Clock clock;

	private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

	RememberingAuthenticationProvider(AuthenticationProvider delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var key = key(authentication);
		var now = clock.instant();
		var hit = remembered.get(key);
		if (hit != null && hit.until().isAfter(now)) {
			return hit.authentication();
		}
		var result = delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			if (remembered.size() >= MAX_ENTRIES) {
				remembered.clear();
			}
			remembered.put(key, new Remembered(result, now.plus(TTL)));
		}
		return result;
	}

	/**
	 * Forgets the remembered logins of a user name: the next call checks the password.
	 */
	void forget(String username) {
		remembered.values().removeIf((hit) -> hit.authentication().getName().equalsIgnoreCase(username));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String key(Authentication authentication) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(authentication.getName().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Remembered(Authentication authentication, Instant until) {
	}

}
