package vn.chibo.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One audit event as screens show it: the fields that changed with their old and new
 * values.
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String entityType, @Nullable Long entityId,
		String action, List<Change> changes) {

	public record Change(String field, @Nullable String before, @Nullable String after) {
	}

}
