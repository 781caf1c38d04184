package vn.chibo.news.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What the article form binds. */
public class NewsForm {

	@NotNull(message = "{news.category.required}")
	private @Nullable Long categoryId;

	@NotBlank(message = "{news.title.required}")
	@Size(max = 250, message = "{news.title.size}")
	private @Nullable String title;

	@NotBlank(message = "{news.summary.required}")
	@Size(max = 600, message = "{news.summary.size}")
	private @Nullable String summary;

	@NotBlank(message = "{news.body.required}")
	@Size(max = 200000, message = "{news.body.size}")
	private @Nullable String body;

	private int version;

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getSummary() {
		return summary;
	}

	public void setSummary(@Nullable String summary) {
		this.summary = summary;
	}

	public @Nullable String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
