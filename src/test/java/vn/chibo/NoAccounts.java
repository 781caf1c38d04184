package vn.chibo;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import vn.chibo.shared.security.UserAccounts;

/**
 * For a module started alone: the login's accounts come from the account module, not
 * started there — none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoAccounts {

	@Bean
	UserAccounts userAccounts() {
		return (username) -> Optional.empty();
	}

}
