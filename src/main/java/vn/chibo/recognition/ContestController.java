package vn.chibo.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * The contest pages: the contests of a year, the office's form of a new one, a contest
 * with its entries and ranking (and, for the office, the entry, advance and prize forms),
 * one judge's score sheet of a round, and the ranking as a spreadsheet.
 */
@Controller
@RequestMapping("/recognition/contests")
class ContestController {

	private final Contests contests;

	private final ContestQueries contestQueries;

	private final ContestRounds rounds;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final Clock clock;

	ContestController(Contests contests, ContestQueries contestQueries, ContestRounds rounds, MemberQueries members,
			OrganizationQueries organizations, MessageSource messages, Clock clock) {
		this.contests = contests;
		this.contestQueries = contestQueries;
		this.rounds = rounds;
		this.members = members;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 1930);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(contestQueries.years(user), shown));
		model.addAttribute("contests", contestQueries.list(user, shown));
		model.addAttribute("manages", user.role().managesStructure());
		return "recognition/contests";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
		Awards.requireManager(user);
		var form = new ContestForm();
		form.setHeldFrom(LocalDate.now(clock));
		form.setRounds(text(locale, "contest.rounds.default"));
		form.setCriteria(text(locale, "contest.criteria.default"));
		model.addAttribute("form", form);
		return "recognition/contest-form";
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ContestForm form,
			BindingResult result, RedirectAttributes redirect) {
		Awards.requireManager(user);
		if (!result.hasErrors()) {
			try {
				var id = contests.create(user, form.draft());
				Flash.success(redirect, "contest.flash.created", form.getTitle());
				return "redirect:/recognition/contests/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return "recognition/contest-form";
	}

	@GetMapping("/{contestId}")
	String contest(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId, Model model) {
		var contest = contestQueries.contest(user, contestId);
		model.addAttribute("contest", contest);
		model.addAttribute("manages", user.role().managesStructure());
		model.addAttribute("prizes", ContestPrize.values());
		if (user.role().managesStructure()) {
			if (!model.containsAttribute("entry")) {
				model.addAttribute("entry", new EntryForm());
			}
			if (!model.containsAttribute("prize")) {
				var prize = new PrizeForm();
				prize.setDecidedOn(LocalDate.now(clock));
				model.addAttribute("prize", prize);
			}
			model.addAttribute("people", members.choices(user, LocalDate.now(clock)));
			var units = new ArrayList<Option>();
			for (var node : organizations.tree(user.committeeId(), user.scopeOrganizationId())) {
				if (node.active()) {
					units.add(new Option(node.id(), node.name(), false));
				}
			}
			model.addAttribute("units", units);
		}
		return "recognition/contest";
	}

	@PostMapping("/{contestId}/entries")
	String enter(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId,
			@Valid @ModelAttribute("entry") EntryForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Awards.requireManager(user);
		if (!result.hasErrors()) {
			try {
				contests.enter(user, contestId, form.getMemberId(), form.getOrganizationId(), form.getWork());
				Flash.success(redirect, "contest.flash.entered");
				return "redirect:/recognition/contests/" + contestId + "#contest-ranking";
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return contest(user, contestId, model);
	}

	@PostMapping("/{contestId}/entries/{entryId}/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId, @PathVariable long entryId,
			RedirectAttributes redirect) {
		Flash.run(redirect, "contest.flash.withdrawn", () -> contests.withdraw(user, contestId, entryId));
		return "redirect:/recognition/contests/" + contestId;
	}

	@GetMapping("/{contestId}/rounds/{round}/judges/{judge}")
	String sheet(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId, @PathVariable int round,
			@PathVariable int judge, Model model) {
		Awards.requireManager(user);
		var sheet = rounds.sheet(user, contestId, round, judge);
		var typed = new LinkedHashMap<String, String>();
		sheet.scores()
			.forEach((entry, scores) -> scores.forEach(
					(criterion, score) -> typed.put(entry + "-" + criterion, score.toPlainString().replace('.', ','))));
		return sheet(user, contestId, round, judge, typed, model);
	}

	@PostMapping("/{contestId}/rounds/{round}/judges/{judge}")
	String score(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId, @PathVariable int round,
			@PathVariable int judge, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		var typed = scores(params);
		try {
			var kept = rounds.score(user, contestId, round, judge, typed);
			Flash.success(redirect, "contest.flash.scored", kept);
			return "redirect:/recognition/contests/" + contestId + "#contest-ranking";
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("flashError", new Flash.Message(ex.messageKey(), ex.arguments()));
			return sheet(user, contestId, round, judge, typed, model);
		}
	}

	@PostMapping("/{contestId}/rounds/{round}/advance")
	String advance(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId, @PathVariable int round,
			@RequestParam(name = "entryId", required = false) @Nullable List<Long> chosen,
			RedirectAttributes redirect) {
		Flash.report(redirect, "contest.flash.advanced",
				() -> rounds.advance(user, contestId, round, (chosen != null) ? chosen : List.of()));
		return "redirect:/recognition/contests/" + contestId + "#contest-ranking";
	}

	@PostMapping("/{contestId}/prizes")
	String prizes(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId,
			@Valid @ModelAttribute("prize") PrizeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Awards.requireManager(user);
		if (!result.hasErrors()) {
			try {
				var given = contests.givePrizes(user, contestId, form.getPrizes(), form.getDecisionNo(),
						form.getDecidedOn());
				Flash.success(redirect, "contest.flash.prizes", given);
				return "redirect:/recognition/contests/" + contestId + "#contest-ranking";
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return contest(user, contestId, model);
	}

	@PostMapping("/{contestId}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId,
			RedirectAttributes redirect) {
		if (Flash.run(redirect, "contest.flash.deleted", () -> contests.remove(user, contestId))) {
			return "redirect:/recognition/contests";
		}
		return "redirect:/recognition/contests/" + contestId;
	}

	/**
	 * The ranking as a spreadsheet: rank, entrant, branch, work, each round's total,
	 * prize.
	 */
	@GetMapping("/{contestId}/ranking.xlsx")
	ResponseEntity<byte[]> rankingXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long contestId,
			Locale locale) {
		var contest = contestQueries.contest(user, contestId);
		var headings = new ArrayList<String>(
				List.of(text(locale, "contest.column.rank"), text(locale, "contest.column.entrant"),
						text(locale, "recognition.column.branch"), text(locale, "contest.field.work")));
		headings.addAll(contest.rounds());
		headings.add(text(locale, "contest.column.prize"));
		var rows = new ArrayList<List<?>>();
		for (var e : contest.ranking()) {
			var row = new ArrayList<Object>(List.of((e.rank() != null) ? e.rank() : "", e.entrantName(), e.branchName(),
					(e.work() != null) ? e.work() : ""));
			for (var total : e.totals()) {
				row.add((total != null) ? total : "");
			}
			row.add((e.prize() != null) ? text(locale, "contest.prize." + e.prize()) : "");
			rows.add(row);
		}
		return Sheets.download("hoi-thi-" + contestId + ".xlsx", Sheets.workbook(contest.title(), headings, rows));
	}

	private String sheet(CurrentUser user, long contestId, int round, int judge, Map<String, String> typed,
			Model model) {
		var contest = contestQueries.contest(user, contestId);
		model.addAttribute("contest", contest);
		model.addAttribute("round", round);
		model.addAttribute("judge", judge);
		model.addAttribute("entries", contest.ranking().stream().filter((e) -> e.reached() >= round).toList());
		model.addAttribute("typed", typed);
		return "recognition/scores";
	}

	/** The score boxes of the sheet, named "score-{entry}-{criterion}". */
	private static Map<String, String> scores(Map<String, String> params) {
		var typed = new LinkedHashMap<String, String>();
		params.forEach((name, value) -> {
			if (name.startsWith("score-") && name.length() < 40) {
				typed.put(name.substring("score-".length()), value);
			}
		});
		return typed;
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
