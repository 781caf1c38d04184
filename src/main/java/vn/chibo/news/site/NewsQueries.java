package vn.chibo.news.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.sql.Contains;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.PageOf;
import vn.chibo.news.support.NewsProperties;

/**
 * Reads the published news of the committee this site belongs to: the one named by
 * {@code chibo.news.committee} (its code), or the first committee of the deployment.
 */
@Service
@Transactional(readOnly = true)
public class NewsQueries {

	private static final String COLUMNS = """
			select a.id, a.slug, a.title, a.summary, a.body_html, a.author_name, a.author_branch, a.published_at,
			c.id as category_id, c.slug as category_slug, c.name as category_name, a.cover_image_id,
			i.small_width as cover_width, i.small_height as cover_height from news_article a
			join news_category c on c.committee_id = a.committee_id and c.id = a.category_id
			left join news_image i on i.committee_id = a.committee_id and i.id = a.cover_image_id
			""";

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	private final @Nullable String committeeCode;

	NewsQueries(JdbcClient jdbc, OrganizationQueries organizations, NewsProperties properties) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.committeeCode = properties.committee();
	}

	/** The committee whose news this site shows, if any exists yet. */
	public Optional<Long> committee() {
		return organizations.committeeByCode(committeeCode);
	}

	/** The committee's name, which the public site carries (its title and its header). */
	public String siteName(long committeeId) {
		return organizations.committeeName(committeeId);
	}

	public List<NewsCategory> categories(long committeeId) {
		return jdbc.sql("select id, slug, name from news_category where committee_id = :c order by position")
			.param("c", committeeId)
			.query((rs, row) -> new NewsCategory(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Published articles, newest first, of a category or all; the query ignores
	 * diacritics.
	 */
	public PageOf<NewsArticle> published(long committeeId, @Nullable Long categoryId, @Nullable String query, int page,
			int size) {
		var folded = VietnameseText.fold(query);
		// The words only when asked: a condition that may be void keeps PostgreSQL from
		// the committee's search index (V55).
		var contains = folded.isEmpty() ? null : Contains.of("a.search_text", "q", folded);
		var where = """
				 where a.committee_id = :c and a.status = 'PUBLISHED' and a.published_at <= now()
				and (cast(:category as bigint) is null or a.category_id = :category)
				""" + ((contains != null) ? " and " + contains.sql() : "");
		var words = (contains != null) ? contains.value() : null;
		var total = jdbc.sql("select count(*) from news_article a" + where)
			.param("c", committeeId)
			.param("category", categoryId)
			.param("q", words)
			.query(Long.class)
			.single();
		var items = jdbc.sql(COLUMNS + where + " order by a.published_at desc, a.id desc limit :limit offset :offset")
			.param("c", committeeId)
			.param("category", categoryId)
			.param("q", words)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(NewsQueries::article)
			.list();
		return new PageOf<>(items, total, page, size);
	}

	/** A published article by its current address. */
	public Optional<NewsArticle> article(long committeeId, String slug) {
		return jdbc.sql(COLUMNS + """
				 where a.committee_id = :c and a.slug = :slug and a.status = 'PUBLISHED' and a.published_at <= now()
				""").param("c", committeeId).param("slug", slug).query(NewsQueries::article).optional();
	}

	/** The current address of an article once published under {@code slug}. */
	public Optional<String> movedTo(long committeeId, String slug) {
		return jdbc
			.sql("""
					select a.slug from news_slug s join news_article a on a.committee_id = s.committee_id and a.id = s.article_id
					where s.committee_id = :c and s.slug = :slug and a.status = 'PUBLISHED'
					""")
			.param("c", committeeId)
			.param("slug", slug)
			.query(String.class)
			.optional();
	}

	/** The previous (older) and next (newer) published articles around one. */
	public List<Optional<NewsArticle>> neighbours(long committeeId, NewsArticle article) {
		var older = jdbc.sql(COLUMNS + """
				 where a.committee_id = :c and a.status = 'PUBLISHED' and (a.published_at, a.id) < (:at, :id)
				order by a.published_at desc, a.id desc limit 1
				""")
			.param("c", committeeId)
			.param("at", article.publishedAt())
			.param("id", article.id())
			.query(NewsQueries::article)
			.optional();
		var newer = jdbc.sql(COLUMNS + """
				 where a.committee_id = :c and a.status = 'PUBLISHED' and a.published_at <= now()
				and (a.published_at, a.id) > (:at, :id) order by a.published_at, a.id limit 1
				""")
			.param("c", committeeId)
			.param("at", article.publishedAt())
			.param("id", article.id())
			.query(NewsQueries::article)
			.optional();
		return List.of(older, newer);
	}

	private static NewsArticle article(ResultSet rs, int row) throws SQLException {
		return new NewsArticle(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
				rs.getString("body_html"), rs.getString("author_name"), rs.getString("author_branch"),
				rs.getObject("published_at", OffsetDateTime.class), rs.getLong("category_id"),
				rs.getString("category_slug"), rs.getString("category_name"), (Long) rs.getObject("cover_image_id"),
				rs.getInt("cover_width"), rs.getInt("cover_height"));
	}

}
