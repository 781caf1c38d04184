package vn.chibo.shared.web;

import java.util.Enumeration;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A page rendered with its request's attributes read and written where they are kept
 * (docs/architecture.md, "Fast pages"). Thymeleaf keeps every variable of a page — each
 * row of a loop too — as an attribute of the request, and by the time a page is rendered
 * the request is wrapped five times (the firewall, the session, the security context, …),
 * each wrapper passing every attribute on to the next: a list page's thousands of lookups
 * went through all five. Here they go straight to the innermost request that every
 * wrapper above it passes them on to unchanged; a wrapper that handles attributes itself
 * (a forward's, an include's) is kept in the way.
 */
public class DirectAttributesView extends ThymeleafView {

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, DirectAttributes.of(request), response);
	}

	/** The request as the page sees it: its attributes kept by {@code target}. */
	static final class DirectAttributes extends HttpServletRequestWrapper {

		private static final Set<String> ATTRIBUTE_METHODS = Set.of("getAttribute", "getAttributeNames", "setAttribute",
				"removeAttribute");

		/**
		 * Whether a wrapper's class passes attributes on as the Servlet API's own does.
		 */
		private static final ClassValue<Boolean> PASSES_ATTRIBUTES_ON = new ClassValue<>() {

			@Override
			protected Boolean computeValue(Class<?> type) {
				for (var c = type; c != ServletRequestWrapper.class && c != HttpServletRequestWrapper.class
						&& c != null; c = c.getSuperclass()) {
					for (var method : c.getDeclaredMethods()) {
						if (ATTRIBUTE_METHODS.contains(method.getName())) {
							return false;
						}
					}
				}
				return true;
			}

		};

		private final ServletRequest target;

		private DirectAttributes(HttpServletRequest request, ServletRequest target) {
			super(request);
			this.target = target;
		}

		static HttpServletRequest of(HttpServletRequest request) {
			ServletRequest target = request;
			while (target instanceof ServletRequestWrapper wrapper && PASSES_ATTRIBUTES_ON.get(wrapper.getClass())) {
				target = wrapper.getRequest();
			}
			return (target == request) ? request : new DirectAttributes(request, target);
		}

		ServletRequest target() {
			return target;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return target.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return target.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			target.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			target.removeAttribute(name);
		}

	}

}
