package vn.chibo.organization;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;

/**
 * Changes to the organisation tree: create, edit, move, close. Only the committee office
 * and admins.
 */
@Service
@Transactional
public class OrganizationService {

	static final String AUDIT_TYPE = "organization";

	private final JdbcClient jdbc;

	private final OrganizationQueries queries;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final OrganizationTree tree;

	OrganizationService(JdbcClient jdbc, OrganizationQueries queries, AuditTrail audit,
			ApplicationEventPublisher events, OrganizationTree tree) {
		this.tree = tree;
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Registers a grassroots committee as a tenant; its organisations are then created
	 * under it. The place name heads its documents ("Hà Tĩnh, ngày …"; docs/domain.md
	 * §16).
	 */
	public long createCommittee(String code, String name, String placeName) {
		var id = jdbc.sql("insert into committee (code, name, place_name) values (:code, :name, :place) returning id")
			.param("code", code)
			.param("name", name)
			.param("place", placeName)
			.query(Long.class)
			.single();
		events.publishEvent(new CommitteeCreated(id));
		return id;
	}

	/**
	 * Creates a superior committee (cấp ủy cấp trên, docs/domain.md §3): a tenant of its
	 * own whose accounts observe the grassroots committees placed under it.
	 */
	public long createSuperiorCommittee(String code, String name, String placeName) {
		return jdbc
			.sql("""
					insert into committee (code, name, place_name, kind) values (:code, :name, :place, 'SUPERIOR') returning id
					""")
			.param("code", code)
			.param("name", name)
			.param("place", placeName)
			.query(Long.class)
			.single();
	}

	/** Places a committee under a superior one; a committee has one direct superior. */
	public void placeUnder(long committeeId, long superiorId) {
		var superior = jdbc.sql("select kind from committee where id = :id")
			.param("id", superiorId)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		if (!superior.equals("SUPERIOR") || committeeId == superiorId) {
			throw new IllegalArgumentException("Not a superior committee: " + superiorId);
		}
		jdbc.sql("update committee set superior_id = :superior where id = :id")
			.param("superior", superiorId)
			.param("id", committeeId)
			.update();
		audit.record(committeeId, AuditTrail.currentActor(), "committee", committeeId, "place-under", null,
				Map.of("superiorId", superiorId));
	}

	public Optional<Long> committeeId(String code) {
		return jdbc.sql("select id from committee where code = :code").param("code", code).query(Long.class).optional();
	}

	public boolean anyCommittee() {
		return jdbc.sql("select exists (select 1 from committee)").query(Boolean.class).single();
	}

	/**
	 * Creates a committee's top organisation (no parent); used when a committee is set
	 * up.
	 */
	public long createRoot(long committeeId, String code, String name, OrgLevel level) {
		var id = insert(committeeId, code, name, level, null, null, null);
		audit.record(committeeId, AuditTrail.currentActor(), AUDIT_TYPE, id, "create", null,
				Map.of("code", code, "name", name, "level", level));
		return id;
	}

	public long create(CurrentUser user, OrganizationForm form) {
		requireStructureRights(user);
		var parentId = form.getParentId();
		if (parentId == null || !queries.isVisible(user, parentId)) {
			throw new BusinessRuleException("parentId", "org.parent.required");
		}
		var parent = queries.find(user.committeeId(), parentId).orElseThrow(NotFoundException::new);
		var level = require(form.getLevel());
		checkLevel(parent, level);
		var id = insert(user.committeeId(), require(VietnameseText.clean(form.getCode())),
				require(VietnameseText.clean(form.getName())), level, parentId,
				VietnameseText.cleanOrNull(form.getFieldOfWork()), form.getFoundedOn());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null,
				state(queries.find(user.committeeId(), id).orElseThrow()));
		return id;
	}

	public void update(CurrentUser user, long id, OrganizationForm form) {
		requireStructureRights(user);
		var before = queries.visible(user, id);
		var level = require(form.getLevel());
		if (before.parentId() != null) {
			checkLevel(queries.find(user.committeeId(), before.parentId()).orElseThrow(), level);
		}
		for (var child : queries.tree(user.committeeId(), id)) {
			if (child.depth() == 1 && !level.mayContain(child.level())) {
				throw new BusinessRuleException("level", "org.level.children");
			}
		}
		try {
			var updated = jdbc.sql("""
					update organization set code = :code, name = :name, level = :level, field_of_work = :field,
					founded_on = :founded, version = version + 1
					where committee_id = :committee and id = :id and version = :version
					""")
				.param("code", require(VietnameseText.clean(form.getCode())))
				.param("name", require(VietnameseText.clean(form.getName())))
				.param("level", level.name())
				.param("field", VietnameseText.cleanOrNull(form.getFieldOfWork()))
				.param("founded", form.getFoundedOn())
				.param("committee", user.committeeId())
				.param("id", id)
				.param("version", form.getVersion())
				.update();
			if (updated == 0) {
				throw new ConflictException("error.conflict");
			}
			tree.changed(user.committeeId());
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("code", "org.code.taken", form.getCode());
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", state(before),
				state(queries.find(user.committeeId(), id).orElseThrow()));
	}

