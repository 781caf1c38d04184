package vn.chibo.shared.security;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request reads its session from the database once. Spring Session's filter, after
 * saving the session at the end of a request, forgets the session it loaded and looks the
 * requested one up again only to compare its id with the cookie's — a database read and a
 * transaction on every page. Within one request the session repository here answers a
 * second lookup of the same id with the session the request has already loaded, the same
 * object it has just saved (docs/architecture.md, "Fast pages"). A lookup of another id,
 * or of an id the request has changed or deleted, still goes to the database.
 *
 * <p>
 * Nor does a request write its session back when nothing but its last access changed and
 * that by less than {@link SecurityConfiguration#LAST_ACCESS_WRITTEN_EVERY}: the update
 * statement would change no row then, and it cost the page a transaction of its own. A
 * session whose attributes, id or timeout changed, or whose last access is older, is
 * saved as before.
 *
 * <p>
 * The reads and the writes that reach the database are counted
 * ({@code chibo_session_reads_total}, {@code chibo_session_writes_total}).
 */
final class SessionReadOnce extends OncePerRequestFilter implements Ordered {

	/**
	 * During a request, the session it has loaded (a holder of one, empty until then);
	 * outside requests (scheduled work) nothing, and every lookup reads the database.
	 */
	private static final ThreadLocal<Loaded> LOADED = new ThreadLocal<>();

	/** The JDBC session's {@code getDelta()}, if it can be read. */
	private static final @Nullable Method DELTA = delta();

	/**
	 * The session a request loaded, with its id, timeout and last access as the database
	 * had them.
	 */
	private static final class Loaded {

		@Nullable Session session;

		@Nullable String id;

		@Nullable Instant lastAccess;

		@Nullable Duration maxInactive;

		void set(@Nullable Session found) {
			this.session = found;
			this.id = (found != null) ? found.getId() : null;
			this.lastAccess = (found != null) ? found.getLastAccessedTime() : null;
			this.maxInactive = (found != null) ? found.getMaxInactiveInterval() : null;
		}

		/**
		 * Whether saving the session would write nothing: it is the one loaded, with the
		 * same id and timeout, no attribute changed, and its last access newer than the
		 * stored one by less than the interval at which it is written.
		 */
		boolean unchanged(Object saved) {
			return saved == this.session && this.session.getId().equals(this.id)
					&& this.session.getMaxInactiveInterval().equals(this.maxInactive)
					&& Duration.between(this.lastAccess, this.session.getLastAccessedTime())
						.compareTo(SecurityConfiguration.LAST_ACCESS_WRITTEN_EVERY) < 0
					&& noAttributeChanged(saved);
		}

	}

	/**
	 * The JDBC session's own record of the attributes set or removed since it was loaded
	 * ({@code getDelta()}, not public): read so that a session with a changed attribute
	 * is always saved; if it cannot be read, every session is.
	 */
	private static boolean noAttributeChanged(Object session) {
		if (DELTA == null || !DELTA.getDeclaringClass().isInstance(session)) {
			return false;
		}
		try {
			return DELTA.invoke(session) instanceof Map<?, ?> changes && changes.isEmpty();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return false;
		}
	}

	private static @Nullable Method delta() {
		try {
			var method = Class.forName(JdbcIndexedSessionRepository.class.getName() + "$JdbcSession")
				.getDeclaredMethod("getDelta");
			method.setAccessible(true);
			return method;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 2;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LOADED.set(new Loaded());
		try {
			chain.doFilter(request, response);
		}
		finally {
			LOADED.remove();
		}
	}

	/**
	 * Wraps the JDBC session repository (keeping its type, which Spring Session's own
	 * beans ask for) so that {@code findById} answers from the request's loaded session.
	 */
	static BeanPostProcessor repository(ObjectProvider<MeterRegistry> meters) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JdbcIndexedSessionRepository)) {
					return bean;
				}
				var reads = new AtomicReference<Counter>();
				var writes = new AtomicReference<Counter>();
				var proxy = new ProxyFactory(bean);
				proxy.setProxyTargetClass(true);
				proxy.addAdvice((MethodInterceptor) (invocation) -> {
					var method = invocation.getMethod().getName();
					var arguments = invocation.getArguments();
					var loaded = LOADED.get();
					if (method.equals("findById") && arguments.length == 1) {
						if (loaded != null && loaded.session != null && loaded.session.getId().equals(arguments[0])) {
							return loaded.session;
						}
						count(reads, "chibo.session.reads", "Sessions read from the database", meters);
						var found = (Session) invocation.proceed();
						if (loaded != null) {
							loaded.set(found);
						}
						return found;
					}
					if (method.equals("save") && arguments.length == 1) {
						if (loaded != null && loaded.unchanged(arguments[0])) {
							return null;
						}
						count(writes, "chibo.session.writes", "Sessions written to the database", meters);
						invocation.proceed();
						if (loaded != null && arguments[0] == loaded.session) {
							// as stored now: a second save in the same request writes
							// nothing
							loaded.set(loaded.session);
						}
						return null;
					}
					if (method.equals("deleteById") && loaded != null) {
						loaded.set(null);
					}
					return invocation.proceed();
				});
				return proxy.getProxy(bean.getClass().getClassLoader());
			}

		};
	}

	private static void count(AtomicReference<Counter> counter, String name, String description,
			ObjectProvider<MeterRegistry> meters) {
		counter
			.updateAndGet((made) -> (made != null) ? made
					: Counter.builder(name).description(description).register(meters.getObject()))
			.increment();
	}

}
