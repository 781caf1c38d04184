package vn.chibo.evaluation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.DecimalComma;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.PageOf;

import vn.chibo.evaluation.EarlyWarnings;
import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.evaluation.Evaluations;
import vn.chibo.evaluation.Rubric;
import vn.chibo.evaluation.RubricForm;
import vn.chibo.evaluation.Rubrics;
import vn.chibo.evaluation.report.QualityReport;
import vn.chibo.evaluation.report.ScoreWorkbook;

/**
 * A meeting's explained score, hand scoring and rescoring; the committee's rubrics and
 * their import.
 */
@Controller
class EvaluationController {

	private static final int WARNINGS_PAGE = 50;

	private final Evaluations evaluations;

	private final Rubrics rubrics;

	private final MeetingQueries meetings;

	private final EvaluationQueries queries;

	private final EarlyWarnings warnings;

	private final ScoreWorkbook workbook;

	private final QualityReport report;

	private final Clock clock;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	EvaluationController(Evaluations evaluations, Rubrics rubrics, MeetingQueries meetings, EvaluationQueries queries,
			Clock clock, EarlyWarnings warnings, ScoreWorkbook workbook, QualityReport report,
			OrganizationQueries organizations, MessageSource messages) {
		this.organizations = organizations;
		this.messages = messages;
		this.rubrics = rubrics;
		this.report = report;
		this.workbook = workbook;
		this.warnings = warnings;
		this.queries = queries;
		this.clock = clock;
		this.evaluations = evaluations;
		this.meetings = meetings;
	}

