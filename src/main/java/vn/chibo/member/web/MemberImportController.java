package vn.chibo.member.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.spreadsheet.ImportBatches;
import vn.chibo.member.spreadsheet.MemberColumn;
import vn.chibo.member.spreadsheet.MemberImport;
import vn.chibo.member.spreadsheet.MemberWorkbook;

/**
 * Import of member spreadsheets with a progress page, the template to fill in, and export
 * of a list.
 */
@Controller
class MemberImportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final MemberImport imports;

	private final ImportBatches batches;

	private final MemberQueries queries;

	private final MemberWorkbook workbook;

	private final OrganizationQueries organizations;

	MemberImportController(MemberImport imports, ImportBatches batches, MemberQueries queries, MemberWorkbook workbook,
			OrganizationQueries organizations) {
		this.imports = imports;
		this.batches = batches;
		this.queries = queries;
		this.workbook = workbook;
		this.organizations = organizations;
	}

	@GetMapping("/members/import")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireEditRights(user);
		model.addAttribute("branches", organizations.branches(user));
		model.addAttribute("columns", MemberColumn.values());
		model.addAttribute("batches", batches.batches(user));
		return "member/import";
	}

	@PostMapping("/members/import")
	String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable Long branchId,
			@RequestParam(defaultValue = "false") boolean updateExisting, Locale locale) throws IOException {
		requireEditRights(user);
		var filename = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "";
		var job = imports.start(user, locale, filename, file.getBytes(), branchId, updateExisting);
		return "redirect:/members/import/" + job.id();
	}

	@GetMapping("/members/import/{id}")
	String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("job", imports.job(user, id).orElseThrow(NotFoundException::new));
		return (htmx != null) ? "member/import-progress :: job" : "member/import-progress";
	}

	/** The user has seen the file checked: every row is written now. */
	@PostMapping("/members/import/{id}/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale) {
		requireEditRights(user);
		if (!imports.confirm(user, id, locale)) {
			throw new NotFoundException();
		}
		return "redirect:/members/import/" + id;
	}

	/**
	 * Takes a confirmed import back, whole, or names the members whose later records
	 * stand in the way.
	 */
	@PostMapping("/members/import/batches/{id}/undo")
	String undo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		requireEditRights(user);
		try {
			var problems = batches.undo(user, id);
			if (problems.isEmpty()) {
				Flash.success(redirect, "member.import.undo.done");
			}
			else {
				redirect.addFlashAttribute("undoProblems", problems);
			}
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/members/import#batches";
	}

	@GetMapping("/members/import/template.xlsx")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireEditRights(user);
		var branches = organizations.branches(user);
		var example = branches.isEmpty() ? "" : branches.getFirst().name();
		return download(workbook.template(locale, example), "mau-nhap-dang-vien.xlsx");
	}

	@GetMapping("/members/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute MemberFilter filter,
			Locale locale) {
		return download(workbook.export(locale, queries.export(user, filter)), "danh-sach-dang-vien.xlsx");
	}

	private static ResponseEntity<byte[]> download(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

	private static void requireEditRights(CurrentUser user) {
		if (!user.role().editsMembers()) {
			throw new AccessDeniedException("import");
		}
	}

}
