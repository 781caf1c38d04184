package vn.chibo.shared.security;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Pages use form login with CSRF on every form and htmx call; the JSON API under /api
 * takes HTTP Basic and keeps no session. Nothing is public but the login page, static
 * assets, health and the API document.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	// No inline script anywhere: htmx is told not to inject its indicator style
	// (layout.html).
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(UserAccounts accounts, LoginThrottle throttle) {
		return username -> {
			var user = accounts.findByUsername(username.strip())
				.orElseThrow(() -> new UsernameNotFoundException(username));
			return throttle.isLocked(username) ? user.lockedCopy() : user;
		};
	}

	/**
	 * A session's row is written when it changes — signed in, its id renewed, its timeout
	 * changed — and its last access at most once a minute, not on every request: each
	 * write is a commit the database flushes to disk, and a page's reads would queue
	 * behind them. A session may so end up to a minute before its timeout after the last
	 * request.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionWrites() {
		return (repository) -> repository.setUpdateSessionQuery("""
				update spring_session s set session_id = v.session_id, last_access_time = v.last_access_time,
				max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
				principal_name = v.principal_name
				from (select cast(? as char(36)) as session_id, cast(? as bigint) as last_access_time,
					cast(? as int) as max_inactive_interval, cast(? as bigint) as expiry_time,
					cast(? as varchar(100)) as principal_name, cast(? as char(36)) as primary_id) v
				where s.primary_id = v.primary_id and (s.session_id <> v.session_id
					or s.max_inactive_interval <> v.max_inactive_interval
					or s.principal_name is distinct from v.principal_name
					or v.last_access_time - s.last_access_time >= %d)
				""".formatted(LAST_ACCESS_WRITTEN_EVERY.toMillis()));
	}

	/**
	 * Two requests of one session at once (a page and its htmx part, two tabs after the
	 * session ended) may both add the same attribute — the request to return to after
	 * signing in, say: the second write replaces the first instead of failing on the
	 * attribute's key (a 500 that the browser tests met).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/** The session repository answering a request's second lookup of its session. */
	@Bean
	static BeanPostProcessor sessionReadOnceRepository(ObjectProvider<MeterRegistry> meters) {
		return SessionReadOnce.repository(meters);
	}

	@Bean
	SessionReadOnce sessionReadOnce() {
		return new SessionReadOnce();
	}

	/** How often a session in use has its last access written. */
	static final Duration LAST_ACCESS_WRITTEN_EVERY = Duration.ofMinutes(1);

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords, Clock clock,
			ApplicationEventPublisher events, ApiLogins apiLogins) throws Exception {
		var check = new DaoAuthenticationProvider(users);
		check.setPasswordEncoder(passwords);
		// Not a bean: it would become the provider of the login form too.
		var remembering = new RememberingAuthenticationProvider(check, clock);
		apiLogins.use(remembering);
		var manager = new ProviderManager(remembering);
		// Failed API logins count towards the same throttle as the login page.
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		http.authenticationManager(manager);
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/prometheus")
			// The published news is public in the API as on the site.
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/news", "/api/v1/news/published/*")
						.permitAll()
						// The metrics, scraped with HTTP Basic, by the deployment's
						// administrators only.
						.requestMatchers("/actuator/prometheus")
						.hasRole(Role.ADMIN.name())
						// An observer of the superior committee keeps no records of its
						// own.
						.anyRequest()
						.hasAnyRole(Role.COMMITTEE_ROLES))
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			// Stateless: no cookie authenticates an API call, so no cross-site request
			// can ride on one.
			.csrf((csrf) -> csrf.disable())
			.headers(this::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, ApplicationAvailability availability)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// Calendar feeds answer to their secret address: calendar apps cannot log in.
			// The news is public (the only public part of chibo).
			.requestMatchers("/login", "/login/forgot", "/login/reset", "/webjars/**", "/assets/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
					// Installing chibo on a phone: the manifest, the service worker, the
					// offline page.
					"/manifest.webmanifest", "/sw.js", "/offline", "/calendar/**", "/tin-tuc", "/tin-tuc/**")
			.permitAll()
			// Observers of a superior committee read the overview of its committees and
			// nothing of any committee's own pages (docs/domain.md §3 roles).
			.requestMatchers("/evaluation/superior", "/evaluation/superior/**", "/classification/superior")
			.hasRole(Role.OBSERVER.name())
			.requestMatchers("/", "/account/password", "/help")
			.authenticated()
			.anyRequest()
			.hasAnyRole(Role.COMMITTEE_ROLES))
			.formLogin((form) -> form.loginPage("/login")
				// The same answer whether the name exists or not: paused or wrong.
				.failureHandler((request, response,
						exception) -> response.sendRedirect(request.getContextPath()
								+ (throttle.isLocked(String.valueOf(request.getParameter("username"))) ? "/login?locked"
										: (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC)
												? "/login?starting" : "/login?error"))))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterAfter(new EndedSessions(), LogoutFilter.class)
			.headers(this::headers);
		return http.build();
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults());
	}

}
