package vn.chibo.account;

import java.util.Arrays;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;

/** The system administrator's account screens: list, create, edit, reset a password. */
@Controller
@RequestMapping("/accounts")
class AccountController {

	private final AccountService accounts;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	AccountController(AccountService accounts, OrganizationQueries organizations, MemberQueries members) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.members = members;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("accounts", accounts.list(admin));
		return "account/list";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) @Nullable Long memberId,
			Model model) {
		requireAdmin(admin);
		var form = new AccountForm();
		form.setRole(Role.MEMBER);
		if (memberId != null) {
			var member = members.details(admin, memberId);
			form.setMemberId(member.id());
			form.setDisplayName(member.fullName());
			form.setScopeOrganizationId(member.branchId());
		}
		model.addAttribute("form", form);
		return form(admin, model, null);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("form") AccountForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireAdmin(admin);
		if (!result.hasErrors()) {
			try {
				accounts.create(admin, form);
				Flash.success(redirect, "account.flash.created", form.getUsername());
				return "redirect:/accounts";
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(admin, model, null);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, Model model) {
		var account = accounts.find(admin, id);
		var form = new AccountForm();
		form.setUsername(account.username());
		form.setDisplayName(account.displayName());
		form.setRole(account.role());
		form.setScopeOrganizationId(account.scopeOrganizationId());
		form.setMemberId(account.memberId());
		form.setEnabled(account.enabled());
		model.addAttribute("form", form);
		return form(admin, model, account);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var account = accounts.find(admin, id);
		if (!result.hasErrors()) {
			try {
				accounts.update(admin, id, form);
				Flash.success(redirect, "account.flash.updated", account.username());
				return "redirect:/accounts";
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(admin, model, account);
	}

	@PostMapping("/{id}/password")
	String resetPassword(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
			@RequestParam String password, RedirectAttributes redirect) {
		var account = accounts.find(admin, id);
		try {
			accounts.resetPassword(admin, id, password);
			Flash.success(redirect, "account.flash.password", account.username());
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/accounts/" + id + "/edit";
	}

	private String form(CurrentUser admin, Model model, @Nullable AccountRow account) {
		model.addAttribute("account", account);
		model.addAttribute("roles", Arrays.stream(Role.values()).filter((r) -> r != Role.OBSERVER).toList());
		model.addAttribute("scopes", organizations.tree(admin.committeeId(), admin.scopeOrganizationId()));
		var form = (AccountForm) model.getAttribute("form");
		if (form != null && form.getMemberId() != null) {
			members.find(admin.committeeId(), form.getMemberId())
				.ifPresent((member) -> model.addAttribute("linkedMember", member.fullName()));
		}
		return "account/form";
	}

	private static void requireAdmin(CurrentUser user) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("accounts");
		}
	}

}
