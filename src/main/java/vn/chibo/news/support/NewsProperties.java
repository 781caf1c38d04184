package vn.chibo.news.support;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public news site's settings ({@code chibo.news.*}).
 *
 * @param committee the code of the committee whose news the site shows (blank: the first)
 * @param imageDir where the pictures and their resized copies are kept
 * @param imageMaxBytes the largest picture accepted
 */
@ConfigurationProperties("chibo.news")
public record NewsProperties(@Nullable String committee, @DefaultValue("data/news-images") String imageDir,
		@DefaultValue("8388608") long imageMaxBytes) {

	public NewsProperties {
		committee = (committee == null || committee.isBlank()) ? null : committee;
	}

}
