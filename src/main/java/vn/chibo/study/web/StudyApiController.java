package vn.chibo.study.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.study.Grade;
import vn.chibo.study.Presence;
import vn.chibo.study.Reflections;
import vn.chibo.study.StudyQueries;
import vn.chibo.study.StudyService;
import vn.chibo.study.StudySessionForm;

/**
 * Study sessions, their roll call and reflections as JSON, under the same rules as the
 * pages.
 */
@RestController
@RequestMapping("/api/v1/study")
class StudyApiController {

	private final StudyQueries queries;

	private final StudyService study;

	private final Reflections reflections;

	StudyApiController(StudyQueries queries, StudyService study, Reflections reflections) {
		this.queries = queries;
		this.study = study;
		this.reflections = reflections;
	}

	@GetMapping("/sessions")
	List<StudyQueries.SessionRow> sessions(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "study.year.range");
		}
		return queries.sessions(user, year);
	}

	@GetMapping("/sessions/{id}")
	StudyQueries.SessionDetails session(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.session(user, id);
	}

	@PostMapping("/sessions")
	ResponseEntity<StudyQueries.SessionDetails> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody StudySessionForm form) {
		var id = study.create(user, form);
		return ResponseEntity.created(URI.create("/api/v1/study/sessions/" + id)).body(queries.session(user, id));
	}

	@PutMapping("/sessions/{id}")
	StudyQueries.SessionDetails update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody StudySessionForm form) {
		queries.session(user, id);
		// A script must say which version it changes: never the last write wins.
		if (form.getVersion() == null) {
			throw new BusinessRuleException("version", "study.version.required");
		}
		study.update(user, id, form);
		return queries.session(user, id);
	}

	/**
	 * The roster with the roll call: every line for those who keep it, one's own for a
	 * member.
	 */
	@GetMapping("/sessions/{id}/attendance")
	List<StudyQueries.Attendee> attendance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.attendees(user, id);
	}

	/** Starts the roll call: the roster is taken from the audience, once. */
	@PostMapping("/sessions/{id}/roster")
	List<StudyQueries.Attendee> takeRoster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		study.takeRoster(user, id);
		return queries.attendees(user, id);
	}

	record Call(@Nullable Presence status, @Size(max = 500, message = "{study.reason.size}") @Nullable String reason) {
	}

	@PutMapping("/sessions/{id}/attendance/{memberId}")
	List<StudyQueries.Attendee> record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long memberId, @Valid @RequestBody Call call) {
		study.record(user, id, memberId, call.status(), call.reason());
		return queries.attendees(user, id).stream().filter((a) -> a.memberId() == memberId).toList();
	}

	record Writing(@Nullable String body, boolean submit, @Nullable Integer version) {
	}

	/** One's own reflection, written (a file goes through the page). */
	@PutMapping("/sessions/{id}/reflection")
	StudyQueries.ReflectionView write(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody Writing writing) {
		var reflectionId = reflections.write(user, id, writing.body(), null, writing.submit(), writing.version());
		return queries.reflection(user, reflectionId);
	}

	@GetMapping("/reflections/{reflectionId}")
	StudyQueries.ReflectionView reflection(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId) {
		return queries.reflection(user, reflectionId);
	}

	/** What a reflection shares with others, for its graders. */
	@GetMapping("/reflections/{reflectionId}/matches")
	List<StudyQueries.Match> matches(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId) {
		return queries.matches(user, reflectionId);
	}

	record Grading(@Nullable Grade grade, @Nullable String comment, @Nullable Integer version) {
	}

	@PostMapping("/reflections/{reflectionId}/grade")
	StudyQueries.ReflectionView grade(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId,
			@RequestBody Grading grading) {
		reflections.grade(user, reflectionId, grading.grade(), grading.comment(), grading.version());
		return queries.reflection(user, reflectionId);
	}

	record Returning(@Nullable String comment, @Nullable Integer version) {
	}

	@PostMapping("/reflections/{reflectionId}/return")
	StudyQueries.ReflectionView giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long reflectionId,
			@RequestBody Returning returning) {
		reflections.giveBack(user, reflectionId, returning.comment(), returning.version());
		return queries.reflection(user, reflectionId);
	}

}
