package vn.chibo.inspection.discipline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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

import vn.chibo.inspection.InspectionAccess;
import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Option;
import vn.chibo.shared.web.Years;

/**
 * The discipline pages: the cases, a case from the violation to the decision and the
 * appeal, the part of a member's page that shows its decided cases, and the complaints
 * and denunciations received with their answers.
 */
@Controller
@RequestMapping("/inspection")
class DisciplineController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final DisciplineCases cases;

	private final Complaints complaints;

	private final InspectionAccess access;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final Clock clock;

	DisciplineController(DisciplineCases cases, Complaints complaints, InspectionAccess access, MemberQueries members,
			OrganizationQueries organizations, MessageSource messages, Clock clock) {
		this.cases = cases;
		this.complaints = complaints;
		this.access = access;
		this.members = members;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/discipline")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("cases", cases.list(user));
		model.addAttribute("insider", access.insider(user));
		return "inspection/cases";
	}

	/** A member's decided cases: the part of the member's page, loaded by htmx. */
	@GetMapping("/discipline/members/{memberId}")
	String ofMember(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId, Model model) {
		model.addAttribute("cases", cases.ofMember(user, memberId));
		return "inspection/member-discipline :: member";
	}

	@GetMapping("/discipline/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		access.requireInsider(user);
		var form = new CaseForm();
		form.setOpenedOn(LocalDate.now(clock));
		model.addAttribute("form", form);
		return form(user, model);
	}

	@PostMapping("/discipline")
	String open(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") CaseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		access.requireInsider(user);
		if (!result.hasErrors()) {
			try {
				var id = cases.open(user, form);
				Flash.success(redirect, "discipline.flash.opened");
				return "redirect:/inspection/discipline/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model);
	}

	@GetMapping("/discipline/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var found = cases.read(user, id);
		model.addAttribute("c", found);
		model.addAttribute("insider", access.insider(user));
		model.addAttribute("authorities", DisciplineAuthority.values());
		model.addAttribute("outcomes", AppealOutcome.values());
		model.addAttribute("today", LocalDate.now(clock).format(DATE));
		return "inspection/case";
	}

	@PostMapping("/discipline/{id}/steps")
	String step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("step") CaseStepForm form, BindingResult result, RedirectAttributes redirect,
			Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "discipline.field.")) {
			Flash.run(redirect, "discipline.flash.step", () -> cases.step(user, id, form));
		}
		return "redirect:/inspection/discipline/" + id;
	}

	@GetMapping("/complaints")
	String complaints(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(complaints.years(user), shown));
		model.addAttribute("complaints", complaints.list(user, shown));
		model.addAttribute("kinds", ComplaintKind.values());
		var form = new ComplaintForm();
		form.setReceivedOn(LocalDate.now(clock));
		form.setDueOn(LocalDate.now(clock).plusDays(30));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		return "inspection/complaints";
	}

	@PostMapping("/complaints")
	String receive(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ComplaintForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		access.requireInsider(user);
		if (!result.hasErrors()) {
			try {
				var id = complaints.receive(user, form);
				Flash.success(redirect, "complaint.flash.received");
				return "redirect:/inspection/complaints/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return complaints(user, (form.getReceivedOn() != null) ? form.getReceivedOn().getYear() : null, model);
	}

	@GetMapping("/complaints/{id}")
	String complaint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("complaint", complaints.read(user, id));
		model.addAttribute("today", LocalDate.now(clock).format(DATE));
		return "inspection/complaint";
	}

	@PostMapping("/complaints/{id}/answer")
	String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("answer") CaseStepForm form, BindingResult result, RedirectAttributes redirect,
			Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "discipline.field.")) {
			Flash.run(redirect, "complaint.flash.answered",
					() -> complaints.answer(user, id, form.getOn(), form.getText()));
		}
		return "redirect:/inspection/complaints/" + id;
	}

	private String form(CurrentUser user, Model model) {
		var units = new ArrayList<Option>();
		for (var node : organizations.tree(user.committeeId(), organizations.rootOf(user.committeeId()))) {
			if (node.active()) {
				units.add(new Option(node.id(), node.name(), false));
			}
		}
		model.addAttribute("units", units);
		model.addAttribute("people", members.choices(access.committeeWide(user), LocalDate.now(clock)));
		return "inspection/case-form";
	}

}
