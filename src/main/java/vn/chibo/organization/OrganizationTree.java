package vn.chibo.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each committee's organisation tree held in memory: every page asks which branches a
 * user's scope covers, and the tree (tens to a few hundred nodes) changes rarely. A
 * change through {@link OrganizationService} drops the copy at once and again when its
 * transaction ends; a short lifetime bounds staleness when several instances share one
 * database.
 */
@Component
class OrganizationTree {

	static final Duration LIFETIME = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

	OrganizationTree(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The subtree under {@code rootId} depth first, children by code, with depths from
	 * the root.
	 */
	List<OrgNode> subtree(long committeeId, long rootId) {
		return subtree(snapshot(committeeId), rootId);
	}

	/**
	 * Walked once a snapshot for each root asked, unmodifiable: every request of a user
	 * asks for their scope, often more than once.
	 */
	private List<OrgNode> subtree(Snapshot snapshot, long rootId) {
		return snapshot.subtrees().computeIfAbsent(rootId, (id) -> {
			var root = snapshot.byId().get(id);
			var result = new ArrayList<OrgNode>();
			if (root != null) {
				walk(snapshot, root, 0, result);
			}
			return List.copyOf(result);
		});
	}

	/** Whether every branch of the committee lies under {@code rootId}. */
	boolean coversAllBranches(long committeeId, long rootId) {
		var snapshot = snapshot(committeeId);
		var all = snapshot.byId().values().stream().filter((n) -> n.level().holdsMembers()).count();
		var under = subtree(snapshot, rootId).stream().filter((n) -> n.level().holdsMembers()).count();
		return all == under;
	}

	void changed(long committeeId) {
		snapshots.remove(committeeId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshots.remove(committeeId);
				}
			});
		}
	}

	private void walk(Snapshot snapshot, OrgNode node, int depth, List<OrgNode> result) {
		result.add(new OrgNode(node.id(), node.code(), node.name(), node.level(), node.parentId(), node.status(),
				node.fieldOfWork(), node.foundedOn(), node.closedOn(), depth, node.version()));
		for (var child : snapshot.children().getOrDefault(node.id(), List.of())) {
			walk(snapshot, child, depth + 1, result);
		}
	}

	private Snapshot snapshot(long committeeId) {
		var now = clock.instant();
		var current = snapshots.get(committeeId);
		if (current != null && current.loadedAt().plus(LIFETIME).isAfter(now)) {
			return current;
		}
		var nodes = jdbc.sql("select o.*, 0 as depth from organization o where committee_id = :committee")
			.param("committee", committeeId)
			.query(OrganizationQueries::node)
			.list();
		var byId = new HashMap<Long, OrgNode>();
		var children = new HashMap<Long, List<OrgNode>>();
		for (var node : nodes) {
			byId.put(node.id(), node);
			if (node.parentId() != null) {
				children.computeIfAbsent(node.parentId(), (id) -> new ArrayList<>()).add(node);
			}
		}
		children.values().forEach((list) -> list.sort(Comparator.comparing(OrgNode::code)));
		var loaded = new Snapshot(Map.copyOf(byId), Map.copyOf(children), now, new ConcurrentHashMap<>());
		// Only a reader outside a transaction may publish what it read: inside one it may
		// see rows not yet
		// committed.
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			snapshots.put(committeeId, loaded);
		}
		return loaded;
	}

	private record Snapshot(Map<Long, OrgNode> byId, Map<Long, List<OrgNode>> children, Instant loadedAt,
			Map<Long, List<OrgNode>> subtrees) {
	}

}
