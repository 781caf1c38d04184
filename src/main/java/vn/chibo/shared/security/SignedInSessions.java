package vn.chibo.shared.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A changed account (locked, password reset, role or scope changed) is signed out
 * everywhere once the change commits: its sessions expire at their next request and its
 * remembered API logins are forgotten.
 */
@Component
class SignedInSessions {

	private final SessionRegistry sessions;

	private final ApiLogins apiLogins;

	SignedInSessions(SessionRegistry sessions, ApiLogins apiLogins) {
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
		var ended = 0;
		// the sessions in PostgreSQL indexed by their user's name: those of every node
		for (var session : sessions.getAllSessions(username, false)) {
			if (!session.getSessionId().equals(current)) {
				session.expireNow();
				ended++;
			}
		}
		apiLogins.forget(username);
		return ended;
	}

}
