package vn.chibo.shared.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

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

	/** Ends every session of the user name and forgets its API logins. */
	int end(String username) {
		var ended = 0;
		for (var principal : sessions.getAllPrincipals()) {
			if (principal instanceof CurrentUser user && user.username().equalsIgnoreCase(username)) {
				for (var session : sessions.getAllSessions(principal, false)) {
					session.expireNow();
					ended++;
				}
			}
		}
		apiLogins.forget(username);
		return ended;
	}

}
