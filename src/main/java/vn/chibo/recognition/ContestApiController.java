package vn.chibo.recognition;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.validation.Valid;
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

/** Contests as JSON, under the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/recognition/contests")
class ContestApiController {

	private final Contests contests;

	private final ContestQueries contestQueries;

	private final ContestRounds rounds;

	ContestApiController(Contests contests, ContestQueries contestQueries, ContestRounds rounds) {
		this.contests = contests;
		this.contestQueries = contestQueries;
		this.rounds = rounds;
	}

	/** One judge's score of an entry on a criterion (numbered from 1). */
	record Score(long entryId, int criterion, @Nullable BigDecimal score) {
	}

	record Scores(@Nullable List<Score> scores) {
	}

	record Advance(@Nullable List<Long> entryIds) {
	}

	@GetMapping
	List<Contests.ContestRow> list(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
		if (year < 1930 || year > 2100) {
			throw new BusinessRuleException("year", "recognition.year.range");
		}
		return contestQueries.list(user, year);
	}

	@GetMapping("/{id}")
	Contests.Contest contest(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return contestQueries.contest(user, id);
	}

	@PostMapping
	ResponseEntity<Contests.Contest> create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody Contests.Draft draft) {
		var id = contests.create(user, draft);
		return ResponseEntity.created(URI.create("/api/v1/recognition/contests/" + id))
			.body(contestQueries.contest(user, id));
	}

	@PostMapping("/{id}/entries")
	ResponseEntity<Contests.Contest> enter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody EntryForm form) {
		contests.enter(user, id, form.getMemberId(), form.getOrganizationId(), form.getWork());
		return ResponseEntity.created(URI.create("/api/v1/recognition/contests/" + id))
			.body(contestQueries.contest(user, id));
	}

	/** Replaces one judge's scores of a round; a score left out is no score. */
	@PutMapping("/{id}/rounds/{round}/judges/{judge}/scores")
	Contests.Contest score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int round,
			@PathVariable int judge, @RequestBody Scores body) {
		var typed = new LinkedHashMap<String, String>();
		for (var score : (body.scores() != null) ? body.scores() : List.<Score>of()) {
			if (score == null || score.score() == null) {
				continue;
			}
			// A number too long to be a score is refused as unreadable, never expanded.
			var value = score.score();
			var text = (value.precision() - value.scale() > 6 || value.scale() > 6) ? "?" : value.toPlainString();
			typed.put(score.entryId() + "-" + score.criterion(), text);
		}
		rounds.score(user, id, round, judge, typed);
		return contestQueries.contest(user, id);
	}

	@PostMapping("/{id}/rounds/{round}/advance")
	Contests.Contest advance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int round,
			@RequestBody Advance body) {
		rounds.advance(user, id, round, (body.entryIds() != null) ? body.entryIds() : List.of());
		return contestQueries.contest(user, id);
	}

	@PostMapping("/{id}/prizes")
	Contests.Contest prizes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody PrizeForm form) {
		contests.givePrizes(user, id, form.getPrizes(), form.getDecisionNo(), form.getDecidedOn());
		return contestQueries.contest(user, id);
	}

}
