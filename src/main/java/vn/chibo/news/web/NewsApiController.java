package vn.chibo.news.web;

import java.io.IOException;
import java.net.URI;
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
import org.springframework.web.multipart.MultipartFile;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.PageOf;
import vn.chibo.news.image.NewsImages;
import vn.chibo.news.desk.NewsDraft;
import vn.chibo.news.desk.NewsForm;
import vn.chibo.news.desk.NewsService;
import vn.chibo.news.site.NewsArticle;
import vn.chibo.news.site.NewsQueries;

/**
 * The news as JSON : the published articles for anyone, drafts and the review for members
 * and the office, under the same rules as the pages.
 */
@RestController
@RequestMapping("/api/v1/news")
class NewsApiController {

	private final NewsQueries queries;

	private final NewsService news;

	NewsApiController(NewsQueries queries, NewsService news) {
		this.queries = queries;
		this.news = news;
	}

	record Review(@Nullable String action, @Nullable String note, java.time.@Nullable OffsetDateTime at) {
	}

	/**
	 * Published articles, newest first, of a category (its address name) or all; q
	 * ignores diacritics.
	 */
	@GetMapping
	PageOf<NewsArticle> published(@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page) {
		var committee = queries.committee().orElseThrow(NotFoundException::new);
		Long categoryId = null;
		if (category != null && !category.isBlank()) {
			categoryId = queries.categories(committee)
				.stream()
				.filter((c) -> c.slug().equals(category))
				.findFirst()
				.orElseThrow(NotFoundException::new)
				.id();
		}
		return queries.published(committee, categoryId, q, Math.max(page, 0), 20);
	}

	@GetMapping("/published/{slug}")
	NewsArticle article(@PathVariable String slug) {
		var committee = queries.committee().orElseThrow(NotFoundException::new);
		return queries.article(committee, slug).orElseThrow(NotFoundException::new);
	}

	/** The signed-in member's articles; for the office every article, the queue first. */
	@GetMapping("/desk")
	List<NewsDraft> desk(@AuthenticationPrincipal CurrentUser user) {
		return news.workbench(user);
	}

	@GetMapping("/desk/{id}")
	NewsDraft draft(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return news.find(user, id);
	}

	@PostMapping("/desk")
	ResponseEntity<NewsDraft> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewsForm form) {
		var id = news.draft(user, form);
		return ResponseEntity.created(URI.create("/api/v1/news/desk/" + id)).body(news.find(user, id));
	}

	@PutMapping("/desk/{id}")
	NewsDraft update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody NewsForm form) {
		news.update(user, id, form);
		return news.find(user, id);
	}

	/**
	 * Adds a picture (JPEG or PNG, checked by content) with its caption at the end of the
	 * article's body; answers its copies' addresses and sizes.
	 */
	@PostMapping(path = "/desk/{id}/images", consumes = "multipart/form-data")
	ResponseEntity<NewsImages.Image> image(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam MultipartFile file, @RequestParam @Nullable String caption) throws IOException {
		var image = news.addImage(user, id, file.getBytes(), caption);
		return ResponseEntity.created(URI.create(image.largeUrl())).body(image);
	}

	/**
	 * Moves an article on: {@code submit}, {@code return} (with a note), {@code publish}
	 * (now or at), {@code withdraw}.
	 */
	@PostMapping("/desk/{id}/review")
	NewsDraft review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Review review) {
		if (review.action() == null) {
			throw new BusinessRuleException("action", "news.action.invalid", "");
		}
		switch (review.action()) {
			case "submit" -> news.submit(user, id);
			case "return" -> news.returnToAuthor(user, id, review.note());
			case "publish" -> news.publish(user, id, review.at());
			case "withdraw" -> news.withdraw(user, id);
			default -> throw new BusinessRuleException("action", "news.action.invalid", review.action());
		}
		return news.find(user, id);
	}

}
