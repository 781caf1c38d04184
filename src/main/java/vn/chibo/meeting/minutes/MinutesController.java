package vn.chibo.meeting.minutes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.member.Namesakes;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.attendance.AttendanceRow;

/**
 * The minutes screen: the record with its sections, speeches, the review of the previous
 * resolution and of the branch's tasks, the new targets and tasks, proposals, signatures
 * and amendments; the committee's queue of proposals; a member's own tasks.
 */
@Controller
class MinutesController {

	private final MeetingQueries meetings;

	private final MinutesQueries queries;

	private final MeetingMinutes minutes;

	private final MinutesEntries entries;

	private final MinutesFollowUp followUp;

	private final Clock clock;

	private final MinutesExport export;

	private final Namesakes namesakes;

	MinutesController(MeetingQueries meetings, MinutesQueries queries, MeetingMinutes minutes, MinutesEntries entries,
			MinutesFollowUp followUp, Clock clock, MinutesExport export, Namesakes namesakes) {
		this.entries = entries;
		this.namesakes = namesakes;
		this.followUp = followUp;
		this.export = export;
		this.meetings = meetings;
		this.queries = queries;
		this.minutes = minutes;
		this.clock = clock;
	}

	@GetMapping("/meetings/{id}/minutes")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var current = queries.minutes(user, id).orElse(null);
		model.addAttribute("form", form(current));
		return page(user, id, current, model);
	}

	@PostMapping("/meetings/{id}/minutes")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") MinutesForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				minutes.save(user, id, form);
				Flash.success(redirect, "minutes.flash.saved");
				return "redirect:/meetings/" + id + "/minutes";
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		// The user's text stays in the form, with the message (a conflict included).
		return page(user, id, queries.minutes(user, id).orElse(null), model);
	}

	@GetMapping("/meetings/{id}/minutes.docx")
	ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var document = export.document(user, id);
		return download(export.docx(document),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName(user, id, "docx"));
	}

	@GetMapping("/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var document = export.document(user, id);
		return download(export.pdf(document), "application/pdf", fileName(user, id, "pdf"));
	}

	private String fileName(CurrentUser user, long id, String extension) {
		var meeting = meetings.readable(user, id);
		return "bien-ban-" + VietnameseText.fold(meeting.branchName()).replace(' ', '-') + "-" + meeting.scheduledOn()
				+ "." + extension;
	}

	private static ResponseEntity<byte[]> download(byte[] content, String type, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(content);
	}

	@PostMapping("/meetings/{id}/minutes/sign")
	String sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.signed", () -> minutes.sign(user, id));
	}

	@PostMapping("/meetings/{id}/speeches")
	String addSpeech(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long speakerId,
			@RequestParam(required = false) @Nullable String guestName,
			@RequestParam(required = false) @Nullable String content, RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.speech",
				() -> entries.addSpeech(user, id, speakerId, guestName, content), "#speeches");
	}

	@PostMapping("/meetings/{id}/speeches/{speechId}/delete")
	String removeSpeech(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long speechId,
			RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.removed", () -> entries.removeSpeech(user, id, speechId), "#speeches");
	}

	@PostMapping("/meetings/{id}/targets")
	String addTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String target, RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.target", () -> entries.addTarget(user, id, target), "#targets");
	}

	@PostMapping("/meetings/{id}/targets/{targetId}/delete")
	String removeTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long targetId,
			RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.removed", () -> entries.removeTarget(user, id, targetId), "#targets");
	}

	@PostMapping("/meetings/{id}/targets/{targetId}/review")
	String reviewTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long targetId,
			@RequestParam(required = false) @Nullable Boolean met,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.reviewed", () -> entries.reviewTarget(user, id, targetId, met, note),
				"#review");
	}

	@PostMapping("/meetings/{id}/tasks")
	String addTask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long taskMember,
			@RequestParam(required = false) @Nullable String taskContent,
			@RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate taskDue,
			RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.task",
				() -> entries.addTask(user, id, taskMember, taskContent, taskDue), "#tasks");
	}

	@PostMapping("/meetings/{id}/tasks/{taskId}/delete")
	String removeTask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long taskId,
			RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.removed", () -> entries.removeTask(user, id, taskId), "#tasks");
	}

	/**
	 * Moves a task on from the minutes page (verified at that meeting) or from the
	 * member's own list.
	 */
	@PostMapping("/meetings/tasks/{taskId}/status")
	String taskStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long taskId,
			@RequestParam TaskStatus status, @RequestParam(required = false) @Nullable Long meetingId,
			RedirectAttributes redirect) {
		Flash.run(redirect, "minutes.flash.taskStatus", () -> followUp.setTaskStatus(user, taskId, status, meetingId));
		return (meetingId != null) ? "redirect:/meetings/" + meetingId + "/minutes#review-tasks"
				: "redirect:/meetings/tasks/mine";
	}

	@PostMapping("/meetings/{id}/proposals")
	String addProposal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String proposer,
			@RequestParam(required = false) @Nullable String proposal, RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.proposal", () -> entries.addProposal(user, id, proposer, proposal),
				"#proposals");
	}

	@PostMapping("/meetings/{id}/proposals/{proposalId}/delete")
	String removeProposal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long proposalId, RedirectAttributes redirect) {
		return act(redirect, id, "minutes.flash.removed", () -> entries.removeProposal(user, id, proposalId),
				"#proposals");
	}

	/** The committee's queue of proposals forwarded by its branches. */
	@GetMapping("/meetings/proposals")
	String proposals(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean answered,
			Model model) {
		model.addAttribute("proposals", queries.proposalQueue(user, answered));
		model.addAttribute("answered", answered);
		model.addAttribute("canAnswer", user.role().answersProposals());
		return "meeting/proposals";
	}

	@PostMapping("/meetings/proposals/{proposalId}/answer")
	String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long proposalId,
			@RequestParam(required = false) @Nullable String answer, RedirectAttributes redirect) {
		Flash.run(redirect, "minutes.flash.answered", () -> followUp.answerProposal(user, proposalId, answer));
		return "redirect:/meetings/proposals";
	}

	/** The signed-in member's tasks from the minutes of their branch. */
	@GetMapping("/meetings/tasks/mine")
	String myTasks(@AuthenticationPrincipal CurrentUser user, Model model) {
		var memberId = user.memberId();
		if (memberId == null) {
			throw new NotFoundException();
		}
		model.addAttribute("tasks", queries.tasksOf(user, memberId));
		model.addAttribute("today", LocalDate.now(clock));
		return "meeting/my-tasks";
	}

	/**
	 * A text section of the minutes, in the order of the procedure (docs/domain.md §16).
	 */
	public record Section(String name, @Nullable String value) {
	}

	private static List<Section> sections(MinutesForm form) {
		return List.of(new Section("information", form.getInformation()), new Section("review", form.getReview()),
				new Section("discussionSummary", form.getDiscussionSummary()),
				new Section("nextTasks", form.getNextTasks()), new Section("otherBusiness", form.getOtherBusiness()),
				new Section("conclusions", form.getConclusions()), new Section("resolution", form.getResolution()));
	}

	private String page(CurrentUser user, long id, @Nullable MinutesView current, Model model) {
		var shown = (MinutesForm) model.getAttribute("form");
		model.addAttribute("sections", sections((shown != null) ? shown : form(current)));
		var meeting = meetings.readable(user, id);
		var roster = meetings.attendance(user, id);
		var previous = queries.previousRegular(user, meeting).orElse(null);
		model.addAttribute("meeting", meeting);
		model.addAttribute("minutes", current);
		model.addAttribute("roster", roster);
		model.addAttribute("labels",
				namesakes.labels(user.committeeId(), roster.stream().map(AttendanceRow::memberId).toList()));
		model.addAttribute("present",
				roster.stream().filter((r) -> r.status() != null && r.status().attended()).toList());
		model.addAttribute("counts", AttendanceCounts.of(roster));
		model.addAttribute("guests", meetings.guests(user, id));
		model.addAttribute("speeches", queries.speeches(user, id));
		model.addAttribute("previous", previous);
		model.addAttribute("previousTargets", (previous != null) ? queries.targets(user, previous.id()) : List.of());
		model.addAttribute("targets", queries.targets(user, id));
		model.addAttribute("tasksToReview", queries.tasksToReview(user, meeting));
		model.addAttribute("tasksAssigned", queries.tasksAssigned(user, meeting));
		model.addAttribute("proposals", queries.proposals(user, id));
		model.addAttribute("amendments", queries.amendments(user, id));
		var canWrite = user.role().plansMeetings() && meetings.inScope(user, meeting.branchId());
		var locked = current != null && current.locked();
		model.addAttribute("canWrite", canWrite);
		model.addAttribute("locked", locked);
		model.addAttribute("open", canWrite && !locked);
		model.addAttribute("signAsChair", current != null && current.chairSignedAt() == null
				&& current.chairMemberId() != null && user.isMember(current.chairMemberId()));
		model.addAttribute("signAsTaker", current != null && current.takerSignedAt() == null
				&& current.minuteTakerMemberId() != null && user.isMember(current.minuteTakerMemberId()));
		model.addAttribute("missing", (current != null && !locked) ? minutes.missing(user, id) : List.of());
		var seal = locked ? queries.seal(user, id).orElse(null) : null;
		model.addAttribute("seal", seal);
		model.addAttribute("sealHolds",
				seal != null && seal.hash().equals(MinutesExport.seal(export.document(user, id))));
		model.addAttribute("today", LocalDate.now(clock));
		return "meeting/minutes";
	}

	private MinutesForm form(@Nullable MinutesView current) {
		var form = new MinutesForm();
		if (current == null) {
			form.setVersion(0);
			return form;
		}
		var zone = clock.getZone();
		form.setStartTime(time(current.startedAt(), zone));
		form.setEndTime(time(current.endedAt(), zone));
		form.setPlace(current.place());
		form.setChairMemberId(current.chairMemberId());
		form.setMinuteTakerMemberId(current.minuteTakerMemberId());
		form.setInformation(current.information());
		form.setReview(current.review());
		form.setDiscussionSummary(current.discussionSummary());
		form.setNextTasks(current.nextTasks());
		form.setOtherBusiness(current.otherBusiness());
		form.setConclusions(current.conclusions());
		form.setResolution(current.resolution());
		form.setVotesFor(current.votesFor());
		form.setVotesAgainst(current.votesAgainst());
		form.setVotesAbstain(current.votesAbstain());
		form.setSelfAssessment(current.selfAssessment());
		form.setVersion(current.version());
		return form;
	}

	private static @Nullable LocalTime time(java.time.@Nullable OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).toLocalTime() : null;
	}

	private String act(RedirectAttributes redirect, long id, String success, Runnable action) {
		return act(redirect, id, success, action, "");
	}

	private String act(RedirectAttributes redirect, long id, String success, Runnable action, String anchor) {
		Flash.run(redirect, success, action);
		return "redirect:/meetings/" + id + "/minutes" + anchor;
	}

}