	public void move(CurrentUser user, long id, long newParentId) {
		requireStructureRights(user);
		var before = queries.visible(user, id);
		if (before.parentId() == null || id == user.scopeOrganizationId()) {
			throw new BusinessRuleException("parentId", "org.move.root");
		}
		if (!queries.isVisible(user, newParentId)) {
			throw new BusinessRuleException("parentId", "org.parent.required");
		}
		// A node cannot move under itself or one of its descendants: the tree would
		// become a cycle.
		if (queries.subtreeIds(user.committeeId(), id).contains(newParentId)) {
			throw new BusinessRuleException("parentId", "org.move.cycle");
		}
		var parent = queries.find(user.committeeId(), newParentId).orElseThrow();
		checkLevel(parent, before.level());
		jdbc.sql(
				"update organization set parent_id = :parent, version = version + 1 where committee_id = :committee and id = :id")
			.param("parent", newParentId)
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		tree.changed(user.committeeId());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "move", Map.of("parentId", before.parentId()),
				Map.of("parentId", newParentId));
	}

	public void close(CurrentUser user, long id, LocalDate closedOn) {
		requireStructureRights(user);
		var before = queries.visible(user, id);
		if (!before.active()) {
			throw new BusinessRuleException("", "org.close.already");
		}
		if (before.parentId() == null || id == user.scopeOrganizationId()) {
			throw new BusinessRuleException("", "org.close.root");
		}
		var openChildren = queries.tree(user.committeeId(), id)
			.stream()
			.filter((node) -> node.depth() > 0 && node.active())
			.count();
		if (openChildren > 0) {
			throw new BusinessRuleException("", "org.close.children", openChildren);
		}
		events.publishEvent(new OrganizationClosing(user.committeeId(), id));
		jdbc.sql("""
				update organization set status = 'CLOSED', closed_on = :closed, version = version + 1
				where committee_id = :committee and id = :id
				""").param("closed", closedOn).param("committee", user.committeeId()).param("id", id).update();
		tree.changed(user.committeeId());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "close", state(before),
				state(queries.find(user.committeeId(), id).orElseThrow()));
	}

	private long insert(long committeeId, String code, String name, OrgLevel level, @Nullable Long parentId,
			@Nullable String fieldOfWork, @Nullable LocalDate foundedOn) {
		tree.changed(committeeId);
		try {
			return jdbc.sql("""
					insert into organization (committee_id, code, name, level, parent_id, field_of_work, founded_on)
					values (:committee, :code, :name, :level, :parent, :field, :founded) returning id
					""")
				.param("committee", committeeId)
				.param("code", code)
				.param("name", name)
				.param("level", level.name())
				.param("parent", parentId)
				.param("field", fieldOfWork)
				.param("founded", foundedOn)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("code", "org.code.taken", code);
		}
	}

	private static void checkLevel(OrgNode parent, OrgLevel level) {
		if (!parent.level().mayContain(level)) {
			throw new BusinessRuleException("level", "org.level.parent");
		}
		if (!parent.active()) {
			throw new BusinessRuleException("parentId", "org.parent.closed");
		}
	}

	private static void requireStructureRights(CurrentUser user) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("organization");
		}
	}

	private static <T> T require(@Nullable T value) {
		if (value == null || (value instanceof String text && text.isEmpty())) {
			throw new BusinessRuleException("", "error.required");
		}
		return value;
	}

	static Map<String, @Nullable Object> state(OrgNode node) {
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("code", node.code());
		state.put("name", node.name());
		state.put("level", node.level());
		state.put("parentId", node.parentId());
		state.put("status", node.status());
		state.put("fieldOfWork", node.fieldOfWork());
		state.put("foundedOn", node.foundedOn());
		state.put("closedOn", node.closedOn());
		return state;
	}

}
