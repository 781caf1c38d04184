package vn.chibo.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing, per user name and per client address alike: after
 * {@value #MAX_FAILURES} wrong passwords for a name (or wrong passwords for
 * {@value #MAX_ADDRESS_FAILURES} different names from one address), logging in pauses —
 * first for {@link #FIRST_PAUSE}, twice as long at each further failure, at most
 * {@link #MAX_PAUSE} — so that a stranger cannot shut an account for long, and a guesser
 * gets nowhere. It answers the same for names that exist and names that do not. A success
 * clears the name's count.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final int MAX_ADDRESS_FAILURES = 20;

	static final Duration FIRST_PAUSE = Duration.ofSeconds(30);

	static final Duration MAX_PAUSE = Duration.ofMinutes(15);

	private final ConcurrentHashMap<String, Failures> names = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Guesses> addresses = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Whether a login with this name, from the current request's address, waits. */
	public boolean isLocked(String username) {
		var guesses = addresses.get(String.valueOf(currentAddress()));
		return paused(names.get(key(username)), MAX_FAILURES) || (guesses != null
				&& paused(new Failures(guesses.names().size(), guesses.last()), MAX_ADDRESS_FAILURES));
	}

	private boolean paused(@Nullable Failures failures, int allowed) {
		if (failures == null || failures.count() < allowed) {
			return false;
		}
		return failures.last().plus(pause(failures.count() - allowed)).isAfter(clock.instant());
	}

	/** The pause after {@code beyond} failures past the allowed ones. */
	public static Duration pause(int beyond) {
		var pause = FIRST_PAUSE.multipliedBy(1L << Math.min(beyond, 20));
		return (pause.compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		var now = clock.instant();
		count(names, key(event.getAuthentication().getName()), now);
		var address = (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : currentAddress();
		if (address != null) {
			var name = key(event.getAuthentication().getName());
			addresses.compute(address, (key, previous) -> {
				var names = (previous == null || previous.last().plus(MAX_PAUSE).isBefore(now)) ? new HashSet<String>()
						: new HashSet<>(previous.names());
				// Enough names to tell a guesser; no more kept.
				if (names.size() < 4 * MAX_ADDRESS_FAILURES) {
					names.add(name);
				}
				return new Guesses(Set.copyOf(names), now);
			});
		}
	}

	private static void count(ConcurrentHashMap<String, Failures> counts, String key, Instant now) {
		counts.compute(key, (name, previous) -> {
			// A quiet spell as long as the longest pause starts the count again.
			if (previous == null || previous.last().plus(MAX_PAUSE).isBefore(now)) {
				return new Failures(1, now);
			}
			return new Failures(previous.count() + 1, now);
		});
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		names.remove(key(event.getAuthentication().getName()));
	}

	private static @Nullable String currentAddress() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : null;
	}

	private static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant last) {
	}

	/** The different names an address has guessed wrong, and when last. */
	private record Guesses(Set<String> names, Instant last) {
	}

}
