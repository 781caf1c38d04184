package vn.chibo.shared.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The menu of every page, made once for a user on a page and reused: it is the same on
 * every visit, and making it — some 130 attributes of links, labels and marks — was about
 * a third of a list page's rendering (README, "A page against its own SQL";
 * docs/architecture.md, "Fast pages"). Kept by what it shows — the user's navigation
 * (their name, role and member record, the page's path) and the language — so that a
 * change of any of them makes another; the most recently used {@value #KEPT} are kept
 * (some 9 KB each: under 5 MB).
 */
@Component
class Menus {

	static final int KEPT = 500;

	private record Key(Navigation navigation, Locale locale) {
	}

	private final ObjectProvider<ITemplateEngine> templates;

	private final Map<Key, String> made = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
			return size() > KEPT;
		}
	});

	Menus(ObjectProvider<ITemplateEngine> templates) {
		this.templates = templates;
	}

	/** The menu's HTML for the user on this page, in the request's language. */
	String html(Navigation navigation, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		var key = new Key(navigation, locale);
		var html = made.get(key);
		if (html == null) {
			var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response);
			html = templates.getObject()
				.process("fragments/menu", Set.of("menu"), new WebContext(exchange, locale, Map.of("nav", navigation)));
			made.put(key, html);
		}
		return html;
	}

}
