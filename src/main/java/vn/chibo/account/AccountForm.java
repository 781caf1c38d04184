package vn.chibo.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import vn.chibo.shared.security.Role;

/** What the account screens bind. The password is only set on creation and by a reset. */
public class AccountForm {

	@NotBlank(message = "{account.username.required}")
	@Pattern(regexp = "^$|^[a-z0-9][a-z0-9._-]{2,39}$", message = "{account.username.pattern}")
	private @Nullable String username;

	@NotBlank(message = "{account.displayName.required}")
	@Size(max = 100, message = "{account.displayName.size}")
	private @Nullable String displayName;

	@NotNull(message = "{account.role.required}")
	private @Nullable Role role;

	@NotNull(message = "{account.scope.required}")
	private @Nullable Long scopeOrganizationId;

	private @Nullable Long memberId;

	@Size(max = 100, message = "{account.password.size}")
	private @Nullable String password;

	private boolean enabled = true;

	public @Nullable String getUsername() {
		return username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable Role getRole() {
		return role;
	}

	public void setRole(@Nullable Role role) {
		this.role = role;
	}

	public @Nullable Long getScopeOrganizationId() {
		return scopeOrganizationId;
	}

	public void setScopeOrganizationId(@Nullable Long scopeOrganizationId) {
		this.scopeOrganizationId = scopeOrganizationId;
	}

	public @Nullable Long getMemberId() {
		return memberId;
	}

	public void setMemberId(@Nullable Long memberId) {
		this.memberId = memberId;
	}

	public @Nullable String getPassword() {
		return password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
