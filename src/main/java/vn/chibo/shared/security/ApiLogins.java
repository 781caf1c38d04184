package vn.chibo.shared.security;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The API's remembered logins, reachable to forget those of a changed account. */
@Component
class ApiLogins {

	private volatile @Nullable RememberingAuthenticationProvider provider;

	void use(RememberingAuthenticationProvider provider) {
		this.provider = provider;
	}

	void forget(String username) {
		var current = provider;
		if (current != null) {
			current.forget(username);
		}
	}

}
