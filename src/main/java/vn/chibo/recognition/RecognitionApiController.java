package vn.chibo.recognition;

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

/** Awards and the year's Party badges as JSON, under the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/recognition")
class RecognitionApiController {

	private final Awards awards;

	RecognitionApiController(Awards awards) {
		this.awards = awards;
	}

	@GetMapping("/awards")
	List<Awards.AwardRow> awards(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		return awards.list(user, year(year));
	}

	@GetMapping("/members/{memberId}/awards")
	List<Awards.AwardRow> ofMember(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId) {
		return awards.ofMember(user, memberId);
	}

	@PostMapping("/awards")
	ResponseEntity<Awards.AwardRow> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody AwardForm form) {
		var id = awards.record(user, form);
		var created = awards.list(user, form.getDecidedOn().getYear())
			.stream()
			.filter((a) -> a.id() == id)
			.findFirst()
			.orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/recognition/awards?year=" + form.getDecidedOn().getYear()))
			.body(created);
	}

	@GetMapping("/badges")
	Awards.BadgeList badges(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		return awards.badges(user, year(year));
	}

	private static int year(int year) {
		if (year < 1930 || year > 2100) {
			throw new BusinessRuleException("year", "recognition.year.range");
		}
		return year;
	}

}
