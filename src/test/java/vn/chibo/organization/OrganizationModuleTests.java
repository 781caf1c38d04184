package vn.chibo.organization;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.NoAccounts;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organisation tree started alone (with the shared module only, no demo committee):
 * each test builds a committee of its own — a bloc, a grassroots committee, two branches
 * — and the tree's rules (docs/domain.md §3) and scopes are checked on it.
 */
@ApplicationModuleTest
@Import(NoAccounts.class)
@TestPropertySource(properties = "chibo.embedded-db.database=chibo_organization")
@Tag("application")
class OrganizationModuleTests {

	@Autowired
	OrganizationService organizations;

	@Autowired
	OrganizationQueries queries;

	@Autowired
	JdbcClient jdbc;

	long committee;

	long grassroots;

	long branch1;

	long branch2;

	CurrentUser office;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var code = "ORG-" + System.nanoTime();
		committee = organizations.createCommittee(code, "Đảng bộ thử " + code, "Hà Tĩnh");
		var bloc = organizations.createRoot(committee, code + "-K", "Đảng ủy Khối thử", OrgLevel.BLOC);
		var system = new CurrentUser(0, committee, "system", "", "system", Role.ADMIN, bloc, null, true, false);
		grassroots = organizations.create(system, form(code, "Đảng bộ cơ sở thử", OrgLevel.GRASSROOTS, bloc));
		branch1 = organizations.create(system, form("CB01", "Chi bộ Văn phòng", OrgLevel.BRANCH, grassroots));
		branch2 = organizations.create(system, form("CB02", "Chi bộ Nghiệp vụ", OrgLevel.BRANCH, grassroots));
		office = new CurrentUser(0, committee, "office-" + code, "", "Văn phòng", Role.OFFICE, grassroots, null, true,
				false);
	}

	/** Nothing of the fixture stays for the tests that follow on the same database. */
	@AfterEach
	void leaveNoTrace() {
		jdbc.sql("delete from audit_event where committee_id = :c").param("c", committee).update();
		// Children before their parents.
		jdbc.sql("""
				delete from organization where committee_id = :c and id in (with recursive t(id, depth) as (
				select id, 0 from organization where committee_id = :c and parent_id is null
				union all select o.id, t.depth + 1 from organization o join t on o.parent_id = t.id
				where o.committee_id = :c) select id from t order by depth desc)
				""").param("c", committee).update();
		jdbc.sql("delete from committee where id = :c").param("c", committee).update();
	}

	@Test
	void createsMovesAndClosesAPartyGroup() {
		var group = organizations.create(office, form("CB01-T1", "Tổ đảng số 1", OrgLevel.GROUP, branch1));
		assertThat(queries.tree(committee, branch1)).extracting(OrgNode::id).contains(group);

		organizations.move(office, group, branch2);
		assertThat(queries.tree(committee, branch2)).extracting(OrgNode::id).contains(group);
		assertThat(queries.tree(committee, branch1)).extracting(OrgNode::id).doesNotContain(group);
		assertThat(queries.find(committee, group).orElseThrow().parentId()).isEqualTo(branch2);

		organizations.close(office, group, LocalDate.of(2026, 11, 1));
		assertThat(queries.find(committee, group).orElseThrow().status()).isEqualTo(OrgStatus.CLOSED);
		assertThat(jdbc.sql("select count(*) from audit_event where committee_id = :c and entity_type = 'organization'")
			.param("c", committee)
			.query(Long.class)
			.single()).as("every change attributed").isGreaterThanOrEqualTo(6);
	}

	@Test
	void refusesACycleAWrongLevelAndADuplicateCode() {
		assertThatThrownBy(() -> organizations.move(office, grassroots, branch1))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(
				() -> organizations.create(office, form("CB99", "Chi bộ dưới chi bộ", OrgLevel.BRANCH, branch1)))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("level"));
		assertThatThrownBy(() -> organizations.create(office, form("CB01", "Trùng mã", OrgLevel.BRANCH, grassroots)))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("code"));
	}

	@Test
	void aSecretarySeesTheirBranchOnlyAndChangesNoStructure() {
		var secretary = new CurrentUser(0, committee, "secretary", "", "Bí thư", Role.SECRETARY, branch1, null, true,
				false);
		assertThat(queries.branches(secretary)).extracting(OrgNode::id).containsExactly(branch1);
		assertThat(queries.isVisible(secretary, branch2)).isFalse();
		assertThat(queries.branches(office)).extracting(OrgNode::id).containsExactlyInAnyOrder(branch1, branch2);
		assertThatThrownBy(() -> organizations.create(secretary, form("CB01-T2", "Tổ 2", OrgLevel.GROUP, branch1)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anotherCommitteesTreeIsOutOfSight() {
		var code = "ORG2-" + System.nanoTime();
		var other = organizations.createCommittee(code, "Đảng bộ khác " + code, "Nghệ An");
		var otherRoot = organizations.createRoot(other, code, "Đảng bộ khác", OrgLevel.GRASSROOTS);
		try {
			assertThat(queries.find(committee, otherRoot)).isEmpty();
			assertThat(queries.isVisible(office, otherRoot)).isFalse();
			assertThatThrownBy(() -> organizations.create(office, form("X1", "Chi bộ lạ", OrgLevel.BRANCH, otherRoot)))
				.isInstanceOfSatisfying(BusinessRuleException.class,
						(ex) -> assertThat(ex.field()).isEqualTo("parentId"));
		}
		finally {
			jdbc.sql("delete from audit_event where committee_id = :c").param("c", other).update();
			jdbc.sql("delete from organization where committee_id = :c").param("c", other).update();
			jdbc.sql("delete from committee where id = :c").param("c", other).update();
		}
	}

	private static OrganizationForm form(String code, String name, OrgLevel level, long parentId) {
		var form = new OrganizationForm();
		form.setCode(code);
		form.setName(name);
		form.setLevel(level);
		form.setParentId(parentId);
		return form;
	}

}
