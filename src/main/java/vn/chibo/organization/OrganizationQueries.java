package vn.chibo.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.web.NotFoundException;

/**
 * Reads the organisation tree; every read is confined to one committee and, for users, to
 * their subtree. Reads are single statements or served from {@link OrganizationTree}, so
 * they need no transaction of their own and join the caller's when there is one.
 */
@Service
public class OrganizationQueries {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	OrganizationQueries(JdbcClient jdbc, OrganizationTree tree) {
		this.jdbc = jdbc;
		this.tree = tree;
	}

	/**
	 * The subtree under {@code rootId} in display order: depth first, children by code.
	 */
	public List<OrgNode> tree(long committeeId, long rootId) {
		return tree.subtree(committeeId, rootId);
	}

	/**
	 * Whether the subtree holds every branch of the committee — then a member query needs
	 * no branch condition at all, which lets PostgreSQL walk the list in index order.
	 */
	public boolean coversAllBranches(long committeeId, long rootId) {
		return tree.coversAllBranches(committeeId, rootId);
	}

	public Set<Long> subtreeIds(long committeeId, long rootId) {
		var ids = new HashSet<Long>();
		tree.subtree(committeeId, rootId).forEach((node) -> ids.add(node.id()));
		return ids;
	}

	/**
	 * The active branches a user can see, in code order; the choices of a member's
	 * branch.
	 */
	public List<OrgNode> branches(CurrentUser user) {
		return tree(user.committeeId(), user.scopeOrganizationId()).stream()
			.filter((node) -> node.level().holdsMembers() && node.active())
			.sorted(Comparator.comparing(OrgNode::code))
			.toList();
	}

	/** A grassroots committee under a superior one, with its active branches. */
	public record CommitteeRef(long id, String code, String name, int branches) {
	}

	/**
	 * The grassroots committees under a superior committee (docs/domain.md §3 "cấp ủy cấp
	 * trên"), directly or through superiors in between, in Vietnamese alphabetical order.
	 */
	public List<CommitteeRef> committeesUnder(long superiorId) {
		return jdbc.sql("""
				with recursive under (id) as (
					select id from committee where superior_id = :superior
					union
					select c.id from committee c join under u on c.superior_id = u.id)
				select c.id, c.code, c.name, (select count(*) from organization o where o.committee_id = c.id
					and o.level = 'BRANCH' and o.status = 'ACTIVE')
				from committee c join under u on u.id = c.id where c.kind = 'GRASSROOTS'
				""")
			.param("superior", superiorId)
			.query((rs, row) -> new CommitteeRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list()
			.stream()
			.sorted(Comparator.comparing(CommitteeRef::name, PersonName.TEXT_ORDER))
			.toList();
	}

	/** Every grassroots committee of the deployment: the tenants (README "Tenancy"). */
	public List<Long> grassrootsCommittees() {
		return jdbc.sql("select id from committee where kind = 'GRASSROOTS' order by id").query(Long.class).list();
	}

	/**
	 * The top of a committee's organisation tree, where a whole-committee scope starts.
	 */
	public long rootOf(long committeeId) {
		return jdbc
			.sql("""
					select id from organization where committee_id = :committee and parent_id is null
					order by array_position(array['PROVINCIAL', 'BLOC', 'GRASSROOTS', 'PARTIAL', 'BRANCH', 'GROUP'], level), id
					limit 1
					""")
			.param("committee", committeeId)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * The grassroots committee's own organisation (the đảng bộ cơ sở; docs/domain.md §3)
	 * — the one whose secretary, standing members and inspection committee hold their
	 * posts — or, where a tenant has none, the top of its tree.
	 */
	public OrgNode grassroots(long committeeId) {
		var tree = tree(committeeId, rootOf(committeeId));
		return tree.stream().filter((o) -> o.level() == OrgLevel.GRASSROOTS).findFirst().orElse(tree.getFirst());
	}

	/**
	 * The committee with this code, or the first one when no code is given; empty while
	 * none exists.
	 */
	public Optional<Long> committeeByCode(@Nullable String code) {
		return jdbc.sql("""
				select id from committee where (cast(:code as text) is null or code = :code) order by id limit 1
				""").param("code", code).query(Long.class).optional();
	}

	/** A committee's own name (its public site carries it). */
	public String committeeName(long committeeId) {
		return jdbc.sql("select name from committee where id = :c")
			.param("c", committeeId)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** The place name a committee's documents are dated at, if set. */
	public Optional<String> placeName(long committeeId) {
		return jdbc.sql("select place_name from committee where id = :committee")
			.param("committee", committeeId)
			.query(String.class)
			.optional();
	}

	/**
	 * The name of the organisation above one, as a document's header names it over the
	 * issuer (docs/domain.md §16); "" at the top of the tree.
	 */
	public String superiorName(long committeeId, OrgNode organization) {
		return (organization.parentId() != null)
				? find(committeeId, organization.parentId()).map(OrgNode::name).orElse("") : "";
	}

	public Optional<OrgNode> find(long committeeId, long id) {
		return jdbc.sql("select o.*, 0 as depth from organization o where committee_id = :committee and id = :id")
			.param("committee", committeeId)
			.param("id", id)
			.query(OrganizationQueries::node)
			.optional();
	}

	/**
	 * The organisation if the user may see it; otherwise 404, so ids of other branches
	 * cannot be probed.
	 */
	public OrgNode visible(CurrentUser user, long id) {
		if (!subtreeIds(user.committeeId(), user.scopeOrganizationId()).contains(id)) {
			throw new NotFoundException();
		}
		return find(user.committeeId(), id).orElseThrow(NotFoundException::new);
	}

	public boolean isVisible(CurrentUser user, long id) {
		return subtreeIds(user.committeeId(), user.scopeOrganizationId()).contains(id);
	}

	/** From the user's scope root down to {@code id}: the breadcrumb trail. */
	public List<OrgNode> pathFromScope(CurrentUser user, long id) {
		return jdbc
			.sql("""
					with recursive up as (
						select o.*, 0 as depth from organization o where committee_id = :committee and id = :id
						union all
						select p.*, u.depth + 1 from organization p join up u on p.committee_id = u.committee_id and p.id = u.parent_id
						where u.id <> :root
					)
					select * from up order by depth desc
					""")
			.param("committee", user.committeeId())
			.param("id", id)
			.param("root", user.scopeOrganizationId())
			.query(OrganizationQueries::node)
			.list();
	}

	static OrgNode node(ResultSet rs, int row) throws SQLException {
		return new OrgNode(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				OrgLevel.valueOf(rs.getString("level")), (Long) rs.getObject("parent_id"),
				OrgStatus.valueOf(rs.getString("status")), rs.getString("field_of_work"),
				rs.getObject("founded_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getInt("depth"), rs.getInt("version"));
	}

}
