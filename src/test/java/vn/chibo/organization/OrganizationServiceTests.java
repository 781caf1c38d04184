package vn.chibo.organization;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ChiboTest
class OrganizationServiceTests {

	@Autowired
	OrganizationService organizations;

	@Autowired
	OrganizationQueries queries;

	@Autowired
	DemoUsers demo;

	private OrganizationForm form(String code, String name, OrgLevel level, long parentId) {
		var form = new OrganizationForm();
		form.setCode(code);
		form.setName(name);
		form.setLevel(level);
		form.setParentId(parentId);
		return form;
	}

	@Test
	void createsMovesAndClosesAPartyGroup() {
		var office = demo.user("vanphong");
		var group = organizations.create(office,
				form("CB01-T1", "Tổ đảng số 1", OrgLevel.GROUP, demo.branchId("CB01")));
		assertThat(queries.tree(office.committeeId(), demo.branchId("CB01"))).extracting(OrgNode::id).contains(group);
		organizations.move(office, group, demo.branchId("CB02"));
		assertThat(queries.tree(office.committeeId(), demo.branchId("CB02"))).extracting(OrgNode::id).contains(group);
		assertThat(queries.tree(office.committeeId(), demo.branchId("CB01"))).extracting(OrgNode::id)
			.doesNotContain(group);
		assertThat(queries.find(office.committeeId(), group).orElseThrow().parentId()).isEqualTo(demo.branchId("CB02"));
		organizations.close(office, group, LocalDate.of(2026, 11, 1));
		assertThat(queries.find(office.committeeId(), group).orElseThrow().status()).isEqualTo(OrgStatus.CLOSED);
	}

	@Test
	void refusesACycleAWrongLevelAndADuplicateCode() {
		var office = demo.user("vanphong");
		var grassroots = queries.find(office.committeeId(), demo.branchId("CB01")).orElseThrow().parentId();
		assertThatThrownBy(() -> organizations.move(office, grassroots, demo.branchId("CB01")))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> organizations.create(office,
				form("CB99", "Chi bộ dưới tổ", OrgLevel.BRANCH, demo.branchId("CB01"))))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("level"));
		assertThatThrownBy(() -> organizations.create(office, form("CB01", "Trùng mã", OrgLevel.BRANCH, grassroots)))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("code"));
	}

	@Test
	void aBranchWithMembersCannotClose() {
		var office = demo.user("vanphong");
		assertThatThrownBy(() -> organizations.close(office, demo.branchId("CB08"), LocalDate.of(2026, 11, 1)))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("org.close.members"));
		assertThat(queries.find(office.committeeId(), demo.branchId("CB08")).orElseThrow().active()).isTrue();
	}

}
