package vn.chibo.member;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The year's membership figures (docs/domain.md §12) against counts made apart from them,
 * and the year report that prints them.
 */
@ChiboTest
class MemberFiguresTests {

	@Autowired
	MemberFigures figures;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theYearsFiguresEqualIndependentCounts() {
		var office = demo.user("vanphong");
		for (var year : new int[] { 2021, 2024, 2025 }) {
			var rows = figures.year(office, year);
			assertThat(rows).hasSize(8);
			var admitted = jdbc.sql("""
					select count(*) from member where committee_id = :c and extract(year from admission_date) = :y
					""").param("c", office.committeeId()).param("y", year).query(Integer.class).single();
			var official = jdbc.sql("""
					select count(*) from member where committee_id = :c and extract(year from official_date) = :y
					""").param("c", office.committeeId()).param("y", year).query(Integer.class).single();
			var members = jdbc.sql("""
					select count(*) from member where committee_id = :c and admission_date <= make_date(:y, 12, 31)
					and (left_on is null or left_on > make_date(:y, 12, 31))
					""").param("c", office.committeeId()).param("y", year).query(Integer.class).single();
			assertThat(rows.stream().mapToInt(MemberFigures.BranchYear::admitted).sum()).as("admitted " + year)
				.isEqualTo(admitted);
			assertThat(rows.stream().mapToInt(MemberFigures.BranchYear::madeOfficial).sum()).as("official " + year)
				.isEqualTo(official);
			assertThat(rows.stream().mapToInt(MemberFigures.BranchYear::members).sum()).as("members " + year)
				.isEqualTo(members);
		}
		var total = figures.year(office, 2025).stream().mapToInt(MemberFigures.BranchYear::members).sum();
		assertThat(mvc.get().uri("/api/v1/reports/year/2025").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("31/12/2025 có " + total + " đảng viên");
		// A branch's secretary gets the branch only.
		assertThat(figures.year(demo.user("bithu.cb03"), 2025)).singleElement()
			.satisfies((r) -> assertThat(r.branchId()).isEqualTo(demo.branchId("CB03")));
	}

}
