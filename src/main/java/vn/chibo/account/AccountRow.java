package vn.chibo.account;

import org.jspecify.annotations.Nullable;

import vn.chibo.shared.security.Role;

/** An account as the admin list shows it. */
public record AccountRow(long id, String username, String displayName, Role role, long scopeOrganizationId,
		String scopeName, @Nullable Long memberId, boolean enabled) {
}
