package vn.chibo.recognition;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
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

	/** An award of the committee to a member or, without one, to the organisation. */
	private static AwardForm award(AwardKind kind, String title, LocalDate on, @Nullable Long memberId,
			@Nullable Long organizationId) {
		var form = new AwardForm();
		form.setKind(kind);
		form.setTitle(title);
		form.setIssuer("Đảng ủy Cục Hải quan tỉnh");
		form.setDecidedOn(on);
		form.setMemberId(memberId);
		form.setOrganizationId(organizationId);
		return form;
	}

	@Test
	void theYearsBadgeListNamesTheMemberUntilTheBadgeIsRecordedOnceAndExportsIt() throws Exception {
		var people = fixtures.people();
		var office = people.committee().office();
		// Admitted on 19/05/2010: the 30-year badge is presented in 2040.
		var year = PartyBadges.presentation(LocalDate.of(2040, 5, 19)).getYear();
		var due = new long[] { people.member().memberId(), year };
		var list = awards.badges(office, (int) due[1]);
		assertThat(list.due()).anySatisfy((b) -> {
			assertThat(b.memberId()).isEqualTo(due[0]);
			assertThat(b.years()).isEqualTo(30);
			assertThat(b.awarded()).isFalse();
		});
		assertThat(list.due()).extracting(Awards.BadgeRow::memberId)
			.containsExactlyInAnyOrder(people.secretary().memberId(), people.member().memberId(),
					people.otherSecretary().memberId(), people.otherMember().memberId());
		var name = "Lê Thị Hoa";
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
		assertThat(mvc.get().uri("/recognition").with(user(committee.observer()))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/recognition/badges?year=2026").with(user(committee.observer())))
			.hasStatus(403);
		form.setMemberId(null);
		assertThatThrownBy(() -> awards.record(office, form)).hasFieldOrPropertyWithValue("messageKey",
				"recognition.recipient.required");
	}

	@Test
	void theApiRecordsAnAwardToABranchAndTheFormNamesABadField() {
		var people = fixtures.people();
		var office = people.committee().office();
		var created = mvc.post()
			.uri("/api/v1/recognition/awards")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "TITLE", "title": "Chi bộ trong sạch, vững mạnh", "issuer": "Đảng ủy",
					 "decidedOn": "2026-01-20", "organizationId": %d}
					""".formatted(people.otherBranch()))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(awards.list(office, 2026)).singleElement().satisfies((a) -> {
			assertThat(a.organizationId()).isEqualTo(people.otherBranch());
			assertThat(a.title()).isEqualTo("Chi bộ trong sạch, vững mạnh");
		});
		assertThat(mvc.post()
			.uri("/recognition")
			.with(user(office))
			.with(csrf())
			.param("kind", "PRAISE")
			.param("title", "Tương lai")
			.param("issuer", "Đảng ủy")
			.param("decidedOn", "1/1/2099")
			.param("memberId", String.valueOf(people.member().memberId()))).hasStatusOk()
			.bodyText()
			.contains("Ngày quyết định phải từ năm 1930 đến hôm nay");
		assertThat(awards.list(office, 2099)).isEmpty();
	}

	@Test
	void theYearsAwardsExportAsASpreadsheet() throws Exception {
		var people = fixtures.people();
		var office = people.committee().office();
		awards.record(office,
				award(AwardKind.PRAISE, "Tuyên dương chi bộ", LocalDate.of(2019, 3, 2), null, people.otherBranch()));
		awards.record(office,
				award(AwardKind.PRAISE, "Tuyên dương năm sau", LocalDate.of(2020, 3, 2), null, people.branch()));
		var result = mvc.get().uri("/recognition/export.xlsx?year=2019").with(user(office)).exchange();
		assertThat(result).hasStatusOk();
		var rows = TestSheets.rows(result.getResponse().getContentAsByteArray());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).contains("Chi bộ Nghiệp vụ", "Tuyên dương", "Tuyên dương chi bộ");
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
		var people = fixtures.people();
		var office = people.committee().office();
		var branch = people.branch();
		awards.record(office,
				award(AwardKind.MERIT_CERTIFICATE,
						"Tập thể có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW",
						LocalDate.of(2024, 6, 1), null, branch));
		for (var reader : List.of(office, people.secretary(), people.member())) {
			assertThat(mvc.get().uri("/recognition/organizations/" + branch).with(user(reader))).as(reader.username())
				.hasStatusOk()
				.bodyText()
				.contains("Tập thể có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW");
		}
		assertThat(mvc.get().uri("/recognition/organizations/" + branch).with(user(people.otherSecretary())))
			.hasStatus4xxClientError();
		assertThat(mvc.get().uri("/orgs/" + branch).with(user(office))).hasStatusOk()
			.bodyText()
			.contains("/recognition/organizations/" + branch);
	}

}
