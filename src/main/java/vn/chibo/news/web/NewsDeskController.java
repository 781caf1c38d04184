package vn.chibo.news.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.news.NewsReviewers;
import vn.chibo.news.desk.NewsForm;
import vn.chibo.news.desk.NewsService;
import vn.chibo.news.site.NewsQueries;

/** The news desk (logged in): members' drafts and the office's review queue. */
@Controller
class NewsDeskController {

	private final NewsService news;

	private final NewsQueries queries;

	private final Clock clock;

	private final NewsReviewers reviewers;

	private final MemberQueries members;

	NewsDeskController(NewsService news, NewsQueries queries, Clock clock, NewsReviewers reviewers,
			MemberQueries members) {
		this.reviewers = reviewers;
		this.members = members;
		this.news = news;
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/news")
	String workbench(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("articles", news.workbench(user));
		model.addAttribute("reviewer", news.reviews(user));
		model.addAttribute("namesReviewers", user.role().managesStructure());
		return "news/workbench";
	}

	@GetMapping("/news/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", new NewsForm());
		return form(user, model, null);
	}

	@PostMapping("/news")
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") NewsForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var id = news.draft(user, form);
				Flash.success(redirect, "news.flash.saved");
				return "redirect:/news/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model, null);
	}

	@GetMapping("/news/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var draft = news.find(user, id);
		model.addAttribute("article", draft);
		model.addAttribute("reviewer", news.reviews(user));
		model.addAttribute("author", user.username().equals(draft.authorUsername()));
		model.addAttribute("images", news.images(user, id));
		return "news/draft";
	}

	@GetMapping("/news/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var draft = news.find(user, id);
		var form = new NewsForm();
		form.setCategoryId(draft.categoryId());
		form.setTitle(draft.title());
		form.setSummary(draft.summary());
		form.setBody(draft.bodyHtml());
		form.setVersion(draft.version());
		model.addAttribute("form", form);
		return form(user, model, id);
	}

	@PostMapping("/news/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") NewsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				news.update(user, id, form);
				Flash.success(redirect, "news.flash.saved");
				return "redirect:/news/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return form(user, model, id);
	}

	@PostMapping("/news/{id}/submit")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "news.flash.submitted", () -> news.submit(user, id));
	}

	@PostMapping("/news/{id}/return")
	String returnToAuthor(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		return act(redirect, id, "news.flash.returned", () -> news.returnToAuthor(user, id, note));
	}

	@PostMapping("/news/{id}/publish")
	String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy HH:mm") @Nullable LocalDateTime at,
			RedirectAttributes redirect) {
		return act(redirect, id, "news.flash.published",
				() -> news.publish(user, id, (at != null) ? at.atZone(clock.getZone()).toOffsetDateTime() : null));
	}

	@PostMapping("/news/{id}/images")
	String addImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String caption, RedirectAttributes redirect) throws IOException {
		var content = (file != null) ? file.getBytes() : new byte[0];
		return act(redirect, id, "news.flash.image", () -> news.addImage(user, id, content, caption));
	}

	@PostMapping("/news/{id}/images/{imageId}/remove")
	String removeImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long imageId,
			RedirectAttributes redirect) {
		return act(redirect, id, "news.flash.imageRemoved", () -> news.removeImage(user, id, imageId));
	}

	@PostMapping("/news/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "news.flash.withdrawn", () -> news.withdraw(user, id));
	}

	/**
	 * The office names the members who review the news beside it; a name search finds
	 * them (diacritics ignored).
	 */
	@GetMapping("/news/reviewers")
	String reviewers(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			Model model) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("news reviewers");
		}
		model.addAttribute("reviewers", reviewers.list(user.committeeId()));
		model.addAttribute("q", q);
		model.addAttribute("found", (q == null || q.isBlank()) ? List.of()
				: members.search(user, MemberFilter.search(q, null), 0, 20).items());
		return "news/reviewers";
	}

	@PostMapping("/news/reviewers")
	String nameReviewer(@AuthenticationPrincipal CurrentUser user, @RequestParam long memberId,
			RedirectAttributes redirect) {
		Flash.run(redirect, "news.flash.reviewerNamed", () -> reviewers.name(user, memberId));
		return "redirect:/news/reviewers";
	}

	@PostMapping("/news/reviewers/{memberId}/remove")
	String removeReviewer(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId,
			RedirectAttributes redirect) {
		Flash.run(redirect, "news.flash.reviewerRemoved", () -> reviewers.remove(user, memberId));
		return "redirect:/news/reviewers";
	}

	private String form(CurrentUser user, Model model, @Nullable Long id) {
		model.addAttribute("categories", queries.categories(user.committeeId()));
		model.addAttribute("articleId", id);
		return "news/form";
	}

	private String act(RedirectAttributes redirect, long id, String success, Runnable action) {
		Flash.run(redirect, success, action);
		return "redirect:/news/" + id;
	}

}
