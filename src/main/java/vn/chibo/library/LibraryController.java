package vn.chibo.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

import vn.chibo.shared.audit.AuditQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;

/**
 * The library's pages: the search with its filters, a document with its files (a PDF
 * opens in the browser), and the office's form.
 */
@Controller
@RequestMapping("/library")
class LibraryController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final LibraryQueries queries;

	private final LibrarySearch finder;

	private final LibraryService library;

	private final LibraryExport export;

	private final AuditQueries audit;

	LibraryController(LibraryQueries queries, LibrarySearch finder, LibraryService library, LibraryExport export,
			AuditQueries audit) {
		this.queries = queries;
		this.finder = finder;
		this.library = library;
		this.export = export;
		this.audit = audit;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") LibraryFilter filter,
			Model model) {
		model.addAttribute("results", finder.search(user, filter));
		model.addAttribute("issuers", queries.issuers(user));
		model.addAttribute("years", queries.years(user));
		model.addAttribute("kinds", DocumentKind.values());
		model.addAttribute("canManage", user.role().managesLibrary());
		return "library/list";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportList(@AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("filter") LibraryFilter filter, Locale locale) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("thu-vien-van-ban.xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(export.workbook(user, filter, locale));
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("document", queries.document(user, id));
		var canManage = user.role().managesLibrary();
		model.addAttribute("canManage", canManage);
		if (canManage) {
			model.addAttribute("auditEntries", audit.forEntity(user.committeeId(), LibraryService.AUDIT_TYPE, id));
		}
		return "library/show";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		LibraryService.requireManager(user);
		var form = new LibraryForm();
		form.setKind(DocumentKind.RESOLUTION);
		model.addAttribute("form", form);
		return form(model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") LibraryForm form,
			BindingResult result, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		LibraryService.requireManager(user);
		if (!result.hasErrors()) {
			try {
				var prepared = (file != null && !file.isEmpty())
						? library.prepare(user, file.getOriginalFilename(), file.getBytes()) : null;
				var id = library.create(user, form, prepared);
				Flash.success(redirect, "library.flash.created", form.getNumber());
				return "redirect:/library/" + id;
			}
			catch (BusinessRuleException ex) {
				reject(result, ex);
			}
		}
		return form(model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		LibraryService.requireManager(user);
		var document = queries.document(user, id);
		model.addAttribute("document", document);
		model.addAttribute("form", document.toForm());
		return form(model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") LibraryForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		LibraryService.requireManager(user);
		var document = queries.document(user, id);
		if (!result.hasErrors()) {
			try {
				library.update(user, id, form);
				Flash.success(redirect, "library.flash.updated", form.getNumber());
				return "redirect:/library/" + id;
			}
			catch (BusinessRuleException ex) {
				reject(result, ex);
			}
		}
		model.addAttribute("document", document);
		return form(model);
	}

	@PostMapping("/{id}/files")
	String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		var name = (file != null) ? file.getOriginalFilename() : null;
		var content = (file != null) ? file.getBytes() : new byte[0];
		Flash.run(redirect, "library.flash.attached",
				() -> library.attach(user, id, library.prepare(user, name, content)));
		return "redirect:/library/" + id + "#files";
	}

	@PostMapping("/{id}/files/{fileId}/delete")
	String removeFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long fileId,
			RedirectAttributes redirect) {
		Flash.run(redirect, "library.flash.fileRemoved", () -> library.removeFile(user, id, fileId));
		return "redirect:/library/" + id + "#files";
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (Flash.run(redirect, "library.flash.deleted", () -> library.delete(user, id))) {
			return "redirect:/library";
		}
		return "redirect:/library/" + id;
	}

	/** A file read in the browser: a Word file's text, a PDF opened, the file beside. */
	@GetMapping("/files/{fileId}/read")
	String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long fileId, Model model) {
		model.addAttribute("file", queries.reading(user, fileId));
		return "library/file";
	}

	/**
	 * A PDF opens in the browser; a DOCX, or a PDF asked for with ?download, downloads.
	 */
	@GetMapping("/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long fileId,
			@RequestParam(required = false) @Nullable String download) {
		var file = queries.file(user, fileId);
		var inline = download == null && file.contentType().equals(UploadedFiles.PDF);
		var disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	/** A rule broken by the file (not a field of the form) is shown above the form. */
	private static void reject(BindingResult result, BusinessRuleException ex) {
		if (ex.field().equals("file")) {
			result.reject(ex.messageKey(), ex.arguments(), null);
		}
		else {
			Flash.reject(result, ex);
		}
	}

	private String form(Model model) {
		model.addAttribute("kinds", DocumentKind.values());
		return "library/form";
	}

}
