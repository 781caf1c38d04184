package vn.chibo.recognition;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.TestSheets;
import vn.chibo.member.TheoryLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class RecognitionTests {

	@Autowired
	Awards awards;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/**
	 * An official member of the branch without a badge, and the year its 30-year badge is
	 * presented.
	 */
	private long[] memberAndBadgeYear(String branch) {
		var row = jdbc.sql("""
				select m.id, m.admission_date from member m join organization o on o.committee_id = m.committee_id
				and o.id = m.branch_id where o.code = :code and m.status = 'OFFICIAL'
				and not exists (select 1 from award a where a.member_id = m.id) order by m.admission_date, m.id limit 1
				""")
			.param("code", branch)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, LocalDate.class) })
			.single();
		var year = PartyBadges.presentation(((LocalDate) row[1]).plusYears(30)).getYear();
		return new long[] { (Long) row[0], year };
	}

	@Test
	void theYearsBadgeListNamesTheMemberUntilTheBadgeIsRecordedOnceAndExportsIt() throws Exception {
		var office = demo.user("vanphong");
		var due = memberAndBadgeYear("CB02");
		var list = awards.badges(office, (int) due[1]);
		assertThat(list.due()).anySatisfy((b) -> {
			assertThat(b.memberId()).isEqualTo(due[0]);
			assertThat(b.years()).isEqualTo(30);
			assertThat(b.awarded()).isFalse();
		});
		var name = demo.fullName(due[0]).orElseThrow();
		var export = mvc.get().uri("/recognition/badges.xlsx?year=" + due[1]).with(user(office)).exchange();
		assertThat(export).hasStatusOk();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			var names = new ArrayList<String>();
			book.getSheetAt(0).forEach((row) -> names.add(row.getCell(1).getStringCellValue()));
			assertThat(names).contains("Họ và tên", name);
		}
		var form = new AwardForm();
		form.setKind(AwardKind.BADGE);
		form.setTitle("Huy hiệu 30 năm tuổi Đảng");
		form.setIssuer("Tỉnh ủy Hà Tĩnh");
		form.setDecidedOn(LocalDate.now().minusDays(1));
		form.setMemberId(due[0]);
		form.setBadgeYears(30);
		awards.record(office, form);
		assertThat(awards.badges(office, (int) due[1]).due()).filteredOn((b) -> b.memberId() == due[0])
			.singleElement()
			.satisfies((b) -> assertThat(b.awarded()).isTrue());
		assertThatThrownBy(() -> awards.record(office, form)).hasFieldOrPropertyWithValue("messageKey",
				"recognition.badge.taken");
		form.setBadgeYears(35);
		assertThatThrownBy(() -> awards.record(office, form)).hasFieldOrPropertyWithValue("messageKey",
				"recognition.badge.years");
		// The member's page shows it.
		assertThat(mvc.get().uri("/recognition/members/" + due[0]).with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Huy hiệu 30 năm tuổi Đảng");
	}

	@Test
	void whoSeesAndRecordsWhat() {
		var committee = fixtures.committee();
		var office = committee.office();
		var member = committee.memberLogin(1,
				fixtures.member(committee, committee.branch(1), "Lê Văn Khen", TheoryLevel.ELEMENTARY));
		var otherMember = committee.memberLogin(2,
				fixtures.member(committee, committee.branch(2), "Phạm Thị Khác", TheoryLevel.ELEMENTARY));
		var form = new AwardForm();
		form.setKind(AwardKind.MERIT_CERTIFICATE);
		form.setTitle("Hoàn thành xuất sắc nhiệm vụ năm 2025");
		form.setIssuer("Đảng ủy Cục Hải quan tỉnh");
		form.setDecisionNo("05-QĐ/ĐU");
		form.setDecidedOn(LocalDate.of(2026, 1, 15));
		form.setMemberId(member.memberId());
		awards.record(office, form);
		assertThat(awards.list(member, 2026)).extracting(Awards.AwardRow::memberId).containsOnly(member.memberId());
		assertThat(awards.list(committee.secretary(1), 2026)).extracting(Awards.AwardRow::memberId)
			.containsExactly(member.memberId());
		assertThat(awards.list(committee.secretary(2), 2026)).isEmpty();
		assertThat(mvc.get().uri("/recognition/members/" + member.memberId()).with(user(member))).hasStatusOk();
		for (var other : List.of(committee.secretary(2), otherMember)) {
			assertThat(mvc.get().uri("/recognition/members/" + member.memberId()).with(user(other)))
				.as(other.getUsername())
				.hasStatus(404);
		}
		for (var own : List.of(committee.secretary(1), member)) {
			assertThat(mvc.post()
				.uri("/recognition")
				.with(user(own))
				.with(csrf())
				.param("kind", "PRAISE")
				.param("title", "Không được")
				.param("issuer", "Chi bộ")
				.param("decidedOn", "1/1/2026")
				.param("memberId", String.valueOf(member.memberId()))).as(own.getUsername()).hasStatus(403);
		}
		assertThat(mvc.get().uri("/recognition/badges").with(user(member))).hasStatus(403);
		// An observer of the superior committee reads none of a committee's own pages.
		assertThat(mvc.get().uri("/recognition").with(user(demo.user("captren")))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/recognition/badges?year=2026").with(user(demo.user("captren"))))
			.hasStatus(403);
		form.setMemberId(null);
		assertThatThrownBy(() -> awards.record(office, form)).hasFieldOrPropertyWithValue("messageKey",
				"recognition.recipient.required");
	}

	@Test
	void theApiRecordsAnAwardToABranchAndTheFormNamesABadField() {
		var office = demo.user("vanphong");
		var created = mvc.post()
			.uri("/api/v1/recognition/awards")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "TITLE", "title": "Chi bộ trong sạch, vững mạnh", "issuer": "Đảng ủy",
					 "decidedOn": "2026-01-20", "organizationId": %d}
					""".formatted(demo.branchId("CB06")))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(mvc.post()
			.uri("/recognition")
			.with(user(office))
			.with(csrf())
			.param("kind", "PRAISE")
			.param("title", "Tương lai")
			.param("issuer", "Đảng ủy")
			.param("decidedOn", "1/1/2099")
			.param("memberId", String.valueOf(demo.memberOf("CB01", null)))).hasStatusOk()
			.bodyText()
			.contains("Ngày quyết định phải từ năm 1930 đến hôm nay");
	}

	@Test
	void theYearsAwardsExportAsASpreadsheet() throws Exception {
		var result = mvc.get().uri("/recognition/export.xlsx?year=2019").with(user(demo.user("vanphong"))).exchange();
		assertThat(result).hasStatusOk();
		var rows = TestSheets.rows(result.getResponse().getContentAsByteArray());
		assertThat(rows).anySatisfy((r) -> assertThat(r).contains("Chi bộ Nghiệp vụ", "Tuyên dương"));
	}

	@Test
	void theDemoHoldsTheSeedsPraiseAndPrize() {
		var office = demo.user("vanphong");
		assertThat(awards.list(office, 2019)).extracting(Awards.AwardRow::kind)
			.contains(AwardKind.PRAISE, AwardKind.PRAISE);
		assertThat(awards.list(office, 2017)).extracting(Awards.AwardRow::title)
			.anyMatch((t) -> t.startsWith("Giải Nhất"));
	}

	@Test
	void aBranchsPageLoadsItsAwardsForThoseWhoSeeTheBranch() {
		var branch = demo.branchId("CB05");
		for (var login : List.of("vanphong", "bithu.cb05", "dangvien.cb05")) {
			assertThat(mvc.get().uri("/recognition/organizations/" + branch).with(user(demo.user(login)))).as(login)
				.hasStatusOk()
				.bodyText()
				.contains("Tập thể có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW");
		}
		assertThat(mvc.get().uri("/recognition/organizations/" + branch).with(user(demo.user("bithu.cb04"))))
			.hasStatus4xxClientError();
		assertThat(mvc.get().uri("/orgs/" + branch).with(user(demo.user("vanphong")))).hasStatusOk()
			.bodyText()
			.contains("/recognition/organizations/" + branch);
	}

}
