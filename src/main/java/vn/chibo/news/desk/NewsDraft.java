package vn.chibo.news.desk;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An article as its author and the reviewers see it, in any state. */
public record NewsDraft(long id, long categoryId, String categoryName, String slug, String title, String summary,
		String bodyHtml, String authorName, @Nullable String authorBranch, @Nullable String authorUsername,
		String status, @Nullable OffsetDateTime publishedAt, @Nullable String reviewNote, int version,
		OffsetDateTime updatedAt) {

	public boolean editableByAuthor() {
		return status.equals("DRAFT") || status.equals("RETURNED");
	}

}
