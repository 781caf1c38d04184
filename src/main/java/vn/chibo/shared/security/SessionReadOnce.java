package vn.chibo.shared.security;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;

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
 * The reads that reach the database are counted ({@code chibo_session_reads_total}).
 */
final class SessionReadOnce extends OncePerRequestFilter implements Ordered {

	/**
	 * During a request, the session it has loaded (a holder of one, empty until then);
	 * outside requests (scheduled work) nothing, and every lookup reads the database.
	 */
	private static final ThreadLocal<Session[]> LOADED = new ThreadLocal<>();

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 2;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LOADED.set(new Session[1]);
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
				var proxy = new ProxyFactory(bean);
				proxy.setProxyTargetClass(true);
				proxy.addAdvice((MethodInterceptor) (invocation) -> {
					var method = invocation.getMethod().getName();
					var arguments = invocation.getArguments();
					var loaded = LOADED.get();
					if (method.equals("findById") && arguments.length == 1) {
						if (loaded != null && loaded[0] != null && loaded[0].getId().equals(arguments[0])) {
							return loaded[0];
						}
						reads
							.updateAndGet((counter) -> (counter != null) ? counter
									: Counter.builder("chibo.session.reads")
										.description("Sessions read from the database")
										.register(meters.getObject()))
							.increment();
						var found = (Session) invocation.proceed();
						if (loaded != null) {
							loaded[0] = found;
						}
						return found;
					}
					if (method.equals("deleteById") && loaded != null) {
						loaded[0] = null;
					}
					return invocation.proceed();
				});
				return proxy.getProxy(bean.getClass().getClassLoader());
			}

		};
	}

}
