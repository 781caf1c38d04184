package vn.chibo.news.site;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A published article as the public pages show it. */
public record NewsArticle(long id, String slug, String title, String summary, String bodyHtml, String authorName,
		@Nullable String authorBranch, OffsetDateTime publishedAt, long categoryId, String categorySlug,
		String categoryName, @Nullable Long coverImageId, int coverWidth, int coverHeight) {

	/** The small copy of the first picture, for lists. */
	public @Nullable String coverUrl() {
		return (coverImageId != null) ? "/tin-tuc/anh/" + coverImageId + "/nho.jpg" : null;
	}

}
