package vn.chibo.news.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * What an article's body may hold : paragraphs, emphasis, lists, tables, quotes,
 * headings, links to web and mail addresses, and images of the news itself with their
 * caption — nothing else. No script, no event handler, no style (so no CSS expression),
 * no {@code javascript:} link, no frame, no SVG.
 */
public final class HtmlSanitizer {

	private static final Safelist ALLOWED = new Safelist()
		.addTags("p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "blockquote", "h2",
				"h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img", "a", "hr")
		.addAttributes("a", "href", "title")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener")
		.addAttributes("img", "src", "alt", "width", "height")
		.addAttributes("th", "colspan", "rowspan")
		.addAttributes("td", "colspan", "rowspan");

	private HtmlSanitizer() {
	}

	public static String clean(String html) {
		// A browser's editor writes each line typed as a <div>: those are paragraphs, not
		// text to run together once the <div> is dropped ("…trực thuộc.Năm 2026…").
		var typed = Jsoup.parseBodyFragment(html);
		typed.select("div").forEach((div) -> {
			if (div.children().select("p, div, ul, ol, table, blockquote, figure, h2, h3, h4").isEmpty()) {
				div.tagName("p");
			}
			else {
				div.unwrap();
			}
		});
		typed.outputSettings().prettyPrint(false);
		var cleaned = Jsoup.clean(typed.body().html(), "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
		// Images only from the news itself: any other source is dropped with its tag.
		var document = Jsoup.parseBodyFragment(cleaned);
		document.select("img").forEach((img) -> {
			if (!img.attr("src").startsWith("/tin-tuc/anh/")) {
				img.remove();
			}
		});
		document.outputSettings().prettyPrint(false);
		return document.body().html();
	}

}
