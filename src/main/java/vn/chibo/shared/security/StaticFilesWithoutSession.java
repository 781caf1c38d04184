package vn.chibo.shared.security;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Static files (stylesheets, scripts, icons) are public and answered without the session:
 * the session cookie is not passed on to them, so that a page's files cost no read of the
 * session from the database nor a write of its last access (docs/architecture.md, "Fast
 * pages"). Runs before the session filter.
 */
@Component
class StaticFilesWithoutSession extends OncePerRequestFilter implements Ordered {

	private final String sessionCookie;

	StaticFilesWithoutSession(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
		this.sessionCookie = sessionCookie;
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 1;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public Cookie[] getCookies() {
				var cookies = super.getCookies();
				return (cookies == null) ? null
						: Arrays.stream(cookies)
							.filter((cookie) -> !cookie.getName().equals(sessionCookie))
							.toArray(Cookie[]::new);
			}

		}, response);
	}

}
