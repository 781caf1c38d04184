package vn.chibo.member;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;

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
	Fixtures fixtures;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theYearsFiguresEqualIndependentCounts() {
		// A committee of its own: in the first branch one member of 2010 and two admitted
		// in 2024, made official in 2025; in the second one admitted in 2021.
		var committee = fixtures.committee();
		var office = committee.office();
		fixtures.member(committee, committee.branch(1), "Phạm Văn Bốn", TheoryLevel.ELEMENTARY);
		admitted(committee, 1, "Nguyễn Văn Một", LocalDate.of(2024, 3, 2), LocalDate.of(2025, 3, 2));
		admitted(committee, 1, "Trần Thị Hai", LocalDate.of(2024, 9, 2), LocalDate.of(2025, 9, 2));
		admitted(committee, 2, "Lê Văn Ba", LocalDate.of(2021, 6, 1), LocalDate.of(2022, 6, 1));
		for (var year : new int[] { 2021, 2024, 2025 }) {
			var rows = figures.year(office, year);
			assertThat(rows).hasSize(2);
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
		assertThat(figures.year(office, 2024).stream().mapToInt(MemberFigures.BranchYear::admitted).sum()).isEqualTo(2);
		assertThat(figures.year(office, 2025).stream().mapToInt(MemberFigures.BranchYear::madeOfficial).sum())
			.isEqualTo(2);
		var total = figures.year(office, 2025).stream().mapToInt(MemberFigures.BranchYear::members).sum();
		assertThat(total).isEqualTo(4);
		assertThat(mvc.get().uri("/api/v1/reports/year/2025").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("31/12/2025 có " + total + " đảng viên");
		// A branch's secretary gets the branch only.
		assertThat(figures.year(committee.secretary(1), 2025)).singleElement()
			.satisfies((r) -> assertThat(r.branchId()).isEqualTo(committee.branch(1)));
	}

	private void admitted(Fixtures.Committee committee, int branch, String name, LocalDate admitted,
			LocalDate official) {
		members.create(committee.office(),
				new MemberForm(name, Gender.MALE, LocalDate.of(1995, 1, 1), "Hà Tĩnh", null, "Kinh", null, null, null,
						null, null, null, null, TheoryLevel.ELEMENTARY, null, null, admitted, official,
						committee.branch(branch), null, null));
	}

}
