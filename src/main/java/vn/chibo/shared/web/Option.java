package vn.chibo.shared.web;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** One choice of a select list, with whether it is the current one. */
public record Option(long value, String label, boolean selected) {

	/**
	 * The choices as a select list's {@code <option>} elements, their labels escaped:
	 * written once here for a list of the committee's branches (82 of them for a large
	 * committee's office) rather than by four expressions a choice on every page
	 * (docs/architecture.md, "Fast pages").
	 */
	public static String html(List<Option> options) {
		var html = new StringBuilder(options.size() * 48);
		for (var option : options) {
			html.append("<option value=\"").append(option.value()).append('"');
			if (option.selected()) {
				html.append(" selected");
			}
			html.append('>').append(HtmlUtils.htmlEscape(option.label(), "UTF-8")).append("</option>");
		}
		return html.toString();
	}

}
