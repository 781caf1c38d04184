package vn.chibo.news;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.news.text.ArticleAddresses;
import vn.chibo.news.text.HtmlSanitizer;
import vn.chibo.news.text.Slugs;
import vn.chibo.news.image.NewsImages;

/**
 * Brings published articles into the news, from plain-text paragraphs (escaped, so the
 * stored HTML holds no markup but paragraphs): for a committee's earlier news and the
 * demo.
 */
@Service
@Transactional
public class NewsImport {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final NewsImages images;

	private final ArticleAddresses addresses;

	NewsImport(JdbcClient jdbc, AuditTrail audit, NewsImages images, ArticleAddresses addresses) {
		this.images = images;
		this.addresses = addresses;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Adds a category if missing; answers its id. */
	public long category(long committeeId, String name, int position) {
		var slug = Slugs.of(name);
		jdbc.sql("""
				insert into news_category (committee_id, slug, name, position) values (:c, :slug, :name, :position)
				on conflict (committee_id, slug) do nothing
				""")
			.param("c", committeeId)
			.param("slug", slug)
			.param("name", name)
			.param("position", position)
			.update();
		return jdbc.sql("select id from news_category where committee_id = :c and slug = :slug")
			.param("c", committeeId)
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	public long published(long committeeId, long categoryId, String title, String summary, List<String> paragraphs,
			String authorName, @Nullable String authorBranch, OffsetDateTime publishedAt) {
		var cleanTitle = VietnameseText.clean(title);
		var body = new StringBuilder();
		paragraphs.forEach((
				p) -> body.append("<p>").append(HtmlUtils.htmlEscape(VietnameseText.clean(p), "UTF-8")).append("</p>"));
		var slug = addresses.forTitle(committeeId, cleanTitle);
		var id = jdbc.sql("""
				insert into news_article (committee_id, category_id, slug, title, summary, body_html, author_name,
				author_branch, status, published_at, search_text)
				values (:c, :category, :slug, :title, :summary, :body, :author, :branch, 'PUBLISHED', :at, :search)
				returning id
				""")
			.param("c", committeeId)
			.param("category", categoryId)
			.param("slug", slug)
			.param("title", cleanTitle)
			.param("summary", VietnameseText.clean(summary))
			.param("body", body.toString())
			.param("author", VietnameseText.clean(authorName))
			.param("branch", VietnameseText.cleanOrNull(authorBranch))
			.param("at", publishedAt)
			.param("search", VietnameseText.fold(cleanTitle + " " + summary + " " + String.join(" ", paragraphs)))
			.query(Long.class)
			.single();
		audit.record(committeeId, AuditTrail.currentActor(), "news", id, "import", null, Map.of("title", cleanTitle));
		return id;
	}

	/**
	 * A picture of an imported article, after its first paragraph; the article's first
	 * picture becomes its cover.
	 */
	public void picture(CurrentUser user, long articleId, byte[] content, String caption) {
		var image = images.store(user, articleId, content, caption);
		var body = jdbc.sql("select body_html from news_article where committee_id = :c and id = :id")
			.param("c", user.committeeId())
			.param("id", articleId)
			.query(String.class)
			.single();
		var end = body.indexOf("</p>");
		var placed = (end < 0) ? image.figure() + body
				: body.substring(0, end + 4) + image.figure() + body.substring(end + 4);
		jdbc.sql("""
				update news_article set body_html = :body, cover_image_id = coalesce(cover_image_id, :image)
				where committee_id = :c and id = :id
				""")
			.param("body", HtmlSanitizer.clean(placed))
			.param("image", image.id())
			.param("c", user.committeeId())
			.param("id", articleId)
			.update();
	}

	/**
	 * Gives an article a new title; its address follows, and the old one redirects.
	 */
	public void retitle(long committeeId, long articleId, String title) {
		var cleanTitle = VietnameseText.clean(title);
		var old = jdbc.sql("select slug, title from news_article where committee_id = :c and id = :id")
			.param("c", committeeId)
			.param("id", articleId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		var slug = addresses.forTitle(committeeId, cleanTitle);
		jdbc.sql("""
				insert into news_slug (committee_id, slug, article_id) values (:c, :slug, :id)
				on conflict (committee_id, slug) do update set article_id = excluded.article_id
				""").param("c", committeeId).param("slug", old[0]).param("id", articleId).update();
		jdbc.sql("""
				update news_article set title = :title, slug = :slug, updated_at = now(), version = version + 1
				where committee_id = :c and id = :id
				""")
			.param("title", cleanTitle)
			.param("slug", slug)
			.param("c", committeeId)
			.param("id", articleId)
			.update();
		audit.record(committeeId, AuditTrail.currentActor(), "news", articleId, "retitle", Map.of("title", old[1]),
				Map.of("title", cleanTitle));
	}

}
