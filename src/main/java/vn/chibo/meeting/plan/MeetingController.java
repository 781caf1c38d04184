package vn.chibo.meeting.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import vn.chibo.member.MemberRow;
import vn.chibo.member.Namesakes;
import vn.chibo.shared.audit.AuditQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;

import static vn.chibo.meeting.support.MeetingAccess.requirePlanner;

import vn.chibo.meeting.DocumentKind;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.PreparationStep;
import vn.chibo.meeting.TopicGroup;
import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.minutes.SignedMinutes;
import vn.chibo.meeting.notice.MeetingNotices;
import vn.chibo.meeting.preparation.MeetingDocuments;

@Controller
@RequestMapping("/meetings")
class MeetingController {

	private final MeetingQueries queries;

	private final MeetingService meetings;

	private final Clock clock;

	private final AuditQueries audit;

	private final MeetingDocuments documents;

	private final MeetingNotices notices;

	private final MeetingChanges changes;

	private final MeetingComments comments;

	private final SignedMinutes signed;

	private final Namesakes namesakes;

	MeetingController(MeetingQueries queries, MeetingService meetings, Clock clock, AuditQueries audit,
			MeetingDocuments documents, MeetingNotices notices, MeetingChanges changes, MeetingComments comments,
			SignedMinutes signed, Namesakes namesakes) {
		this.namesakes = namesakes;
		this.signed = signed;
		this.comments = comments;
		this.notices = notices;
		this.changes = changes;
		this.documents = documents;
		this.audit = audit;
		this.queries = queries;
		this.meetings = meetings;
		this.clock = clock;
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var meeting = queries.readable(user, id);
		var canPlan = user.role().plansMeetings() && queries.inScope(user, meeting.branchId());
		model.addAttribute("meeting", meeting);
		model.addAttribute("preparation", queries.preparation(user, id));
		model.addAttribute("agenda", queries.agenda(user, id));
		model.addAttribute("comments", comments.comments(user, id));
		model.addAttribute("mayComment", comments.mayComment(user, meeting));
		model.addAttribute("following", queries.follows(user, meeting.branchId()));
		model.addAttribute("documents", queries.documents(user, id));
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("counts", AttendanceCounts.of(queries.attendance(user, id)));
		model.addAttribute("canPlan", canPlan);
		model.addAttribute("signed", signed.locked(user.committeeId(), id));
		if (canPlan && meeting.status() == MeetingStatus.PLANNED) {
			model.addAttribute("notice", notices.preview(user, id));
		}
		if (canPlan) {
			model.addAttribute("auditEntries", audit.forEntity(user.committeeId(), MeetingService.AUDIT_TYPE, id));
		}
		return "meeting/show";
	}

	@PostMapping("/{id}/preparation")
	String prepare(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam PreparationStep step,
			@RequestParam(required = false) @DateTimeFormat(
					pattern = "dd/MM/yyyy HH:mm") @Nullable LocalDateTime doneAt,
			@RequestParam(required = false) @Nullable String lateReason,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		var earlier = (doneAt != null) ? doneAt.atZone(clock.getZone()).toOffsetDateTime() : null;
		Flash.run(redirect, "meeting.flash.prepared",
				() -> meetings.prepare(user, id, step, earlier, lateReason, note));
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/{id}/agenda")
	String agenda(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String agenda,
			@RequestParam(required = false) @Nullable String reset,
			@RequestParam(required = false) @Nullable String amendmentReason, RedirectAttributes redirect) {
		Flash.run(redirect, "meeting.flash.agenda", () -> {
			if (reset != null) {
				meetings.resetAgenda(user, id, amendmentReason);
			}
			else {
				meetings.updateAgenda(user, id, agenda, amendmentReason);
			}
		});
		return "redirect:/meetings/" + id + "#agenda";
	}

	@PostMapping("/reminders")
	String reminders(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String days,
			RedirectAttributes redirect) {
		Flash.run(redirect, "notice.flash.reminderDays", () -> notices.setReminderDays(user, days));
		return "redirect:/meetings#reminders";
	}

	@PostMapping("/{id}/comments")
	String comment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String comment, RedirectAttributes redirect) {
		Flash.run(redirect, "comment.flash.added", () -> comments.add(user, id, comment));
		return "redirect:/meetings/" + id + "#comments";
	}

