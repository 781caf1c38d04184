package vn.chibo.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * A committee's rubrics (DOMAIN.md §6): the shipped ones, added on first use, and its own
 * versions imported from a file (format in {@code rubrics/README.md}). A version once
 * stored never changes, so a score always names the rubric it was given under.
 */
@Service
@Transactional
public class Rubrics {

	/** The rubrics chibo ships (DOMAIN.md §6 A, B, C). */
	static final List<String> SHIPPED = List.of("A-42HD.json", "B-THEMATIC.json", "C-12HD.json");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Map<Long, Rubric> parsed = new ConcurrentHashMap<>();

	Rubrics(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A rubric version as stored for a committee. */
	public record StoredRubric(long id, Rubric rubric, OffsetDateTime createdAt, String createdBy) {
	}

	/** The committee's rubrics, every version, the shipped ones added on first use. */
	public List<StoredRubric> rubrics(long committeeId) {
		ensureShipped(committeeId);
		return jdbc.sql("""
				select id, definition, created_at, created_by from rubric where committee_id = :c order by code, version
				""")
			.param("c", committeeId)
			.query((rs, row) -> new StoredRubric(rs.getLong(1),
					parsed.computeIfAbsent(rs.getLong(1), (id) -> parse(rs)), rs.getObject(3, OffsetDateTime.class),
					rs.getString(4)))
			.list();
	}

	private static Rubric parse(java.sql.ResultSet rs) {
		try {
			return RubricFormat.parse(rs.getString(2));
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The rubrics in force for a meeting: of each code that applies to its kind and date,
	 * the latest version.
	 */
	public List<StoredRubric> inForce(long committeeId, MeetingKind kind, LocalDate date) {
		var latest = new LinkedHashMap<String, StoredRubric>();
		for (var stored : rubrics(committeeId)) {
			if (stored.rubric().appliesTo(kind, date)) {
				latest.merge(stored.rubric().code(), stored,
						(a, b) -> (a.rubric().version() >= b.rubric().version()) ? a : b);
			}
		}
		return List.copyOf(latest.values());
	}

	/**
	 * The file of one of the committee's rubric versions, as imported: the start of a new
	 * version (DOMAIN.md §6 — rubrics are versioned data, edited by importing).
	 */
	public String definition(long committeeId, long rubricId) {
		ensureShipped(committeeId);
		return jdbc.sql("select definition from rubric where committee_id = :c and id = :id")
			.param("c", committeeId)
			.param("id", rubricId)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * A committee's own rubric, or a new version of one, from its file; checked whole
	 * first, so a broken file changes nothing.
	 */
	public long importRubric(CurrentUser user, String text) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("rubric");
		}
		var rubric = RubricFormat.parse(text);
		ensureShipped(user.committeeId());
		var exists = jdbc.sql("select count(*) from rubric where committee_id = :c and code = :code and version = :v")
			.param("c", user.committeeId())
			.param("code", rubric.code())
			.param("v", rubric.version())
			.query(Long.class)
			.single();
		if (exists > 0) {
			throw new BusinessRuleException("file", "rubric.exists", rubric.code(), rubric.version());
		}
		var id = insert(user.committeeId(), rubric, text, user.username());
		audit.record(user.committeeId(), user.username(), Evaluations.AUDIT_TYPE, id, "importRubric", null,
				Map.of("code", rubric.code(), "version", rubric.version(), "name", rubric.name()));
		return id;
	}

	Rubric rubric(long committeeId, long rubricId) {
		return rubrics(committeeId).stream()
			.filter((r) -> r.id() == rubricId)
			.findFirst()
			.orElseThrow(NotFoundException::new)
			.rubric();
	}

	private void ensureShipped(long committeeId) {
		for (var file : SHIPPED) {
			String text;
			try {
				text = new ClassPathResource("rubrics/" + file).getContentAsString(StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			var rubric = RubricFormat.parse(text);
			var exists = jdbc
				.sql("select count(*) from rubric where committee_id = :c and code = :code and version = :v")
				.param("c", committeeId)
				.param("code", rubric.code())
				.param("v", rubric.version())
				.query(Long.class)
				.single();
			if (exists == 0) {
				insert(committeeId, rubric, text, AuditTrail.SYSTEM);
			}
		}
	}

	private long insert(long committeeId, Rubric rubric, String text, String actor) {
		return jdbc.sql("""
				insert into rubric (committee_id, code, version, name, definition, valid_from, valid_to, applies_to,
				created_by) values (:c, :code, :version, :name, :definition, :from, :to, cast(:kinds as text[]), :by)
				on conflict (committee_id, code, version) do nothing returning id
				""")
			.param("c", committeeId)
			.param("code", rubric.code())
			.param("version", rubric.version())
			.param("name", rubric.name())
			.param("definition", text)
			.param("from", rubric.validFrom())
			.param("to", rubric.validTo())
			.param("kinds", rubric.appliesTo().stream().map(Enum::name).toArray(String[]::new))
			.param("by", actor)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
