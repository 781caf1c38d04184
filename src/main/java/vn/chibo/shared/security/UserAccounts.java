package vn.chibo.shared.security;

import java.util.Optional;

/** Where login finds accounts; the account module provides it. */
public interface UserAccounts {

	Optional<CurrentUser> findByUsername(String username);

}
