package vn.chibo.shared.security;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A changed account (locked, password reset, role or scope changed) is signed out
 * everywhere once the change commits: its sessions, kept in PostgreSQL and found by user
 * name on every node, are marked ended and end at their next request
 * ({@link EndedSessions}); its remembered API logins are forgotten.
 */
@Component
class SignedInSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApiLogins apiLogins;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, ApiLogins apiLogins) {
		this.sessions = sessions;
		this.apiLogins = apiLogins;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountChanged changed) {
		end(changed.username());
	}

	/**
	 * Ends every session of the user name but the one making the change (a user who
	 * changes their own password stays signed in where they did it), and forgets its API
	 * logins.
	 */
	int end(String username) {
		var current = (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getSessionId() : null;
		var ended = end(sessions, username, current);
		apiLogins.forget(username);
		return ended;
	}

	private static <S extends Session> int end(FindByIndexNameSessionRepository<S> sessions, String username,
			@Nullable String current) {
		var ended = 0;
		for (var session : sessions.findByPrincipalName(username).values()) {
			if (!session.getId().equals(current)) {
				session.setAttribute(EndedSessions.ENDED, Boolean.TRUE);
				sessions.save(session);
				ended++;
			}
		}
		return ended;
	}

}
