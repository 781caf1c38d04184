package vn.chibo.news.web;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import vn.chibo.news.image.NewsImages;

/**
 * An article's pictures for the reader's screen: a phone loads the small copy, a wide
 * screen the large one, and pictures below the fold load when they come into view. Added
 * when the page is shown, to the sanitized body, so nothing of it is stored.
 */
final class ResponsiveImages {

	private static final Pattern LARGE = Pattern.compile("/tin-tuc/anh/(\\d+)/lon\\.jpg");

	private ResponsiveImages() {
	}

	static String of(String bodyHtml) {
		var document = Jsoup.parseBodyFragment(bodyHtml);
		document.select("img").forEach((img) -> {
			var match = LARGE.matcher(img.attr("src"));
			if (match.matches()) {
				var id = match.group(1);
				img.attr("srcset", "/tin-tuc/anh/" + id + "/nho.jpg " + NewsImages.SMALL + "w, /tin-tuc/anh/" + id
						+ "/lon.jpg " + NewsImages.LARGE + "w");
				img.attr("sizes", "(max-width: 600px) 100vw, 760px");
			}
			img.attr("loading", "lazy").attr("decoding", "async");
		});
		document.outputSettings().prettyPrint(false);
		return document.body().html();
	}

}
