package vn.chibo.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One audit event as screens show it: the record and the work named in words, the fields
 * that changed with their old and new values as a reader reads them (labels for codes,
 * dd/MM/yyyy for dates).
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String entityType, @Nullable Long entityId,
		String action, String typeLabel, String actionLabel, @Nullable String href, List<Change> changes) {

	public record Change(String field, String label, String before, String after) {
	}

}
