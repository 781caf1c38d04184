package vn.chibo.shared.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * What the layout and shared page parts show a user, decided once per request from the
 * role (rather than by security expressions evaluated in the templates, which cost more
 * than the rest of a page).
 */
public record Navigation(String displayName, String username, Role role, @Nullable Long memberId, String path) {

	/**
	 * The menu's heading of each part of the site, by the first segment of the page's
	 * path: the heading of the page one is on is marked.
	 */
	private static final Map<String, String> SECTIONS = Map.ofEntries(Map.entry("orgs", "orgs"),
			Map.entry("members", "members"), Map.entry("meetings", "meetings"), Map.entry("evaluation", "meetings"),
			Map.entry("library", "study"), Map.entry("study", "study"), Map.entry("training", "study"),
			Map.entry("recognition", "study"), Map.entry("inspection", "inspection"),
			Map.entry("classification", "classification"), Map.entry("reports", "reports"), Map.entry("news", "news"),
			Map.entry("audit", "admin"), Map.entry("accounts", "admin"));

	/** The heading the page belongs to, or an empty text. */
	public String section() {
		var segment = path.split("/", 3);
		return (segment.length > 1) ? SECTIONS.getOrDefault(segment[1], "") : "";
	}

	/** {@code active} for the menu heading of the page one is on. */
	public String active(String section) {
		return section.equals(section()) ? "active" : "";
	}

	/**
	 * {@code page} for the menu's link to the page one is on (its {@code aria-current}),
	 * else nothing.
	 */
	public @Nullable String current(String href) {
		return href.equals(path) ? "page" : null;
	}

	public boolean managesStructure() {
		return role.managesStructure();
	}

	public boolean editsMembers() {
		return role.editsMembers();
	}

	public boolean readsLibrary() {
		return role.readsLibrary();
	}

	public boolean readsStudy() {
		return role.readsStudy();
	}

	public boolean readsAudit() {
		return role.readsAudit();
	}

	public boolean readsMemberRecords() {
		return role.readsMemberRecords();
	}

	public boolean answersProposals() {
		return role.answersProposals();
	}

	public boolean followsInspection() {
		return role.followsInspection();
	}

	public boolean hasMemberRecord() {
		return memberId != null;
	}

	public boolean managesAccounts() {
		return role == Role.ADMIN;
	}

	/** An observer of the superior committee sees only the overview of its committees. */
	public boolean observer() {
		return role == Role.OBSERVER;
	}

	public boolean ordinaryMember() {
		return role == Role.MEMBER;
	}

	/**
	 * Adds the navigation of the logged-in user and their menu (made by {@link Menus}) to
	 * every page's model. An interceptor rather than a {@code @ModelAttribute} advice,
	 * which would build handler metadata on every request.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Interceptor implements HandlerInterceptor, WebMvcConfigurer {

		private final Menus menus;

		Interceptor(Menus menus) {
			this.menus = menus;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(this);
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable ModelAndView modelAndView) {
			if (modelAndView == null || modelAndView.getViewName() == null
					|| modelAndView.getViewName().startsWith("redirect:")) {
				return;
			}
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
				var path = request.getRequestURI().substring(request.getContextPath().length());
				var navigation = new Navigation(user.displayName(), user.username(), user.role(), user.memberId(),
						path);
				modelAndView.addObject("nav", navigation);
				// A fragment of a page (htmx's answers, "template :: part") has no
				// layout,
				// so no menu to make or keep.
				if (!modelAndView.getViewName().contains("::")) {
					modelAndView.addObject("menu",
							menus.html(navigation, LocaleContextHolder.getLocale(), request, response));
				}
			}
		}

	}

}
