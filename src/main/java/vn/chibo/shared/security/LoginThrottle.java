package vn.chibo.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one user name
 * within the window, that name is locked for {@link #LOCK}. A success clears the count.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	public boolean isLocked(String username) {
		var entry = failures.get(key(username));
		return entry != null && entry.count() >= MAX_FAILURES && entry.last().plus(LOCK).isAfter(clock.instant());
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		var now = clock.instant();
		failures.compute(key(event.getAuthentication().getName()), (name, previous) -> {
			if (previous == null || previous.last().plus(LOCK).isBefore(now)) {
				return new Failures(1, now);
			}
			return new Failures(previous.count() + 1, now);
		});
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		failures.remove(key(event.getAuthentication().getName()));
	}

	private static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant last) {
	}

}
