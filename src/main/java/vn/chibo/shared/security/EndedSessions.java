package vn.chibo.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session ended by a change of its account ({@link SignedInSessions}, on any node) ends
 * at its next request: invalidated, and the browser sent to the login page, which says
 * why. It reads a mark in the session the request has loaded anyway — no lookup of its
 * own, where Spring Security's concurrent-session filter read the session from the
 * database a second time on every page (docs/architecture.md, Fast pages).
 */
final class EndedSessions extends OncePerRequestFilter {

	/** The session attribute that marks a session as ended. */
	static final String ENDED = "chibo.session.ended";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(ENDED) != null) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