	@GetMapping("/evaluation")
	String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long branchId, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		var shown = (year != null) ? year : LocalDate.now(clock).getYear();
		var dashboard = queries.dashboard(user, shown, branchId);
		model.addAttribute("dashboard", dashboard);
		// The heat map a page of branches at a time, as the meetings grid; the figures
		// below it are the whole scope's.
		var branches = PageOf.of(dashboard.rows(), page, HeatmapRows.PAGE);
		model.addAttribute("heatmap", HeatmapRows.of(branches.items(), "/evaluation/meetings/", messages, locale));
		model.addAttribute("heatmapPage", branches);
		model.addAttribute("breakdown", (dashboard.rows().size() == 1)
				? queries.breakdown(user, shown, dashboard.rows().getFirst().branchId()) : null);
		model.addAttribute("year", String.valueOf(shown));
		model.addAttribute("yearNumber", shown);
		model.addAttribute("branchId", branchId);
		model.addAttribute("scopes", scopes(user));
		return "evaluation/dashboard";
	}

	/**
	 * What the dashboard can be narrowed to: the user's tree down to its branches (the
	 * committee, its partial committees, each branch), then the branches they follow.
	 */
	private List<OrgNode> scopes(CurrentUser user) {
		var readable = queries.branches(user, null);
		var ids = readable.stream().map(OrgNode::id).collect(Collectors.toSet());
		var scopes = new ArrayList<OrgNode>();
		for (var node : organizations.tree(user.committeeId(), user.scopeOrganizationId())) {
			var holdsBranches = organizations.subtreeIds(user.committeeId(), node.id())
				.stream()
				.anyMatch(ids::contains);
			if (node.active() && node.level() != OrgLevel.GROUP && holdsBranches) {
				scopes.add(node);
			}
		}
		readable.stream().filter((b) -> scopes.stream().noneMatch((s) -> s.id() == b.id())).forEach(scopes::add);
		return scopes;
	}

	@GetMapping("/evaluation/scores.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
			@RequestParam(required = false) @Nullable Long branchId, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("diem-sinh-hoat-" + year + ".xlsx").build().toString())
			.body(workbook.export(user, year, branchId, locale));
	}

	@GetMapping("/evaluation/report.docx")
	ResponseEntity<byte[]> reportDocx(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		return file(report.docx(report.report(user, year)),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"bao-cao-chat-luong-sinh-hoat-" + year + ".docx");
	}

	@GetMapping("/evaluation/report.pdf")
	ResponseEntity<byte[]> reportPdf(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		return file(report.pdf(report.report(user, year)), "application/pdf",
				"bao-cao-chat-luong-sinh-hoat-" + year + ".pdf");
	}

	private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(content);
	}

	/**
	 * The early warnings, newest first, {@value #WARNINGS_PAGE} a page: a committee of
	 * 10,000 members may have a thousand.
	 */
	@GetMapping("/evaluation/warnings")
	String warnings(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("warnings", PageOf.of(warnings.warnings(user), page, WARNINGS_PAGE));
		model.addAttribute("canSend", user.role().readsMemberRecords() && user.role() != Role.SECRETARY);
		return "evaluation/warnings";
	}

	@PostMapping("/evaluation/warnings/send")
	String send(@AuthenticationPrincipal CurrentUser user, @RequestParam String key,
			@RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
		Flash.report(redirect, "warning.flash.sent", () -> warnings.send(user, key));
		redirect.addAttribute("page", Math.max(0, page));
		return "redirect:/evaluation/warnings";
	}

	@GetMapping("/evaluation/meetings/{id}")
	String meeting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var meeting = meetings.readable(user, id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("scores", evaluations.scores(user, id));
		model.addAttribute("scorer", evaluations.scorer(user, meeting));
		model.addAttribute("mayRescore", evaluations.mayRescore(user, meeting));
		return "evaluation/meeting";
	}

	@PostMapping("/evaluation/meetings/{id}/scores")
	String score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long rubricId,
			@RequestParam String criterion, @RequestParam(required = false) @Nullable String points,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		try {
			evaluations.score(user, id, rubricId, criterion, typed(points), note);
			Flash.success(redirect, "evaluation.flash.scored", criterion);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/evaluation/meetings/" + id + "#c-" + rubricId + "-" + criterion;
	}

	/**
	 * Points as Vietnamese type them ("3,5"); what is not a number reads as none, which
	 * the scoring refuses with the criterion's range.
	 */
	private static @Nullable Double typed(@Nullable String points) {
		try {
			var value = DecimalComma.parse(points);
			return (value != null) ? value.doubleValue() : null;
		}
		catch (IllegalArgumentException notANumber) {
			return null;
		}
	}

	@PostMapping("/evaluation/meetings/{id}/rescore")
	String rescore(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		Flash.run(redirect, "evaluation.flash.rescored", () -> evaluations.rescore(user, id, reason));
		return "redirect:/evaluation/meetings/" + id;
	}

	@GetMapping("/evaluation/rubrics")
	String rubrics(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("rubrics", rubrics.rubrics(user.committeeId()));
		model.addAttribute("canImport", user.role().managesStructure());
		model.addAttribute("excusedOutsideRate", evaluations.excusedOutsideRate(user.committeeId()));
		return "evaluation/rubrics";
	}

	@GetMapping("/evaluation/rubrics/{id}.json")
	ResponseEntity<String> rubricFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var text = rubrics.definition(user.committeeId(), id);
		var rubric = rubrics.rubric(user.committeeId(), id);
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(rubric.code() + "-v" + rubric.version() + ".json")
						.build()
						.toString())
			.body(text);
	}

	/**
	 * Points and thresholds as Vietnamese write them: a decimal comma (a point is read
	 * too), whole numbers without decimals.
	 */
	@InitBinder("form")
	void decimals(WebDataBinder binder) {
		binder.registerCustomEditor(Double.class, DecimalComma.doubles());
	}

	@GetMapping("/evaluation/rubrics/{id}/edit")
	String editRubric(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("rubric");
		}
		var base = rubrics.rubric(user.committeeId(), id);
		model.addAttribute("form", RubricForm.of(base));
		return rubricForm(user, id, base, model);
	}

	@PostMapping("/evaluation/rubrics/{id}/edit")
	String saveRubric(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") RubricForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		var base = rubrics.rubric(user.committeeId(), id);
		try {
			if (binding.hasFieldErrors()) {
				throw Rubrics.unreadable(Objects.requireNonNull(binding.getFieldError()).getField(), base);
			}
			var saved = rubrics.rubric(user.committeeId(), rubrics.saveEdited(user, id, form));
			Flash.success(redirect, "rubric.flash.edited", saved.name(), saved.version());
			return "redirect:/evaluation/rubrics";
		}
		catch (BusinessRuleException ex) {
			form.padTo(base);
			model.addAttribute("flashError", new Flash.Message(ex.messageKey(), ex.arguments()));
			return rubricForm(user, id, base, model);
		}
	}

	private String rubricForm(CurrentUser user, long id, Rubric base, Model model) {
		model.addAttribute("baseId", id);
		model.addAttribute("base", base);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("nextVersion",
				rubrics.rubrics(user.committeeId())
					.stream()
					.filter((r) -> r.rubric().code().equals(base.code()))
					.mapToInt((r) -> r.rubric().version())
					.max()
					.orElse(0) + 1);
		return "evaluation/rubric-edit";
	}

	@PostMapping("/evaluation/settings")
	String settings(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean excusedOutsideRate, RedirectAttributes redirect) {
		evaluations.setExcusedOutsideRate(user, excusedOutsideRate);
		Flash.success(redirect, "rubric.flash.settings");
		return "redirect:/evaluation/rubrics";
	}

	@PostMapping("/evaluation/rubrics")
	String importRubric(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessRuleException("file", "rubric.file.required");
			}
			rubrics.importRubric(user, new String(file.getBytes(), StandardCharsets.UTF_8));
			Flash.success(redirect, "rubric.flash.imported");
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/evaluation/rubrics";
	}

}
