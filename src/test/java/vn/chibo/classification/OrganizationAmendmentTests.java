package vn.chibo.classification;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A decided level of a Party organisation is final (docs/domain.md §7, §11): the
 * committee's change for a branch and the superior's new decision on the committee are
 * amendments with their reason, kept and shown. The test puts the demo's 2021 back as it
 * was, by amendments too.
 */
@ChiboTest
class OrganizationAmendmentTests {

	@Autowired
	OrganizationDecisions decisions;

	@Autowired
	OrganizationReviews reviews;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private OrganizationReviews.Row row(CurrentUser office, long organizationId) {
		return reviews.year(office, 2021)
			.rows()
			.stream()
			.filter((r) -> r.organizationId() == organizationId)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aBranchsDecidedLevelChangesOnlyAsAnAmendmentWithItsReason() {
		// The committee's 2021: both branches decided good.
		var committee = fixtures.committee();
		var office = committee.office();
		var branch = committee.branch(1);
		decisions.decide(office, 2021, Map.of(branch, ReviewLevel.GOOD, committee.branch(2), ReviewLevel.GOOD), null,
				null);
		var was = row(office, branch).finalLevel();
		assertThat(was).isEqualTo(ReviewLevel.GOOD);
		assertThatThrownBy(() -> decisions.decide(office, 2021, Map.of(branch, ReviewLevel.PASS), null, null))
			.hasMessageContaining("classification.amend.reason");
		assertThat(row(office, branch).finalLevel()).isEqualTo(was);
		assertThat(mvc.post()
			.uri("/classification/organizations/decisions")
			.with(user(office))
			.with(csrf())
			.param("year", "2021")
			.param("level-" + branch, "PASS")
			.param("amendmentReason", "Kết luận kiểm tra phát hiện chi bộ chưa hoàn thành chỉ tiêu")).flash()
			.containsKey("flashSuccess");
		assertThat(row(office, branch).finalLevel()).isEqualTo(ReviewLevel.PASS);
		assertThat(decisions.amendments(office, 2021)).filteredOn((a) -> a.organizationId() == branch)
			.last()
			.satisfies((a) -> {
				assertThat(a.from()).isEqualTo(was);
				assertThat(a.to()).isEqualTo(ReviewLevel.PASS);
				assertThat(a.reason()).startsWith("Kết luận kiểm tra");
			});
		assertThat(mvc.get().uri("/classification/organizations?year=2021").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Quyết định đã sửa từ", "Kết luận kiểm tra phát hiện chi bộ chưa hoàn thành chỉ tiêu");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where entity_type = 'organizationReview' and entity_id = :id
				and action = 'amend'
				""").param("id", branch).query(Long.class).single()).isPositive();
		decisions.decide(office, 2021, Map.of(branch, was), null, "Cấp trên hủy kết luận, giữ mức đã xếp");
		assertThat(row(office, branch).finalLevel()).isEqualTo(was);
	}

	@Test
	void theSuperiorsNewDecisionOnTheCommitteeIsRecordedAsAnAmendment() {
		var office = fixtures.committee().office();
		decisions.recordSuperior(office, 2021, ReviewLevel.GOOD, "12-QĐ/ĐUK", null);
		var committee = reviews.year(office, 2021)
			.rows()
			.stream()
			.filter(OrganizationReviews.Row::committee)
			.findFirst()
			.orElseThrow();
		var level = committee.finalLevel();
		var number = committee.decisionNo();
		assertThat(level).isEqualTo(ReviewLevel.GOOD);
		assertThat(number).isEqualTo("12-QĐ/ĐUK");
		// The same decision again changes nothing.
		decisions.recordSuperior(office, 2021, level, number, null);
		assertThatThrownBy(() -> decisions.recordSuperior(office, 2021, ReviewLevel.EXCELLENT, "99-QĐ/ĐUK", null))
			.hasMessageContaining("classification.amend.reason");
		decisions.recordSuperior(office, 2021, ReviewLevel.EXCELLENT, "99-QĐ/ĐUK",
				"Đảng ủy Khối ban hành quyết định thay thế");
		assertThat(decisions.amendments(office, 2021))
			.filteredOn((a) -> a.organizationId() == committee.organizationId())
			.last()
			.satisfies((a) -> {
				assertThat(a.toDecisionNo()).isEqualTo("99-QĐ/ĐUK");
				assertThat(a.to()).isEqualTo(ReviewLevel.EXCELLENT);
			});
		decisions.recordSuperior(office, 2021, level, number, "Nhập nhầm, ghi lại quyết định đúng");
		assertThat(reviews.year(office, 2021)
			.rows()
			.stream()
			.filter(OrganizationReviews.Row::committee)
			.findFirst()
			.orElseThrow()
			.decisionNo()).isEqualTo(number);
	}

}
