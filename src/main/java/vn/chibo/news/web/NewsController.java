package vn.chibo.news.web;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.HtmlUtils;

import vn.chibo.shared.replica.ReplicaReads;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.PageOf;
import vn.chibo.news.image.NewsImages;
import vn.chibo.news.site.NewsArticle;
import vn.chibo.news.site.NewsQueries;

/**
 * The public news pages (no login): the latest articles, a category, an article with the
 * latest of its category and its neighbours, search, and an Atom feed per category. Pages
 * are cacheable for a minute.
 */
@Controller
@ReplicaReads
class NewsController {

	private static final int PAGE_SIZE = 10;

	private final NewsQueries news;

	private final NewsImages images;

	NewsController(NewsQueries news, NewsImages images) {
		this.news = news;
		this.images = images;
	}

	@GetMapping("/tin-tuc")
	String home(@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		var committee = news.committee().orElseThrow(NotFoundException::new);
		model.addAttribute("categories", news.categories(committee));
		model.addAttribute("site", news.siteName(committee));
		model.addAttribute("articles", news.published(committee, null, null, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("category", null);
		cache(response);
		return "news/list";
	}

	@GetMapping("/tin-tuc/chuyen-muc/{slug}")
	String category(@PathVariable String slug, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletResponse response) {
		var committee = news.committee().orElseThrow(NotFoundException::new);
		var categories = news.categories(committee);
		var category = categories.stream()
			.filter((c) -> c.slug().equals(slug))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		model.addAttribute("categories", categories);
		model.addAttribute("site", news.siteName(committee));
		model.addAttribute("category", category);
		model.addAttribute("articles", news.published(committee, category.id(), null, Math.max(page, 0), PAGE_SIZE));
		cache(response);
		return "news/list";
	}

	@GetMapping("/tin-tuc/tim-kiem")
	String search(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletResponse response) {
		var committee = news.committee().orElseThrow(NotFoundException::new);
		model.addAttribute("categories", news.categories(committee));
		model.addAttribute("site", news.siteName(committee));
		model.addAttribute("category", null);
		model.addAttribute("q", q);
		model.addAttribute("articles", (q == null || q.isBlank()) ? new PageOf<NewsArticle>(List.of(), 0, 0, PAGE_SIZE)
				: news.published(committee, null, q, Math.max(page, 0), PAGE_SIZE));
		cache(response);
		return "news/list";
	}

	/**
	 * A picture of the news: cached by anyone for a day once its article is published;
	 * before that only its author and the reviewers see it, and nothing caches it.
	 */
	@GetMapping("/tin-tuc/anh/{id}/{size}.jpg")
	ResponseEntity<Resource> image(@PathVariable long id, @PathVariable String size,
			@AuthenticationPrincipal vn.chibo.shared.security.@Nullable CurrentUser viewer) {
		var file = images.file(id, size, viewer).orElseThrow(NotFoundException::new);
		if (!Files.isReadable(file.path())) {
			throw new NotFoundException();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(
					file.published() ? CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic() : CacheControl.noStore())
			.body(new FileSystemResource(file.path()));
	}

	@GetMapping("/tin-tuc/bai-viet/{slug}")
	ModelAndView article(@PathVariable String slug, Model model, HttpServletResponse response) {
		var committee = news.committee().orElseThrow(NotFoundException::new);
		var article = news.article(committee, slug).orElse(null);
		if (article == null) {
			// An older address of a retitled article leads to its current one, for good.
			var current = news.movedTo(committee, slug).orElseThrow(NotFoundException::new);
			var redirect = new RedirectView("/tin-tuc/bai-viet/" + current, true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return new ModelAndView(redirect);
		}
		model.addAttribute("article", article);
		model.addAttribute("body", ResponsiveImages.of(article.bodyHtml()));
		if (article.coverImageId() != null) {
			// A shared link shows the first picture (Open Graph wants a full address).
			model.addAttribute("ogImage",
					ServletUriComponentsBuilder.fromCurrentContextPath()
						.path("/tin-tuc/anh/" + article.coverImageId() + "/lon.jpg")
						.toUriString());
		}
		model.addAttribute("categories", news.categories(committee));
		model.addAttribute("site", news.siteName(committee));
		model.addAttribute("related",
				news.published(committee, article.categoryId(), null, 0, 6)
					.items()
					.stream()
					.filter((a) -> a.id() != article.id())
					.limit(5)
					.toList());
		var neighbours = news.neighbours(committee, article);
		model.addAttribute("older", neighbours.get(0).orElse(null));
		model.addAttribute("newer", neighbours.get(1).orElse(null));
		model.addAttribute("url", ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString());
		cache(response);
		return new ModelAndView("news/article", model.asMap());
	}

	/** The Atom feed (RFC 4287) of a category: its latest twenty articles. */
	@GetMapping(path = "/tin-tuc/chuyen-muc/{slug}/atom.xml")
	ResponseEntity<String> feed(@PathVariable String slug) {
		var committee = news.committee().orElseThrow(NotFoundException::new);
		var category = news.categories(committee)
			.stream()
			.filter((c) -> c.slug().equals(slug))
			.findFirst()
			.orElseThrow(NotFoundException::new);
		var articles = news.published(committee, category.id(), null, 0, 20).items();
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		var iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
		xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
		xml.append("<title>").append(escape(category.name())).append("</title>\n");
		xml.append("<id>").append(escape(base + "/tin-tuc/chuyen-muc/" + slug)).append("</id>\n");
		xml.append("<link rel=\"alternate\" href=\"")
			.append(escape(base + "/tin-tuc/chuyen-muc/" + slug))
			.append("\"/>\n");
		xml.append("<updated>")
			.append((articles.isEmpty() ? OffsetDateTime.now() : articles.getFirst().publishedAt()).format(iso))
			.append("</updated>\n");
		for (var a : articles) {
			var link = escape(base + "/tin-tuc/bai-viet/" + a.slug());
			xml.append("<entry><title>")
				.append(escape(a.title()))
				.append("</title><id>")
				.append(link)
				.append("</id><link rel=\"alternate\" href=\"")
				.append(link)
				.append("\"/><updated>")
				.append(a.publishedAt().format(iso))
				.append("</updated><author><name>")
				.append(escape(a.authorName()))
				.append("</name></author><summary>")
				.append(escape(a.summary()))
				.append("</summary></entry>\n");
		}
		xml.append("</feed>\n");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic())
			.body(xml.toString());
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static void cache(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic().getHeaderValue());
	}

}
