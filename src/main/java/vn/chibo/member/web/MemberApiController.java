package vn.chibo.member.web;

import java.net.URI;

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
import vn.chibo.shared.web.PageOf;

import vn.chibo.member.MemberDetails;
import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberRow;
import vn.chibo.member.MemberService;
import vn.chibo.member.MemberStatus;

/** Members as JSON, under the same access rules as the pages. */
@RestController
@RequestMapping("/api/v1/members")
class MemberApiController {

	private final MemberQueries queries;

	private final MemberService members;

	MemberApiController(MemberQueries queries, MemberService members) {
		this.queries = queries;
		this.members = members;
	}

	@GetMapping
	PageOf<MemberRow> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long branchId,
			@RequestParam(required = false) @Nullable MemberStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return queries.search(user, new MemberFilter(q, branchId, status, null, null, null), Math.max(page, 0),
				PageOf.clampSize(size));
	}

	@GetMapping("/{id}")
	MemberDetails show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.details(user, id);
	}

	@PostMapping
	ResponseEntity<MemberDetails> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody MemberForm form) {
		var id = members.create(user, form);
		return ResponseEntity.created(URI.create("/api/v1/members/" + id)).body(queries.details(user, id));
	}

	@PutMapping("/{id}")
	MemberDetails update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody MemberForm form) {
		queries.details(user, id);
		// A script must say which version it changes: never the last write wins.
		if (form.getVersion() == null) {
			throw new BusinessRuleException("version", "member.version.required");
		}
		members.update(user, id, form);
		return queries.details(user, id);
	}

}