	@PostMapping("/{id}/notice")
	String notice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.report(redirect, "notice.flash.sent", () -> notices.sendNotice(user, id));
		return "redirect:/meetings/" + id + "#preparation";
	}

	@PostMapping("/{id}/reschedule")
	String reschedule(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate scheduledOn,
			@RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.@Nullable LocalTime startsAt,
			@RequestParam(required = false) @Nullable String place, RedirectAttributes redirect) {
		Flash.run(redirect, "meeting.flash.rescheduled",
				() -> changes.reschedule(user, id, scheduledOn, startsAt, place));
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/{id}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		Flash.run(redirect, "meeting.flash.cancelled", () -> changes.cancel(user, id, reason));
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/{id}/documents")
	String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable DocumentKind kind,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			documents.upload(user, id, kind, (file != null) ? file.getOriginalFilename() : null,
					(file != null) ? file.getBytes() : new byte[0]);
			Flash.success(redirect, "document.flash.attached");
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/meetings/" + id + "#documents";
	}

	@PostMapping("/{id}/documents/share")
	String share(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.report(redirect, "document.flash.shared", () -> documents.share(user, id));
		return "redirect:/meetings/" + id + "#documents";
	}

	@PostMapping("/{id}/documents/{documentId}/delete")
	String detach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long documentId,
			RedirectAttributes redirect) {
		Flash.run(redirect, "document.flash.deleted", () -> documents.delete(user, id, documentId));
		return "redirect:/meetings/" + id + "#documents";
	}

	/**
	 * A document's file: saved, or with {@code inline} opened in the browser when it can
	 * show it (a PDF, a picture).
	 */
	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long documentId, @RequestParam(defaultValue = "false") boolean inline) {
		var download = documents.download(user, id, documentId);
		var disposition = (inline && download.readInBrowser()) ? ContentDisposition.inline()
				: ContentDisposition.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}

	/**
	 * A document read in the browser: a Word file's text, a PDF opened, the file beside.
	 */
	@GetMapping("/{id}/documents/{documentId}/read")
	String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long documentId,
			Model model) {
		model.addAttribute("meeting", queries.readable(user, id));
		model.addAttribute("document", documents.reading(user, id, documentId));
		return "meeting/document";
	}

	@PostMapping("/plan")
	String planYear(@AuthenticationPrincipal CurrentUser user, @RequestParam long branchId, @RequestParam int year,
			RedirectAttributes redirect) {
		try {
			var added = meetings.planYear(user, branchId, year);
			Flash.success(redirect, "meeting.flash.planned", added, String.valueOf(year));
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/meetings?year=" + year + "&branchId=" + branchId;
	}

	@PostMapping("/settings")
	String regularDay(@AuthenticationPrincipal CurrentUser user, @RequestParam long branchId,
			@RequestParam int regularDay, @RequestParam int year, RedirectAttributes redirect) {
		try {
			meetings.setRegularDay(user, branchId, regularDay);
			Flash.success(redirect, "meeting.flash.regularDay", regularDay);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/meetings?year=" + year + "&branchId=" + branchId;
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam long branchId,
			@RequestParam(required = false) @Nullable MeetingKind kind, Model model) {
		requirePlanner(user);
		var form = new MeetingForm();
		form.setBranchId(branchId);
		form.setKind((kind != null) ? kind : MeetingKind.THEMATIC);
		model.addAttribute("form", form);
		return form(user, model, branchId);
	}

	@PostMapping
	String schedule(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") MeetingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requirePlanner(user);
		if (!result.hasErrors()) {
			try {
				meetings.schedule(user, form);
				Flash.success(redirect, "meeting.flash.scheduled");
				var date = form.getScheduledOn();
				return "redirect:/meetings?year=" + ((date != null) ? date.getYear() : "") + "&branchId="
						+ form.getBranchId();
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model, form.getBranchId());
	}

	private String form(CurrentUser user, Model model, @Nullable Long branchId) {
		var branch = queries.branches(user, branchId).stream().findFirst().orElseThrow(NotFoundException::new);
		model.addAttribute("branch", branch);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("topicGroups", TopicGroup.values());
		var members = queries.branchMembers(user, branch.id());
		model.addAttribute("members", members);
		model.addAttribute("labels",
				namesakes.labels(user.committeeId(), members.stream().map(MemberRow::id).toList()));
		return "meeting/form";
	}

}
