package vn.chibo.classification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.DecimalComma;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;

/**
 * The classification rules by date (docs/domain.md §7): every version a committee may use
 * — those issued for all and its own — with the year each applies to; the office adds its
 * own version, often from a copy, and edits it while no review has used it.
 */
@Controller
@RequestMapping("/classification/rules")
class RuleSetController {

	private final RuleSets ruleSets;

	private final RuleSetVersions versions;

	private final Clock clock;

	RuleSetController(RuleSets ruleSets, RuleSetVersions versions, Clock clock) {
		this.ruleSets = ruleSets;
		this.versions = versions;
		this.clock = clock;
	}

	/** Thresholds as Vietnamese write them, "75,5". */
	@InitBinder("form")
	void decimals(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new DecimalComma());
	}

	private static void requireReader(CurrentUser user) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("rule sets");
		}
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireReader(user);
		var year = LocalDate.now(clock).getYear();
		model.addAttribute("rules", ruleSets.all(user.committeeId()));
		model.addAttribute("current", ruleSets.forYear(user.committeeId(), year).id());
		model.addAttribute("year", String.valueOf(year));
		model.addAttribute("edits", RuleSetVersions.edits(user));
		model.addAttribute("used",
				ruleSets.all(user.committeeId())
					.stream()
					.filter((r) -> r.own() && versions.used(r.id()))
					.map(RuleSets.RuleSet::id)
					.toList());
		return "classification/rules";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long from,
			Model model) {
		requireEditor(user);
		var copied = (from != null)
				? ruleSets.all(user.committeeId())
					.stream()
					.filter((r) -> r.id() == from)
					.findFirst()
					.orElseThrow(NotFoundException::new)
				: ruleSets.forYear(user.committeeId(), LocalDate.now(clock).getYear());
		var form = RuleSetForm.of(copied);
		form.setValidFrom(LocalDate.of(LocalDate.now(clock).getYear(), 1, 1));
		form.setValidTo(null);
		model.addAttribute("form", form);
		model.addAttribute("action", "/classification/rules");
		return "classification/rule-form";
	}

	@PostMapping
	String add(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") RuleSetForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireEditor(user);
		if (!result.hasErrors()) {
			try {
				var id = versions.add(user, form);
				Flash.success(redirect, "ruleSet.flash.added", form.getCode());
				return "redirect:/classification/rules#rule-set-" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("action", "/classification/rules");
		return "classification/rule-form";
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		requireEditor(user);
		model.addAttribute("form", RuleSetForm.of(versions.own(user, id)));
		model.addAttribute("action", "/classification/rules/" + id);
		model.addAttribute("usedBy", versions.used(id));
		return "classification/rule-form";
	}

	@PostMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") RuleSetForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		requireEditor(user);
		if (!result.hasErrors()) {
			try {
				versions.edit(user, id, form);
				Flash.success(redirect, "ruleSet.flash.saved", form.getCode());
				return "redirect:/classification/rules#rule-set-" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("action", "/classification/rules/" + id);
		model.addAttribute("usedBy", versions.used(id));
		return "classification/rule-form";
	}

	private static void requireEditor(CurrentUser user) {
		if (!RuleSetVersions.edits(user)) {
			throw new AccessDeniedException("rule sets");
		}
	}

}
