package vn.chibo.shared.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user: its committee (tenant), role, the organisation whose subtree it may
 * see, and the member record it is, if any.
 */
public record CurrentUser(long userId, long committeeId, String username, String passwordHash, String displayName,
		Role role, long scopeOrganizationId, @Nullable Long memberId, boolean enabled,
		boolean locked) implements UserDetails {

	public CurrentUser lockedCopy() {
		return new CurrentUser(userId, committeeId, username, passwordHash, displayName, role, scopeOrganizationId,
				memberId, enabled, true);
	}

	public boolean isMember(long id) {
		return memberId != null && memberId == id;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String toString() {
		return "CurrentUser[" + username + ", " + role + "]";
	}

}
