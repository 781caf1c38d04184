package vn.chibo.organization;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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

import vn.chibo.shared.audit.AuditQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;

@Controller
@RequestMapping("/orgs")
class OrganizationController {

	private final OrganizationQueries queries;

	private final OrganizationService organizations;

	private final AuditQueries audit;

	private final Clock clock;

	OrganizationController(OrganizationQueries queries, OrganizationService organizations, AuditQueries audit,
			Clock clock) {
		this.queries = queries;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	@ModelAttribute("levels")
	OrgLevel[] levels() {
		return OrgLevel.values();
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("tree", queries.tree(user.committeeId(), user.scopeOrganizationId()));
		return "organization/list";
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var org = queries.visible(user, id);
		model.addAttribute("org", org);
		model.addAttribute("path", queries.pathFromScope(user, id));
		model.addAttribute("children",
				queries.tree(user.committeeId(), id).stream().filter((n) -> n.depth() == 1).toList());
		model.addAttribute("moveTargets",
				queries.tree(user.committeeId(), user.scopeOrganizationId())
					.stream()
					.filter((n) -> n.active() && n.level().mayContain(org.level()) && n.id() != id)
					.toList());
		model.addAttribute("today", LocalDate.now(clock));
		if (user.role().readsAudit()) {
			model.addAttribute("auditEntries", audit.forEntity(user.committeeId(), OrganizationService.AUDIT_TYPE, id));
		}
		return "organization/show";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam long parentId, Model model) {
		requireStructureRights(user);
		var parent = queries.visible(user, parentId);
		var form = new OrganizationForm();
		form.setParentId(parentId);
		form.setLevel(parent.level() == OrgLevel.BRANCH ? OrgLevel.GROUP : OrgLevel.BRANCH);
		model.addAttribute("form", form);
		model.addAttribute("parent", parent);
		return "organization/form";
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") OrganizationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireStructureRights(user);
		if (!result.hasErrors()) {
			try {
				var id = organizations.create(user, form);
				Flash.success(redirect, "org.flash.created", form.getName());
				return "redirect:/orgs/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		if (form.getParentId() != null) {
			model.addAttribute("parent", queries.visible(user, form.getParentId()));
		}
		return "organization/form";
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		requireStructureRights(user);
		var org = queries.visible(user, id);
		model.addAttribute("org", org);
		model.addAttribute("form", OrganizationForm.of(org));
		return "organization/form";
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") OrganizationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireStructureRights(user);
		var org = queries.visible(user, id);
		if (!result.hasErrors()) {
			try {
				organizations.update(user, id, form);
				Flash.success(redirect, "org.flash.updated", form.getName());
				return "redirect:/orgs/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("org", org);
		return "organization/form";
	}

	@PostMapping("/{id}/move")
	String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long parentId,
			RedirectAttributes redirect) {
		try {
			organizations.move(user, id, parentId);
			Flash.success(redirect, "org.flash.moved");
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/orgs/" + id;
	}

	@PostMapping("/{id}/close")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate closedOn, RedirectAttributes redirect) {
		try {
			organizations.close(user, id, closedOn);
			Flash.success(redirect, "org.flash.closed");
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/orgs/" + id;
	}

	private static void requireStructureRights(CurrentUser user) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("organization");
		}
	}

}
