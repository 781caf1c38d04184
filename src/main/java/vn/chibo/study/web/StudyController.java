package vn.chibo.study.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.member.MemberQueries;
import vn.chibo.shared.audit.AuditQueries;
import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.print.Sheets;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.Years;
import vn.chibo.study.Audience;
import vn.chibo.study.CopyCheck;
import vn.chibo.study.Grade;
import vn.chibo.study.Presence;
import vn.chibo.study.ReflectionStatus;
import vn.chibo.study.Reflections;
import vn.chibo.study.StudyKind;
import vn.chibo.study.StudyQueries;
import vn.chibo.study.StudyService;
import vn.chibo.study.StudySessionForm;
import vn.chibo.study.print.StudyReport;

/**
 * The study pages: the sessions of a year, a session with its documents and audience, the
 * roll call, one's own reflection (written on a phone or a file), the grader's list with
 * who has not handed in, and a reflection with what it shares with others side by side.
 */
@Controller
@RequestMapping("/study")
public class StudyController {

	private final StudyQueries queries;

	private final StudyService study;

	private final Reflections reflections;

	private final MemberQueries members;

	private final AuditQueries audit;

	private final Clock clock;

	private final StudyReport report;

	private final CopyCheck copies;

	private final MessageSource messages;

	StudyController(StudyQueries queries, StudyService study, Reflections reflections, MemberQueries members,
			AuditQueries audit, Clock clock, StudyReport report, MessageSource messages, CopyCheck copies) {
		this.copies = copies;
		this.report = report;
		this.messages = messages;
		this.queries = queries;
		this.study = study;
		this.reflections = reflections;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(queries.years(user), shown));
		model.addAttribute("sessions", queries.sessions(user, shown));
		model.addAttribute("assignments", queries.assignments(user, LocalDate.now(clock).minusYears(1)));
		model.addAttribute("canOrganize", !study.organizers(user).isEmpty());
		return "study/list";
	}

	/** The sessions of a year with their attendance and reflections, as a spreadsheet. */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportYear(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		var shown = Years.shown(year, clock, 2000);
		var rows = new ArrayList<List<?>>();
		for (var s : queries.sessions(user, shown)) {
			rows.add(List.of(rows.size() + 1, s.heldOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), s.title(),
					messages.getMessage("study.kind." + s.kind(), null, locale), s.organizerName(), s.roster(),
					s.present(), s.presentPercent(), s.submitted(), s.graded()));
		}
		var headings = Stream
			.of("study.column.number", "study.field.heldOn", "study.field.title", "study.field.kind",
					"study.field.organizerId", "study.column.roster", "study.column.present",
					"study.column.presentPercent", "study.column.handedIn", "study.column.graded")
			.map((k) -> messages.getMessage(k, null, locale))
			.toList();
		return Sheets.download("hoc-tap-" + shown + ".xlsx",
				Sheets.workbook(messages.getMessage("study.title", null, locale), headings, rows));
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		var organizers = study.organizers(user);
		if (organizers.isEmpty()) {
			throw new AccessDeniedException("study");
		}
		var form = new StudySessionForm();
		form.setKind(StudyKind.RESOLUTION);
		form.setOrganizerId(organizers.getFirst().id());
		form.setAudience(organizers.getFirst().level().holdsMembers() ? Audience.BRANCHES : Audience.COMMITTEE);
		if (organizers.getFirst().level().holdsMembers()) {
			form.getBranchIds().add(organizers.getFirst().id());
		}
		form.setHeldOn(LocalDate.now(clock));
		model.addAttribute("form", form);
		return form(user, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") StudySessionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (study.organizers(user).isEmpty()) {
			throw new AccessDeniedException("study");
		}
		if (!result.hasErrors()) {
			try {
				var id = study.create(user, form);
				Flash.success(redirect, "study.flash.created", form.getTitle());
				return "redirect:/study/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model);
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var session = queries.session(user, id);
		var attendees = queries.attendees(user, id);
		model.addAttribute("studySession", session);
		model.addAttribute("manages", queries.manages(user, session));
		model.addAttribute("takesRollCall", queries.takesRollCall(user, session));
		model.addAttribute("own", queries.own(user, id).orElse(null));
		model.addAttribute("ownReflection", queries.ownReflection(user, id).orElse(null));
		model.addAttribute("grades", attendees.stream().anyMatch((a) -> queries.grades(user, a.branchId())));
		model.addAttribute("counts", Counts.of(attendees));
		if (user.role().readsAudit()) {
			model.addAttribute("auditEntries", audit.forEntity(user.committeeId(), StudyService.AUDIT_TYPE, id));
		}
		return "study/show";
	}

	/** The organiser's report of the session, in the Party's layout. */
	@GetMapping("/{id}/report.pdf")
	ResponseEntity<byte[]> reportPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var pdf = report.pdf(user, id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("bao-cao-hoc-tap-" + id + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var session = managed(user, id);
		model.addAttribute("studySession", session);
		model.addAttribute("form", toForm(session));
		return form(user, model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") StudySessionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var session = managed(user, id);
		if (!result.hasErrors()) {
			try {
				study.update(user, id, form);
				Flash.success(redirect, "study.flash.updated", form.getTitle());
				return "redirect:/study/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("studySession", session);
		return form(user, model);
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (Flash.run(redirect, "study.flash.deleted", () -> study.delete(user, id))) {
			return "redirect:/study";
		}
		return "redirect:/study/" + id;
	}

	@GetMapping("/{id}/attendance")
	String attendance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var session = queries.session(user, id);
		if (!queries.takesRollCall(user, session)) {
			throw new AccessDeniedException("study");
		}
		var attendees = queries.attendees(user, id);
		model.addAttribute("studySession", session);
		model.addAttribute("attendees", attendees.stream().filter((a) -> !a.exempted()).toList());
		model.addAttribute("exempted", attendees.stream().filter(StudyQueries.Attendee::exempted).toList());
		model.addAttribute("counts", Counts.of(attendees));
		model.addAttribute("statuses", Presence.values());
		// The QR check-in on the session's day, shown by its organiser.
		model.addAttribute("showsCode", queries.manages(user, session)
				&& session.heldOn().equals(LocalDate.now(clock.withZone(StudyService.ZONE))));
		return "study/attendance";
	}

	@PostMapping("/{id}/roster")
	String takeRoster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.report(redirect, "study.flash.roster", () -> study.takeRoster(user, id));
		return "redirect:/study/" + id + "/attendance";
	}

	@PostMapping("/{id}/attendance/all")
	String everyonePresent(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		Flash.report(redirect, "study.flash.everyonePresent", () -> study.everyonePresent(user, id));
		return "redirect:/study/" + id + "/attendance";
	}

	@PostMapping("/{id}/attendance/{memberId}")
	String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long memberId,
			@RequestParam(required = false) @Nullable Presence status,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		Flash.run(redirect, "study.flash.recorded", () -> study.record(user, id, memberId, status, reason));
		return "redirect:/study/" + id + "/attendance#m" + memberId;
	}

	@GetMapping("/{id}/reflection")
	String ownReflection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var session = queries.session(user, id);
		model.addAttribute("studySession", session);
		model.addAttribute("own", queries.own(user, id).orElse(null));
		var reflection = queries.ownReflection(user, id).orElse(null);
		model.addAttribute("reflection", reflection);
		model.addAttribute("body", (reflection != null) ? reflection.body() : null);
		return "study/write";
	}

	@PostMapping("/{id}/reflection")
	String write(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "save") String action,
			@RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect)
			throws IOException {
		var submit = "submit".equals(action);
		try {
			var upload = (file != null && !file.isEmpty())
					? Reflections.read(file.getOriginalFilename(), file.getBytes()) : null;
			reflections.write(user, id, body, upload, submit, version);
			Flash.success(redirect, submit ? "study.flash.submitted" : "study.flash.saved");
			return "redirect:/study/" + id + (submit ? "" : "/reflection");
		}
		catch (BusinessRuleException ex) {
			// What was typed stays on the page with the message.
			var session = queries.session(user, id);
			model.addAttribute("studySession", session);
			model.addAttribute("own", queries.own(user, id).orElse(null));
			model.addAttribute("reflection", queries.ownReflection(user, id).orElse(null));
			model.addAttribute("body", body);
			model.addAttribute("error", ex);
			return "study/write";
		}
	}

	@GetMapping("/{id}/reflections")
	String reflections(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var session = queries.session(user, id);
		var mine = queries.attendees(user, id).stream().filter((a) -> queries.grades(user, a.branchId())).toList();
		if (mine.isEmpty() && !queries.manages(user, session)) {
			throw new AccessDeniedException("study");
		}
		model.addAttribute("studySession", session);
		model.addAttribute("attendees", mine);
		model.addAttribute("missing",
				mine.stream()
					.filter((a) -> !a.exempted() && (a.reflection() == null || !a.reflection().handedIn())
							&& (a.status() == null || a.status() == Presence.PRESENT || session.absentMayWrite()))
					.toList());
		return "study/reflections";
	}

	@GetMapping("/reflections/{reflectionId}")
	String reflection(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId, Model model) {
		var view = queries.reflection(user, reflectionId);
		var grader = queries.grades(user, view.branchId());
		model.addAttribute("reflection", view);
		model.addAttribute("grader", grader);
		model.addAttribute("comparisons", grader ? copies.comparisons(user, reflectionId) : List.of());
		model.addAttribute("grades", Grade.values());
		return "study/reflection";
	}

	@PostMapping("/reflections/{reflectionId}/grade")
	String grade(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId,
			@RequestParam(required = false) @Nullable Grade grade,
			@RequestParam(required = false) @Nullable String comment,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		Flash.run(redirect, "study.flash.graded", () -> reflections.grade(user, reflectionId, grade, comment, version));
		return "redirect:/study/reflections/" + reflectionId;
	}

	@PostMapping("/reflections/{reflectionId}/return")
	String giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId,
			@RequestParam(required = false) @Nullable String comment,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		Flash.run(redirect, "study.flash.returned", () -> reflections.giveBack(user, reflectionId, comment, version));
		return "redirect:/study/reflections/" + reflectionId;
	}

	/**
	 * A PDF opens in the browser; a DOCX, or a PDF asked for with ?download, downloads.
	 */
	@GetMapping("/reflections/{reflectionId}/file")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId,
			@RequestParam(required = false) @Nullable String download) {
		var view = queries.reflection(user, reflectionId);
		var content = queries.file(user, reflectionId).orElseThrow(NotFoundException::new);
		var type = (view.contentType() != null) ? view.contentType() : MediaType.APPLICATION_OCTET_STREAM_VALUE;
		var inline = download == null && UploadedFiles.PDF.equals(type);
		var disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition
						.filename((view.fileName() != null) ? view.fileName() : "bai-thu-hoach", StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	/** The roll call's and the reflections' figures of a roster. */
	public record Counts(long roster, long present, long excused, long unexcused, long notCalled, long exempted,
			long handedIn, long graded) {

		public static Counts of(List<StudyQueries.Attendee> attendees) {
			var rated = attendees.stream().filter((a) -> !a.exempted()).toList();
			return new Counts(rated.size(), rated.stream().filter((a) -> a.status() == Presence.PRESENT).count(),
					rated.stream().filter((a) -> a.status() == Presence.ABSENT_EXCUSED).count(),
					rated.stream().filter((a) -> a.status() == Presence.ABSENT_UNEXCUSED).count(),
					rated.stream().filter((a) -> a.status() == null).count(), attendees.size() - rated.size(),
					attendees.stream().filter((a) -> a.reflection() != null && a.reflection().handedIn()).count(),
					attendees.stream().filter((a) -> a.reflection() == ReflectionStatus.GRADED).count());
		}

		public int presentPercent() {
			return (roster == 0) ? 0 : (int) Math.round(100.0 * present / roster);
		}

	}

	private StudyQueries.SessionDetails managed(CurrentUser user, long id) {
		var session = queries.session(user, id);
		if (!queries.manages(user, session)) {
			throw new AccessDeniedException("study");
		}
		return session;
	}

	private static StudySessionForm toForm(StudyQueries.SessionDetails session) {
		var form = new StudySessionForm();
		form.setOrganizerId(session.organizerId());
		form.setKind(session.kind());
		form.setTitle(session.title());
		form.setHeldOn(session.heldOn());
		form.setStartsAt(session.startsAt());
		form.setPlace(session.place());
		form.setReporter(session.reporter());
		form.setReporterPost(session.reporterPost());
		form.setDocuments(String.join(", ", session.documents().stream().map((d) -> d.number()).toList()));
		form.setAudience(session.audience());
		form.setBranchIds(new ArrayList<>(session.branches().stream().map(StudyQueries.Named::id).toList()));
		form.setMemberIds(new ArrayList<>(session.members().stream().map(StudyQueries.Named::id).toList()));
		form.setQuestions(session.questions());
		form.setReflectionDue(session.reflectionDue());
		form.setAbsentMayWrite(session.absentMayWrite());
		form.setVersion(session.version());
		return form;
	}

	private String form(CurrentUser user, Model model) {
		var organizers = study.organizers(user);
		model.addAttribute("organizers", organizers);
		var branches = organizers.stream().filter((o) -> o.level().holdsMembers()).toList();
		model.addAttribute("branches", branches);
		model.addAttribute("people", members.choices(user, LocalDate.now(clock)));
		model.addAttribute("kinds", StudyKind.values());
		model.addAttribute("audiences", Audience.values());
		return "study/form";
	}

}
