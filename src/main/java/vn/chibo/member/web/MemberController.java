package vn.chibo.member.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.shared.replica.ReplicaReads;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.Option;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberLifecycle;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberService;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.Post;
import vn.chibo.member.TransferKind;
import vn.chibo.member.print.ProfileSheet;

@Controller
@RequestMapping("/members")
class MemberController {

	static final int PAGE_SIZE = 25;

	private final MemberQueries queries;

	private final MemberService members;

	private final MemberLifecycle lifecycle;

	private final OrganizationQueries organizations;

	private final AuditQueries audit;

	private final Clock clock;

	private final ProfileSheet sheet;

	private final MessageSource messages;

	MemberController(MemberQueries queries, MemberService members, MemberLifecycle lifecycle,
			OrganizationQueries organizations, AuditQueries audit, Clock clock, ProfileSheet sheet,
			MessageSource messages) {
		this.sheet = sheet;
		this.messages = messages;
		this.queries = queries;
		this.members = members;
		this.lifecycle = lifecycle;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	@ReplicaReads
	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") MemberFilter filter,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Locale locale, Model model) {
		var members = queries.search(user, filter, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("members", members);
		model.addAttribute("rows", MemberListRows.of(members.items(), user, messages, locale));
		model.addAttribute("choices", MemberChoices.INSTANCE);
		if (htmx != null) {
			return "member/list :: results";
		}
		model.addAttribute("branchOptions",
				Option.html(organizations.branches(user)
					.stream()
					.map((b) -> new Option(b.id(), b.name(), Objects.equals(b.id(), filter.branchId())))
					.toList()));
		return "member/list";
	}

	@GetMapping("/probation")
	String probation(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("probation");
		}
		model.addAttribute("rows", queries.probationDue(user, 30));
		return "member/probation";
	}

	/** The member's sheet in the Party's layout, opened in the browser to print. */
	@GetMapping("/{id}/profile.pdf")
	ResponseEntity<byte[]> profile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("phieu-dang-vien-" + id + ".pdf").build().toString())
			.body(sheet.pdf(user, id));
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var member = queries.details(user, id);
		model.addAttribute("member", member);
		model.addAttribute("choices", MemberChoices.INSTANCE);
		model.addAttribute("memberPosts", queries.posts(user.committeeId(), id));
		model.addAttribute("transfers", queries.transfers(user.committeeId(), id));
		model.addAttribute("history", queries.history(user.committeeId(), id));
		model.addAttribute("today", LocalDate.now(clock));
		var canEdit = user.role().editsMembers() && organizations.isVisible(user, member.branchId());
		model.addAttribute("canEdit", canEdit);
		if (canEdit) {
			model.addAttribute("postOrganizations", organizations.tree(user.committeeId(), user.scopeOrganizationId()));
		}
		if (user.role().readsAudit() || canEdit) {
			model.addAttribute("auditEntries", audit.forEntity(user.committeeId(), MemberService.AUDIT_TYPE, id));
		}
		return "member/show";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long branchId,
			Model model) {
		requireEditRights(user);
		model.addAttribute("form", MemberForm.empty(branchId));
		model.addAttribute("branches", organizations.branches(user));
		return form(model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") MemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireEditRights(user);
		if (!result.hasErrors()) {
			try {
				var id = members.create(user, form);
				Flash.success(redirect, "member.flash.created", form.getFullName());
				return "redirect:/members/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("branches", organizations.branches(user));
		return form(model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		requireEditRights(user);
		var member = queries.details(user, id);
		model.addAttribute("member", member);
		model.addAttribute("form", member.toForm());
		model.addAttribute("branches", organizations.branches(user));
		return form(model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireEditRights(user);
		var member = queries.details(user, id);
		if (!result.hasErrors()) {
			try {
				members.update(user, id, form);
				Flash.success(redirect, "member.flash.updated", form.getFullName());
				return "redirect:/members/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("member", member);
		model.addAttribute("branches", organizations.branches(user));
		return form(model);
	}

	@PostMapping("/{id}/official")
	String recognizeOfficial(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate officialDate, RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.official", () -> lifecycle.recognizeOfficial(user, id, officialDate));
	}

	@PostMapping("/{id}/exempt")
	String exempt(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate since, @RequestParam String reason,
			RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.exempted", () -> lifecycle.exempt(user, id, since, reason));
	}

	@PostMapping("/{id}/exempt/end")
	String endExemption(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate on, RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.exemptionEnded", () -> lifecycle.endExemption(user, id, on));
	}

	@PostMapping("/{id}/transfers")
	String transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam TransferKind kind,
			@RequestParam String otherOrganization, @RequestParam(required = false) @Nullable String letterNo,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate on, RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.transferred",
				() -> lifecycle.transfer(user, id, kind, otherOrganization, letterNo, on));
	}

	@PostMapping("/{id}/transfers/{transferId}/end")
	String endTransfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long transferId,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate on, RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.transferEnded", () -> lifecycle.endTransfer(user, id, transferId, on));
	}

	@PostMapping("/{id}/leave")
	String leave(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam MemberStatus status,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate on, @RequestParam String reason,
			RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.left", () -> lifecycle.leave(user, id, status, on, reason));
	}

	@PostMapping("/{id}/posts")
	String assignPost(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam long organizationId, @RequestParam Post post,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from, RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.postAssigned",
				() -> lifecycle.assignPost(user, id, organizationId, post, from));
	}

	@PostMapping("/{id}/posts/{postId}/end")
	String endPost(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long postId,
			@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate on, RedirectAttributes redirect) {
		return act(redirect, id, "member.flash.postEnded", () -> lifecycle.endPost(user, id, postId, on));
	}

	private static String form(Model model) {
		model.addAttribute("choices", MemberChoices.INSTANCE);
		return "member/form";
	}

	private static String act(RedirectAttributes redirect, long id, String successKey, Runnable action) {
		try {
			action.run();
			Flash.success(redirect, successKey);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/members/" + id;
	}

	private static void requireEditRights(CurrentUser user) {
		if (!user.role().editsMembers()) {
			throw new AccessDeniedException("member");
		}
	}

}
