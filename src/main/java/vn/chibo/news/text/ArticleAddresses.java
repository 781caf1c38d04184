package vn.chibo.news.text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An article's readable address, unique in its committee: the title's slug, or the slug
 * followed by -2, -3, … when an article or an address kept for a renamed one has it.
 */
@Component
public class ArticleAddresses {

	private final JdbcClient jdbc;

	ArticleAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String forTitle(long committeeId, String title) {
		var base = Slugs.of(title);
		var slug = base;
		for (var n = 2; taken(committeeId, slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private boolean taken(long committeeId, String slug) {
		return jdbc.sql("""
				select exists (select 1 from news_article where committee_id = :c and slug = :slug)
				or exists (select 1 from news_slug where committee_id = :c and slug = :slug)
				""").param("c", committeeId).param("slug", slug).query(Boolean.class).single();
	}

}
