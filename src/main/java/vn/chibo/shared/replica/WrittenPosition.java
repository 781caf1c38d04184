package vn.chibo.shared.replica;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The writer reads their own writes: when a request that may write (not a GET) commits a
 * transaction, its answer carries a cookie with the end of the primary's write-ahead log
 * at that moment; a replica page of that browser reads from the replica only once the
 * replica has replayed that far (docs/architecture.md, "Read replica").
 */
class WrittenPosition implements TransactionExecutionListener {

	static final String COOKIE = "chibo-written";

	/**
	 * Longer than any lag the replica is used with ({@code chibo.replica.max-lag}): by
	 * then it has the write or serves nobody.
	 */
	private static final Duration KEPT = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	WrittenPosition(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable failure) {
		if (failure != null || transaction.isReadOnly()
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		var response = attributes.getResponse();
		var method = attributes.getRequest().getMethod();
		if (response == null || response.isCommitted() || "GET".equals(method) || "HEAD".equals(method)) {
			return;
		}
		// On the transaction's own connection, still held until its clean-up: the insert
		// position is at or after the end of the commit just made.
		var position = jdbc.sql("select pg_current_wal_insert_lsn()::text").query(String.class).single();
		var cookie = ResponseCookie.from(COOKIE, Long.toHexString(Lsn.parse(position)))
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.secure(attributes.getRequest().isSecure())
			.maxAge(KEPT)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/**
	 * The position of the reader's last write, from their cookie; {@code null} if none.
	 */
	static @Nullable Long of(HttpServletRequest request) {
		var cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (var cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				try {
					return Long.parseUnsignedLong(cookie.getValue(), 16);
				}
				catch (NumberFormatException ex) {
					// Not ours: read as if just written, from the primary.
					return -2L;
				}
			}
		}
		return null;
	}

}
