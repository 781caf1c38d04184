package vn.chibo.inspection.web;

import java.io.IOException;
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
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.print.Sheets;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Downloads;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.Option;
import vn.chibo.shared.web.Years;

import vn.chibo.inspection.ConclusionForm;
import vn.chibo.inspection.DecisionForm;
import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionBody;
import vn.chibo.inspection.InspectionForm;
import vn.chibo.inspection.InspectionKind;
import vn.chibo.inspection.InspectionQueries;
import vn.chibo.inspection.InspectionStep;
import vn.chibo.inspection.Inspections;
import vn.chibo.inspection.RemedyForm;
import vn.chibo.inspection.StepForm;
import vn.chibo.inspection.documents.InspectionDocuments;

/**
 * The inspection pages: the year's programme with plan against done by month, the form of
 * an item, one inspection as a guided record from the decision to the remedies verified,
 * its documents and the year's programme as a spreadsheet.
 */
@Controller
@RequestMapping("/inspection")
class InspectionController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** The largest file gathered at a step. */
	static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	private final Inspections inspections;

	private final InspectionQueries queries;

	private final InspectionAccess access;

	private final InspectionDocuments documents;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final Clock clock;

	InspectionController(Inspections inspections, InspectionQueries queries, InspectionAccess access,
			InspectionDocuments documents, MemberQueries members, OrganizationQueries organizations,
			MessageSource messages, Clock clock) {
		this.inspections = inspections;
		this.queries = queries;
		this.access = access;
		this.documents = documents;
		this.members = members;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String programme(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(queries.years(user), shown));
		model.addAttribute("programme", queries.programme(user, shown));
		model.addAttribute("currentMonth",
				(shown == LocalDate.now(clock).getYear()) ? LocalDate.now(clock).getMonthValue() : 0);
		return "inspection/programme";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		access.requireInsider(user);
		var form = new InspectionForm();
		form.setYear(Years.shown(year, clock, 2000));
		form.setKind(InspectionKind.SUPERVISION);
		form.setBody(InspectionBody.COMMITTEE);
		form.setPlannedMonth(LocalDate.now(clock).getMonthValue());
		model.addAttribute("form", form);
		return form(user, model, null);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") InspectionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		access.requireInsider(user);
		if (!result.hasErrors()) {
			try {
				var id = inspections.plan(user, form);
				Flash.success(redirect, "inspection.flash.planned");
				return "redirect:/inspection/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model, null);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		access.requireInsider(user);
		var item = queries.item(user, id);
		var form = new InspectionForm();
		form.setYear(item.year());
		form.setKind(item.kind());
		form.setBody(item.body());
		form.setPlannedMonth(item.plannedMonth());
		form.setBranchId((item.memberId() == null) ? item.branchId() : null);
		form.setMemberId(item.memberId());
		form.setContent(item.content());
		form.setPeriod(item.period());
		form.setLeadName(item.leadName());
		form.setTeam(item.team());
		model.addAttribute("form", form);
		return form(user, model, id);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") InspectionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		access.requireInsider(user);
		if (!result.hasErrors()) {
			try {
				inspections.update(user, id, form);
				Flash.success(redirect, "inspection.flash.saved");
				return "redirect:/inspection/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model, id);
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		var year = queries.item(user, id).year();
		if (Flash.run(redirect, "inspection.flash.deleted", () -> inspections.remove(user, id))) {
			return "redirect:/inspection?year=" + year;
		}
		return "redirect:/inspection/" + id;
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var detail = queries.detail(user, id);
		model.addAttribute("detail", detail);
		model.addAttribute("item", detail.item());
		if (detail.insider()) {
			var done = detail.steps().stream().map(InspectionQueries.StepRow::step).toList();
			model.addAttribute("workSteps",
					InspectionStep.WORK.stream().filter((s) -> s.repeatable() || !done.contains(s)).toList());
		}
		model.addAttribute("today", DATE.format(LocalDate.now(clock)));
		return "inspection/inspection";
	}

	@PostMapping("/{id}/decision")
	String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("decision") DecisionForm form, BindingResult result, RedirectAttributes redirect,
			Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "inspection.field.")) {
			Flash.run(redirect, "inspection.flash.decided", () -> inspections.decide(user, id, form));
		}
		return "redirect:/inspection/" + id;
	}

	@PostMapping("/{id}/steps")
	String step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("step") StepForm form,
			BindingResult result, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect, Locale locale) throws IOException {
		if (!Flash.unreadable(result, redirect, messages, locale, "inspection.field.")) {
			try {
				var upload = read(file);
				Flash.run(redirect, "inspection.flash.step", () -> inspections.record(user, id, form, upload));
			}
			catch (BusinessRuleException ex) {
				Flash.error(redirect, ex);
			}
		}
		return "redirect:/inspection/" + id;
	}

	@PostMapping("/{id}/conclusion")
	String conclude(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("conclusion") ConclusionForm form, BindingResult result, RedirectAttributes redirect,
			Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "inspection.field.")) {
			Flash.run(redirect, "inspection.flash.concluded", () -> inspections.conclude(user, id, form));
		}
		return "redirect:/inspection/" + id;
	}

	@PostMapping("/{id}/remedies")
	String remedy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("remedy") RemedyForm form, BindingResult result, RedirectAttributes redirect,
			Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "inspection.field.")) {
			Flash.run(redirect, "inspection.flash.remedy", () -> inspections.addRemedy(user, id, form));
		}
		return "redirect:/inspection/" + id + "#remedies";
	}

	@PostMapping("/{id}/remedies/{remedyId}/report")
	String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long remedyId,
			@ModelAttribute("report") StepForm form, BindingResult result, RedirectAttributes redirect, Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "inspection.field.")) {
			Flash.run(redirect, "inspection.flash.reported", () -> inspections.reportRemedy(user, id, remedyId, form));
		}
		return "redirect:/inspection/" + id + "#remedies";
	}

	@PostMapping("/{id}/remedies/{remedyId}/verify")
	String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long remedyId,
			@ModelAttribute("verify") StepForm form, BindingResult result, RedirectAttributes redirect, Locale locale) {
		if (!Flash.unreadable(result, redirect, messages, locale, "inspection.field.")) {
			Flash.run(redirect, "inspection.flash.verified", () -> inspections.verifyRemedy(user, id, remedyId, form));
		}
		return "redirect:/inspection/" + id + "#remedies";
	}

	@GetMapping("/steps/{stepId}/file")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long stepId) {
		var file = queries.file(user, stepId).orElseThrow(NotFoundException::new);
		return Downloads.file(file.content(), MediaType.parseMediaType(file.contentType()), file.name(),
				UploadedFiles.PDF.equals(file.contentType()));
	}

	/** The decision, the plan or the notice of the conclusion, as PDF. */
	@GetMapping("/{id}/{kind:decision|plan|conclusion}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String kind) {
		return Downloads.file(documents.pdf(user, id, kind(kind)), MediaType.APPLICATION_PDF, kind + "-" + id + ".pdf",
				true);
	}

	@GetMapping("/{id}/{kind:decision|plan|conclusion}.docx")
	ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String kind) {
		return Downloads.file(documents.docx(user, id, kind(kind)), MediaType.parseMediaType(UploadedFiles.DOCX),
				kind + "-" + id + ".docx", false);
	}

	/** The year's programme as a spreadsheet, with where each item stands. */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		var shown = Years.shown(year, clock, 2000);
		var rows = new ArrayList<List<?>>();
		for (var item : queries.programme(user, shown).items()) {
			rows.add(List.of(rows.size() + 1, text(locale, "inspection.kind." + item.kind()), item.subjectName(),
					item.branchName(), item.content(), item.plannedMonth(),
					(item.decisionNo() != null) ? item.decisionNo() : "",
					(item.decidedOn() != null) ? DATE.format(item.decidedOn()) : "",
					(item.concludedOn() != null) ? DATE.format(item.concludedOn()) : "",
					text(locale, "inspection.status." + item.status())));
		}
		var headings = Arrays
			.stream(new String[] { "inspection.column.number", "inspection.field.kind", "inspection.column.subject",
					"inspection.column.branch", "inspection.field.content", "inspection.field.plannedMonth",
					"inspection.field.decisionNo", "inspection.field.decidedOn", "inspection.field.concludedOn",
					"inspection.column.status" })
			.map((k) -> text(locale, k))
			.toList();
		return Sheets.download("chuong-trinh-kiem-tra-giam-sat-" + shown + ".xlsx",
				Sheets.workbook(text(locale, "inspection.sheet", String.valueOf(shown)), headings, rows));
	}

	private static InspectionDocuments.Kind kind(String kind) {
		return InspectionDocuments.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
	}

	/** A file checked by its content before anything is written; none when none sent. */
	static Inspections.@Nullable StepFile read(@Nullable MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return null;
		}
		var name = UploadedFiles.cleanName(file.getOriginalFilename(), "file");
		if (file.getSize() > MAX_FILE_BYTES) {
			throw new BusinessRuleException("file", "document.file.tooLarge", name, MAX_FILE_BYTES / 1024 / 1024);
		}
		var content = file.getBytes();
		var type = UploadedFiles.sniff(content, name);
		if (type == null) {
			throw new BusinessRuleException("file", "inspection.file.type", name);
		}
		return new Inspections.StepFile(name, type, content);
	}

	private String form(CurrentUser user, Model model, @Nullable Long id) {
		model.addAttribute("id", id);
		model.addAttribute("kinds", InspectionKind.values());
		model.addAttribute("bodies", InspectionBody.values());
		var units = new ArrayList<Option>();
		for (var node : organizations.tree(user.committeeId(), organizations.rootOf(user.committeeId()))) {
			if (node.active() && node.level().holdsMembers()) {
				units.add(new Option(node.id(), node.name(), false));
			}
		}
		model.addAttribute("units", units);
		model.addAttribute("people", members.choices(access.committeeWide(user), LocalDate.now(clock)));
		return "inspection/form";
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
