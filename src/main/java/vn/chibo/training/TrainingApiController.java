package vn.chibo.training;

import java.net.URI;
import java.time.LocalDate;
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

/** Training courses and the year's plan as JSON, under the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/training")
class TrainingApiController {

	private final TrainingQueries queries;

	private final TrainingService training;

	TrainingApiController(TrainingQueries queries, TrainingService training) {
		this.queries = queries;
		this.training = training;
	}

	@GetMapping("/courses")
	List<TrainingQueries.CourseRow> courses(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		return queries.courses(user, year(year));
	}

	record CourseDetails(TrainingQueries.CourseRow course, List<TrainingQueries.EnrolmentRow> enrolments) {
	}

	@GetMapping("/courses/{id}")
	CourseDetails course(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return new CourseDetails(queries.course(user, id), queries.enrolments(user, id));
	}

	@PostMapping("/courses")
	ResponseEntity<TrainingQueries.CourseRow> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CourseForm form) {
		var id = training.createCourse(user, form);
		return ResponseEntity.created(URI.create("/api/v1/training/courses/" + id)).body(queries.course(user, id));
	}

	@PutMapping("/courses/{id}")
	TrainingQueries.CourseRow update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody CourseForm form) {
		queries.course(user, id);
		// A script must say which version it changes: never the last write wins.
		if (form.getVersion() == null) {
			throw new BusinessRuleException("version", "training.version.required");
		}
		training.updateCourse(user, id, form);
		return queries.course(user, id);
	}

	/** The year's plan: every enrolment the user reads, with the figures. */
	record Plan(TrainingQueries.Figures figures, List<TrainingQueries.EnrolmentRow> enrolments) {
	}

	@GetMapping("/plan")
	Plan plan(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		return new Plan(queries.figures(user, year(year)), queries.plan(user, year));
	}

	record Proposal(@Nullable Long memberId, @Nullable Integer planYear,
			@Size(max = 500, message = "{training.text.size}") @Nullable String note) {
	}

	@PostMapping("/courses/{id}/enrolments")
	ResponseEntity<TrainingQueries.EnrolmentRow> propose(@AuthenticationPrincipal CurrentUser user,
			@PathVariable long id, @Valid @RequestBody Proposal proposal) {
		var enrolment = training.propose(user, id, proposal.memberId(), proposal.planYear(), proposal.note());
		return ResponseEntity.status(201).body(queries.enrolment(user, enrolment).orElseThrow());
	}

	record Change(@Nullable EnrolmentStatus status, @Nullable String certificateNo, @Nullable LocalDate completedOn,
			@Nullable Integer version) {
	}

	@PutMapping("/enrolments/{id}")
	TrainingQueries.EnrolmentRow change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody Change change) {
		training.change(user, id, change.status(), change.certificateNo(), change.completedOn(), change.version());
		return queries.enrolment(user, id).orElseThrow();
	}

	private static int year(int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "training.year.range");
		}
		return year;
	}

}
