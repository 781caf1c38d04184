package vn.chibo.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * No request body but an upload may be larger than {@link #MAX_BYTES}: a JSON or form
 * body over it is refused with 413 before anything reads it, and one that does not say
 * its length stops being read there (uploads have their own limits,
 * {@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

	static final int MAX_BYTES = 2 * 1024 * 1024;

	private final MessageSource messages;

	private final LocaleResolver locales;

	RequestBodyLimit(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new Bounded(request), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var message = messages.getMessage("error.413.text", new Object[] { MAX_BYTES / (1024 * 1024) },
				locales.resolveLocale(request));
		if (request.getRequestURI().startsWith("/api/")) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"status\":413,\"detail\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
			return;
		}
		response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, message);
	}

	/** A request whose body stops being read past the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		Bounded(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				var inner = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						var b = inner.read();
						if (b >= 0 && ++read > MAX_BYTES) {
							throw new IOException("request body over " + MAX_BYTES + " bytes");
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						var n = inner.read(buffer, offset, length);
						if (n > 0 && (read += n) > MAX_BYTES) {
							throw new IOException("request body over " + MAX_BYTES + " bytes");
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return inner.isFinished();
					}

					@Override
					public boolean isReady() {
						return inner.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						inner.setReadListener(listener);
					}

				};
			}
			return stream;
		}

	}

}
