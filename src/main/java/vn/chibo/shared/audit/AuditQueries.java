package vn.chibo.shared.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.web.PageOf;

/**
 * Reads the audit trail of one record, or of the whole committee for the admin screen.
 */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLabels labels;

	AuditQueries(JdbcClient jdbc, JsonMapper json, AuditLabels labels) {
		this.jdbc = jdbc;
		this.json = json;
		this.labels = labels;
	}

	public List<AuditEntry> forEntity(long committeeId, String entityType, long entityId) {
		return jdbc.sql("""
				select * from audit_event where committee_id = :committee and entity_type = :type and entity_id = :id
				order by occurred_at desc, id desc limit 200
				""")
			.param("committee", committeeId)
			.param("type", entityType)
			.param("id", entityId)
			.query(this::entry)
			.list();
	}

	public PageOf<AuditEntry> recent(long committeeId, @Nullable String entityType, int page, int size) {
		var type = (entityType == null || entityType.isBlank()) ? null : entityType;
		var total = jdbc.sql(
				"select count(*) from audit_event where committee_id = :committee and (cast(:type as text) is null or entity_type = :type)")
			.param("committee", committeeId)
			.param("type", type)
			.query(Long.class)
			.single();
		var items = jdbc
			.sql("""
					select * from audit_event where committee_id = :committee and (cast(:type as text) is null or entity_type = :type)
					order by occurred_at desc, id desc limit :size offset :offset
					""")
			.param("committee", committeeId)
			.param("type", type)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::entry)
			.list();
		return new PageOf<>(items, total, page, size);
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		var before = parse(rs.getString("before_state"));
		var after = parse(rs.getString("after_state"));
		var type = rs.getString("entity_type");
		var action = rs.getString("action");
		var entityId = (Long) rs.getObject("entity_id");
		var fields = new TreeSet<String>();
		fields.addAll(before.keySet());
		fields.addAll(after.keySet());
		var changes = new ArrayList<AuditEntry.Change>();
		for (var field : fields) {
			var old = before.get(field);
			var now = after.get(field);
			if (!Objects.equals(old, now)) {
				changes.add(new AuditEntry.Change(field, labels.field(type, field), labels.value(type, field, old),
						labels.value(type, field, now)));
			}
		}
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
				rs.getString("actor"), type, entityId, action, labels.type(type), labels.action(type, action),
				labels.href(type, entityId), changes);
	}

	private Map<String, Object> parse(@Nullable String value) {
		return (value == null) ? Map.of() : json.readValue(value, MAP);
	}

}
