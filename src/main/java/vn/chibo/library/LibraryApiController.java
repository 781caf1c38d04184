package vn.chibo.library;

import java.io.IOException;
import java.net.URI;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * The library as JSON under the same rules as the pages: search (words without
 * diacritics, number, filters), a document with its files, and the office's changes.
 */
@RestController
@RequestMapping("/api/v1/library")
class LibraryApiController {

	private final LibraryQueries queries;

	private final LibrarySearch finder;

	private final LibraryService library;

	LibraryApiController(LibraryQueries queries, LibrarySearch finder, LibraryService library) {
		this.queries = queries;
		this.finder = finder;
		this.library = library;
	}

	@GetMapping
	LibrarySearch.Results search(@AuthenticationPrincipal CurrentUser user, @ModelAttribute LibraryFilter filter) {
		return finder.search(user, filter);
	}

	@GetMapping("/{id}")
	LibraryDocument document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.document(user, id);
	}

	@PostMapping
	ResponseEntity<LibraryDocument> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody LibraryForm form) {
		var id = library.create(user, form, null);
		return ResponseEntity.created(URI.create("/api/v1/library/" + id)).body(queries.document(user, id));
	}

	@PutMapping("/{id}")
	LibraryDocument update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody LibraryForm form) {
		queries.document(user, id);
		// A script must say which version it changes: never the last write wins.
		if (form.getVersion() == null) {
			throw new BusinessRuleException("version", "library.version.required");
		}
		library.update(user, id, form);
		return queries.document(user, id);
	}

	@PostMapping(path = "/{id}/files", consumes = "multipart/form-data")
	ResponseEntity<LibraryDocument> attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam("file") @Nullable MultipartFile file) throws IOException {
		var content = (file != null) ? file.getBytes() : new byte[0];
		library.attach(user, id, library.prepare(user, (file != null) ? file.getOriginalFilename() : null, content));
		return ResponseEntity.status(201).body(queries.document(user, id));
	}

}
