package vn.chibo.inspection.discipline;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Discipline cases, complaints and denunciations as JSON, under the same rules as the
 * pages: every read audited.
 */
@RestController
@RequestMapping("/api/v1/discipline")
class DisciplineApiController {

	private final DisciplineCases cases;

	private final Complaints complaints;

	DisciplineApiController(DisciplineCases cases, Complaints complaints) {
		this.cases = cases;
		this.complaints = complaints;
	}

	@GetMapping("/cases")
	List<DisciplineCases.Case> cases(@AuthenticationPrincipal CurrentUser user) {
		return cases.list(user);
	}

	@GetMapping("/cases/{id}")
	DisciplineCases.Case readCase(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return cases.read(user, id);
	}

	@PostMapping("/cases")
	ResponseEntity<DisciplineCases.Case> open(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CaseForm form) {
		var id = cases.open(user, form);
		return ResponseEntity.created(URI.create("/api/v1/discipline/cases/" + id)).body(cases.read(user, id));
	}

	@PostMapping("/cases/{id}/steps")
	DisciplineCases.Case step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody CaseStepForm form) {
		cases.step(user, id, form);
		return cases.read(user, id);
	}

	@GetMapping("/complaints")
	List<Complaints.Complaint> complaints(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "inspection.year.range");
		}
		return complaints.list(user, year);
	}

	@GetMapping("/complaints/{id}")
	Complaints.Complaint complaint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return complaints.read(user, id);
	}

	@PostMapping("/complaints")
	ResponseEntity<Complaints.Complaint> receive(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ComplaintForm form) {
		var id = complaints.receive(user, form);
		return ResponseEntity.created(URI.create("/api/v1/discipline/complaints/" + id))
			.body(complaints.read(user, id));
	}

	/** The answer: {@code on} and {@code text} of the step form. */
	@PostMapping("/complaints/{id}/answer")
	Complaints.Complaint answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody CaseStepForm form) {
		complaints.answer(user, id, form.getOn(), form.getText());
		return complaints.read(user, id);
	}

}
