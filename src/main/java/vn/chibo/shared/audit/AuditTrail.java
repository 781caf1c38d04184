package vn.chibo.shared.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change: who, when, what, before and after. Called inside the changing
 * transaction, so a change and its audit entry are kept or lost together.
 */
@Service
public class AuditTrail {

	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(long committeeId, String actor, String entityType, @Nullable Long entityId, String action,
			@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
		jdbc.sql("""
				insert into audit_event (committee_id, actor, entity_type, entity_id, action, before_state, after_state)
				values (:committee, :actor, :type, :entity, :action, cast(:before as jsonb), cast(:after as jsonb))
				""")
			.param("committee", committeeId)
			.param("actor", actor)
			.param("type", entityType)
			.param("entity", entityId)
			.param("action", action)
			.param("before", (before != null) ? json.writeValueAsString(before) : null)
			.param("after", (after != null) ? json.writeValueAsString(after) : null)
			.update();
	}

	/**
	 * The logged-in user's name, or {@value #SYSTEM} outside a request (start-up,
	 * scheduled work).
	 */
	public static String currentActor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : SYSTEM;
	}

}
