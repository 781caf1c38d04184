package vn.chibo.shared.web;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * What the layout and shared page parts show a user, decided once per request from the
 * role (rather than by security expressions evaluated in the templates, which cost more
 * than the rest of a page).
 */
public record Navigation(String displayName, String username, Role role, @Nullable Long memberId) {

	public boolean managesStructure() {
		return role.managesStructure();
	}

	public boolean editsMembers() {
		return role.editsMembers();
	}

	public boolean readsAudit() {
		return role.readsAudit();
	}

	public boolean readsMemberRecords() {
		return role.readsMemberRecords();
	}

	public boolean ordinaryMember() {
		return role == Role.MEMBER;
	}

	@ControllerAdvice
	static class Advice {

		@ModelAttribute("nav")
		@Nullable Navigation navigation(@AuthenticationPrincipal @Nullable CurrentUser user) {
			return (user != null) ? new Navigation(user.displayName(), user.username(), user.role(), user.memberId())
					: null;
		}

	}

}
