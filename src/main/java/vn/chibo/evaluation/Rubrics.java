package vn.chibo.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.organization.CommitteeCreated;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.evaluation.rubric.RubricFormat;

/**
 * A committee's rubrics (docs/domain.md §6): the shipped ones, added on first use, and
 * its own versions imported from a file (format in {@code docs/rubric-format.md}). A
 * version once stored never changes, so a score always names the rubric it was given
 * under.
 */
@Service
@Transactional
public class Rubrics {

	/** The rubrics chibo ships (docs/domain.md §6 A, B, C). */
	static final List<String> SHIPPED = List.of("A-42HD.json", "B-THEMATIC.json", "C-12HD.json");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Map<Long, Rubric> parsed = new ConcurrentHashMap<>();

	private final OrganizationQueries organizations;

	Rubrics(JdbcClient jdbc, AuditTrail audit, OrganizationQueries organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A rubric version as stored for a committee. */
	public record StoredRubric(long id, Rubric rubric, OffsetDateTime createdAt, String createdBy) {
	}

	/**
	 * The committee's rubrics, every version (the shipped ones are installed at start and
	 * before any scoring, never by a reading).
	 */
	@Transactional(readOnly = true)
	public List<StoredRubric> rubrics(long committeeId) {
		return jdbc.sql("""
				select id, definition, created_at, created_by from rubric where committee_id = :c order by code, version
				""")
			.param("c", committeeId)
			.query((rs, row) -> new StoredRubric(rs.getLong(1),
					parsed.computeIfAbsent(rs.getLong(1), (id) -> parse(rs)), rs.getObject(3, OffsetDateTime.class),
					rs.getString(4)))
			.list();
	}

	private static Rubric parse(ResultSet rs) {
		try {
			return RubricFormat.parse(rs.getString(2));
		}
		catch (SQLException ex) {
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
	 * version (docs/domain.md §6 — rubrics are versioned data, edited by importing).
	 */
	@Transactional(readOnly = true)
	public String definition(long committeeId, long rubricId) {
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
		requireKeeper(user);
		return store(user, RubricFormat.parse(text), text, "importRubric", Map.of());
	}

	/**
	 * The next version of a rubric from the edit screen: the base version's file with the
	 * edited names, points, thresholds, dates and kinds, checked whole as an imported
	 * file is; the base version and the scores given under it stay as they are.
	 */
	public long saveEdited(CurrentUser user, long baseId, RubricForm form) {
		requireKeeper(user);
		var base = rubric(user.committeeId(), baseId);
		var root = (ObjectNode) JSON.readTree(definition(user.committeeId(), baseId));
		var name = VietnameseText.clean(form.getName());
		if (name == null || name.isEmpty()) {
			throw new BusinessRuleException("name", "rubric.edit.name.required");
		}
		if (form.getValidFrom() == null) {
			throw new BusinessRuleException("validFrom", "rubric.edit.validFrom.required");
		}
		if (form.getAppliesTo().isEmpty()) {
			throw new BusinessRuleException("appliesTo", "rubric.edit.appliesTo.required");
		}
		if (form.getLevels().size() != base.levels().size() || form.getGroups().size() != base.groups().size()) {
			throw new BusinessRuleException("", "rubric.edit.stale");
		}
		var next = jdbc.sql("select max(version) + 1 from rubric where committee_id = :c and code = :code")
			.param("c", user.committeeId())
			.param("code", base.code())
			.query(Integer.class)
			.single();
		root.put("version", next);
		root.put("name", name);
		root.put("validFrom", form.getValidFrom().toString());
		if (form.getValidTo() != null) {
			root.put("validTo", form.getValidTo().toString());
		}
		else {
			root.putNull("validTo");
		}
		var kinds = root.putArray("appliesTo");
		form.getAppliesTo().forEach((kind) -> kinds.add(kind.name()));
		for (var i = 0; i < base.levels().size(); i++) {
			var min = (i < form.getLevels().size()) ? form.getLevels().get(i) : null;
			if (min == null || min < 0 || min > 100) {
				throw new BusinessRuleException("levels[" + i + "]", "rubric.edit.level.required",
						levelName(base.levels().get(i).level()));
			}
			((ObjectNode) root.get("levels").get(i)).put("min", min);
		}
		for (var g = 0; g < base.groups().size(); g++) {
			var group = base.groups().get(g);
			var field = form.getGroups().get(g);
			var node = (ObjectNode) root.get("groups").get(g);
			var groupName = VietnameseText.clean(field.getName());
			if (groupName == null || groupName.isEmpty()) {
				throw new BusinessRuleException("groups[" + g + "].name", "rubric.edit.group.required", group.code());
			}
			node.put("name", groupName);
			if (field.getCriteria().size() != group.criteria().size()) {
				throw new BusinessRuleException("", "rubric.edit.stale");
			}
			for (var c = 0; c < group.criteria().size(); c++) {
				var code = group.criteria().get(c).code();
				var criterion = field.getCriteria().get(c);
				var criterionName = VietnameseText.clean(criterion.getName());
				var path = "groups[" + g + "].criteria[" + c + "]";
				if (criterionName == null || criterionName.isEmpty()) {
					throw new BusinessRuleException(path + ".name", "rubric.edit.criterion.required", code);
				}
				// Points of one criterion: above 0, and no more than a whole rubric's
				// 100.
				if (criterion.getMax() == null || criterion.getMax() <= 0 || criterion.getMax() > 100) {
					throw new BusinessRuleException(path + ".max", "rubric.edit.criterion.max", code);
				}
				var criterionNode = (ObjectNode) node.get("criteria").get(c);
				criterionNode.put("name", criterionName);
				criterionNode.put("max", criterion.getMax());
			}
		}
		var text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
		Rubric edited;
		try {
			edited = RubricFormat.parse(text);
		}
		catch (BusinessRuleException ex) {
			throw placed(ex, base);
		}
		return store(user, edited, text, "editRubric", Map.of("fromVersion", base.version()));
	}

	/**
	 * The error of a file check with the criterion's code instead of its place in the
	 * file ("groups[1].criteria[0]" → "Tiêu chí 2.1").
	 */
	static BusinessRuleException placed(BusinessRuleException ex, Rubric base) {
		var args = ex.arguments();
		if (args.length > 0 && args[0] instanceof String path) {
			var match = CRITERION_PATH.matcher(path);
			if (match.matches()) {
				var code = base.groups()
					.get(Integer.parseInt(match.group(1)))
					.criteria()
					.get(Integer.parseInt(match.group(2)))
					.code();
				var band = BAND_PATH.matcher(match.group(3));
				args[0] = band.matches()
						? new DefaultMessageSourceResolvable(new String[] { "rubric.edit.placeBand" },
								new Object[] { code, Integer.parseInt(band.group(1)) + 1 })
						: new DefaultMessageSourceResolvable(new String[] { "rubric.edit.place" },
								new Object[] { code });
				return new BusinessRuleException(ex.field(), ex.messageKey(), args);
			}
		}
		return ex;
	}

	/**
	 * A value of the edit screen that is not a number or a date, named by its field: the
	 * criterion's code for its points, the level for a threshold.
	 */
	public static BusinessRuleException unreadable(String field, Rubric base) {
		var criterion = CRITERION_PATH.matcher(field);
		if (criterion.matches()) {
			var code = base.groups()
				.get(Integer.parseInt(criterion.group(1)))
				.criteria()
				.get(Integer.parseInt(criterion.group(2)))
				.code();
			return new BusinessRuleException(field, "rubric.edit.criterion.max", code);
		}
		var level = LEVEL_PATH.matcher(field);
		if (level.matches()) {
			return new BusinessRuleException(field, "rubric.edit.level.required",
					levelName(base.levels().get(Integer.parseInt(level.group(1))).level()));
		}
		if (field.startsWith("valid")) {
			return new BusinessRuleException(field, "rubric.edit.date",
					new DefaultMessageSourceResolvable("rubric.edit." + field));
		}
		return new BusinessRuleException(field, "rubric.edit.stale");
	}

	private static final Pattern BAND_PATH = Pattern.compile("\\.params\\.bands\\[(\\d+)]");

	private static final Pattern LEVEL_PATH = Pattern.compile("levels\\[(\\d+)]");

	private static final Pattern CRITERION_PATH = Pattern.compile("groups\\[(\\d+)]\\.criteria\\[(\\d+)](.*)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static DefaultMessageSourceResolvable levelName(Level level) {
		return new DefaultMessageSourceResolvable("evaluation.level." + level.name());
	}

	private static void requireKeeper(CurrentUser user) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("rubric");
		}
	}

	private long store(CurrentUser user, Rubric rubric, String text, String action, Map<String, Object> extra) {
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
		if (id == 0) {
			// Saved by someone else in between.
			throw new BusinessRuleException("file", "rubric.exists", rubric.code(), rubric.version());
		}
		var after = new LinkedHashMap<String, Object>(
				Map.of("code", rubric.code(), "version", rubric.version(), "name", rubric.name()));
		after.putAll(extra);
		audit.record(user.committeeId(), user.username(), Evaluations.AUDIT_TYPE, id, action, null, after);
		return id;
	}

	public Rubric rubric(long committeeId, long rubricId) {
		return rubrics(committeeId).stream()
			.filter((r) -> r.id() == rubricId)
			.findFirst()
			.orElseThrow(NotFoundException::new)
			.rubric();
	}

	/** Every grassroots committee has the shipped rubrics from the start. */
	@EventListener(ApplicationReadyEvent.class)
	public void installShipped() {
		organizations.grassrootsCommittees().forEach(this::installShipped);
	}

	/** A new committee has the shipped rubrics from its first day. */
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(CommitteeCreated created) {
		installShipped(created.committeeId());
	}

	/** Adds the rubrics chibo ships (A, B, C) that the committee does not have yet. */
	public void installShipped(long committeeId) {
		ensureShipped(committeeId);
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
