package vn.chibo.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
import vn.chibo.shared.print.Sheets;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Option;
import vn.chibo.shared.web.Years;

/**
 * The commendation pages: the awards of a year, the office's form, a member's awards (the
 * part the member's page loads), and the Party membership badges due in a year with the
 * proposal list as a spreadsheet.
 */
@Controller
@RequestMapping("/recognition")
class RecognitionController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Awards awards;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final Clock clock;

	RecognitionController(Awards awards, MemberQueries members, OrganizationQueries organizations,
			MessageSource messages, Clock clock) {
		this.awards = awards;
		this.members = members;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(awards.years(user), shown));
		model.addAttribute("awards", awards.list(user, shown));
		model.addAttribute("manages", user.role().managesStructure());
		return "recognition/list";
	}

	/** A member's awards: the part of the member's page, loaded by htmx. */
	@GetMapping("/members/{memberId}")
	String ofMember(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId, Model model) {
		model.addAttribute("awards", awards.ofMember(user, memberId));
		return "recognition/awards :: awards";
	}

	/** An organisation's awards: the part of the branch's page, loaded by htmx. */
	@GetMapping("/organizations/{organizationId}")
	String ofOrganization(@AuthenticationPrincipal CurrentUser user, @PathVariable long organizationId, Model model) {
		model.addAttribute("awards", awards.ofOrganization(user, organizationId));
		return "recognition/awards :: organization";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		Awards.requireManager(user);
		var form = new AwardForm();
		form.setKind(AwardKind.MERIT_CERTIFICATE);
		form.setDecidedOn(LocalDate.now(clock));
		model.addAttribute("form", form);
		return form(user, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") AwardForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Awards.requireManager(user);
		if (!result.hasErrors()) {
			try {
				awards.record(user, form);
				Flash.success(redirect, "recognition.flash.created", form.getTitle());
				return "redirect:/recognition?year=" + form.getDecidedOn().getYear();
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model);
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.run(redirect, "recognition.flash.deleted", () -> awards.remove(user, id));
		return "redirect:/recognition";
	}

	@GetMapping("/badges")
	String badges(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = (year != null) ? year(year) : LocalDate.now(clock).getYear() + 1;
		model.addAttribute("list", awards.badges(user, shown));
		model.addAttribute("year", shown);
		model.addAttribute("manages", user.role().managesStructure());
		return "recognition/badges";
	}

	/** The proposal list of the year's badges, in the columns the proposal uses. */
	@GetMapping("/badges.xlsx")
	ResponseEntity<byte[]> badgesXlsx(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		var shown = (year != null) ? year(year) : LocalDate.now(clock).getYear() + 1;
		var rows = new ArrayList<List<?>>();
		for (var row : awards.badges(user, shown).due()) {
			rows.add(List.of(rows.size() + 1, row.fullName(),
					(row.dateOfBirth() != null) ? String.valueOf(row.dateOfBirth().getYear()) : "", row.branchName(),
					DATE.format(row.admissionDate()), row.years(), DATE.format(row.reached()),
					DATE.format(row.presentedOn()), row.awarded() ? text(locale, "recognition.badge.awarded")
							: row.exempted() ? text(locale, "recognition.badge.exempted") : ""));
		}
		return Sheets.download("huy-hieu-dang-" + shown + ".xlsx",
				Sheets.workbook(text(locale, "recognition.badges.sheet", String.valueOf(shown)),
						headings(locale, "recognition.column.number", "recognition.column.name",
								"recognition.column.born", "recognition.column.branch", "recognition.column.admitted",
								"recognition.column.years", "recognition.column.reached",
								"recognition.column.presented", "recognition.column.note"),
						rows));
	}

	/** The year's awards as a spreadsheet. */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> awardsXlsx(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		var shown = year(year);
		var rows = new ArrayList<List<?>>();
		for (var a : awards.list(user, shown)) {
			rows.add(List.of(rows.size() + 1, a.recipientName(), a.branchName(),
					text(locale, "recognition.kind." + a.kind()),
					(a.badgeYears() != null) ? text(locale, "recognition.badge.title", a.badgeYears()) : a.title(),
					a.issuer(), (a.decisionNo() != null) ? a.decisionNo() : "", DATE.format(a.decidedOn())));
		}
		return Sheets.download("khen-thuong-" + shown + ".xlsx", Sheets.workbook(text(locale, "recognition.title"),
				headings(locale, "recognition.column.number", "recognition.column.recipient",
						"recognition.column.branch", "recognition.field.kind", "recognition.field.title",
						"recognition.field.issuer", "recognition.field.decisionNo", "recognition.field.decidedOn"),
				rows));
	}

	private List<String> headings(Locale locale, String... keys) {
		return Arrays.stream(keys).map((k) -> text(locale, k)).toList();
	}

	private String form(CurrentUser user, Model model) {
		model.addAttribute("kinds", AwardKind.values());
		model.addAttribute("milestones", PartyBadges.MILESTONES);
		var units = new ArrayList<Option>();
		for (var node : organizations.tree(user.committeeId(), user.scopeOrganizationId())) {
			if (node.active()) {
				units.add(new Option(node.id(), node.name(), false));
			}
		}
		model.addAttribute("people", members.choices(user, LocalDate.now(clock)));
		model.addAttribute("units", units);
		return "recognition/form";
	}

	private int year(@Nullable Integer year) {
		return Years.shown(year, clock, 1930);
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
