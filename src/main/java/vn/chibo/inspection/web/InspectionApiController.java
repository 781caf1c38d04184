package vn.chibo.inspection.web;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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

import vn.chibo.inspection.ConclusionForm;
import vn.chibo.inspection.DecisionForm;
import vn.chibo.inspection.InspectionForm;
import vn.chibo.inspection.InspectionQueries;
import vn.chibo.inspection.Inspections;
import vn.chibo.inspection.RemedyForm;
import vn.chibo.inspection.StepForm;

/**
 * The inspection programme and its items as JSON, under the same rules as the pages: the
 * steps (files are uploaded on the page), the conclusion, the remedies and their
 * follow-up.
 */
@RestController
@RequestMapping("/api/v1/inspections")
class InspectionApiController {

	private final Inspections inspections;

	private final InspectionQueries queries;

	InspectionApiController(Inspections inspections, InspectionQueries queries) {
		this.inspections = inspections;
		this.queries = queries;
	}

	@GetMapping
	InspectionQueries.Programme programme(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "inspection.year.range");
		}
		return queries.programme(user, year);
	}

	@GetMapping("/{id}")
	InspectionQueries.Detail detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.detail(user, id);
	}

	@PostMapping
	ResponseEntity<InspectionQueries.Detail> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody InspectionForm form) {
		var id = inspections.plan(user, form);
		return ResponseEntity.created(URI.create("/api/v1/inspections/" + id)).body(queries.detail(user, id));
	}

	@PutMapping("/{id}")
	InspectionQueries.Detail update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody InspectionForm form) {
		inspections.update(user, id, form);
		return queries.detail(user, id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		inspections.remove(user, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/decision")
	InspectionQueries.Detail decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody DecisionForm form) {
		inspections.decide(user, id, form);
		return queries.detail(user, id);
	}

	@PostMapping("/{id}/steps")
	InspectionQueries.Detail step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody StepForm form) {
		inspections.record(user, id, form, null);
		return queries.detail(user, id);
	}

	@PostMapping("/{id}/conclusion")
	InspectionQueries.Detail conclude(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody ConclusionForm form) {
		inspections.conclude(user, id, form);
		return queries.detail(user, id);
	}

	@PostMapping("/{id}/remedies")
	InspectionQueries.Detail remedy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody RemedyForm form) {
		inspections.addRemedy(user, id, form);
		return queries.detail(user, id);
	}

	@PostMapping("/{id}/remedies/{remedyId}/report")
	InspectionQueries.Detail report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long remedyId, @Valid @RequestBody StepForm form) {
		inspections.reportRemedy(user, id, remedyId, form);
		return queries.detail(user, id);
	}

	@PostMapping("/{id}/remedies/{remedyId}/verify")
	InspectionQueries.Detail verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long remedyId, @Valid @RequestBody StepForm form) {
		inspections.verifyRemedy(user, id, remedyId, form);
		return queries.detail(user, id);
	}

}
