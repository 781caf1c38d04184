package vn.chibo.member;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.Fixtures;
import vn.chibo.NoAccounts;
import vn.chibo.organization.OrganizationService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The member record started with the organisation tree only (no demo committee, no other
 * module): each test builds a committee of its own — a grassroots committee with two
 * branches, an office account and a secretary of the first branch — and checks the
 * record's rules (docs/domain.md §4): names in NFC found without diacritics and listed by
 * given name, the probation year, unique cards, the lifecycle, counts from the tallies.
 * Nothing a test leaves is seen by another: every query is scoped by committee.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import({ NoAccounts.class, Fixtures.class })
@TestPropertySource(properties = "chibo.embedded-db.database=chibo_member")
@Tag("application")
class MemberModuleTests {

	@Autowired
	MemberService members;

	@Autowired
	MemberLifecycle lifecycle;

	@Autowired
	MemberQueries queries;

	@Autowired
	OrganizationService organizations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	long branch1;

	long branch2;

	CurrentUser office;

	CurrentUser secretary;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var committee = fixtures.committee();
		office = committee.office();
		branch1 = committee.branch(1);
		branch2 = committee.branch(2);
		secretary = committee.secretary(1);
	}

	private MemberForm form(String name, long branchId, LocalDate admission, @Nullable LocalDate official,
			@Nullable String cardNo) {
		return new MemberForm(name, Gender.FEMALE, LocalDate.of(1990, 3, 4), "Hà Tĩnh", null, "Kinh", null, null, null,
				null, null, null, null, TheoryLevel.ELEMENTARY, cardNo, null, admission, official, branchId, null,
				null);
	}

	@Test
	void storesNamesAsNfcAndFindsThemWithoutDiacritics() {
		var nfd = Normalizer.normalize("Hoàng   Thị Yến  Nhi", Normalizer.Form.NFD);
		var id = members.create(office,
				form(nfd, branch1, LocalDate.of(2015, 5, 19), LocalDate.of(2016, 5, 19), "99000001"));
		var details = queries.details(office, id);
		assertThat(details.fullName()).isEqualTo("Hoàng Thị Yến Nhi");
		assertThat(details.givenName()).isEqualTo("Nhi");
		assertThat(queries.search(office, MemberFilter.search("hoang thi yen nhi", null), 0, 10).items())
			.extracting(MemberRow::id)
			.containsExactly(id);
		assertThat(queries.search(office, MemberFilter.search("HOÀNG THỊ YẾN NHI", null), 0, 10).items())
			.extracting(MemberRow::id)
			.containsExactly(id);
		assertThat(queries
			.search(office, MemberFilter.search(Normalizer.normalize("Yến Nhi", Normalizer.Form.NFD), null), 0, 10)
			.items()).extracting(MemberRow::id).containsExactly(id);
	}

	@Test
	void findsByTwoLettersAsByAWholeNameInListOrderPageByPage() {
		for (var name : List.of("Trần Thị Lan", "Lê Văn An", "Phạm Thị Đức", "Võ Thị Ân")) {
			members.create(office, form(name, branch1, LocalDate.of(2010, 1, 1), LocalDate.of(2011, 1, 1), null));
		}
		var an = MemberFilter.search("AN", null);
		assertThat(queries.search(office, an, 0, 10).items()).extracting(MemberRow::fullName)
			.containsExactly("Lê Văn An", "Võ Thị Ân", "Trần Thị Lan");
		var second = queries.search(office, an, 1, 2);
		assertThat(second.items()).extracting(MemberRow::fullName, MemberRow::branchName)
			.containsExactly(tuple("Trần Thị Lan", "Chi bộ Văn phòng"));
		assertThat(second.total()).isEqualTo(3);
		assertThat(queries.search(office, MemberFilter.search("thi an", null), 0, 10).items())
			.extracting(MemberRow::fullName)
			.containsExactly("Võ Thị Ân");
	}

	@Test
	void listsSortByGivenNameThenMiddleThenFamily() {
		var people = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn An", "Nguyễn Thị Ánh", "Phạm Văn Đức",
				"Hoàng Anh", "Võ Thị Ân", "Đặng Văn Bình");
		for (var i = 0; i < people.size(); i++) {
			members.create(office, form(people.get(i), (i % 2 == 0) ? branch1 : branch2, LocalDate.of(2010, 1, 1),
					LocalDate.of(2011, 1, 1), null));
		}
		var page = queries.search(office, MemberFilter.all(), 0, 200);
		var names = page.items().stream().map(MemberRow::fullName).map(PersonName::parse).toList();
		assertThat(names).isSortedAccordingTo(PersonName.LIST_ORDER);
		// Given name first (An, Anh, Ánh, Ân: â after a), then the middle name, then the
		// family name.
		assertThat(page.items()).extracting(MemberRow::fullName)
			.containsExactly("Lê Văn An", "Nguyễn Văn An", "Hoàng Anh", "Nguyễn Thị Ánh", "Võ Thị Ân", "Trần Thị Bình",
					"Đặng Văn Bình", "Phạm Văn Đức");
		assertThat(page.total()).isEqualTo(people.size());
	}

	@Test
	void refusesOfficialDateBeforeTwelveMonthsOfProbation() {
		assertThatThrownBy(() -> members.create(office,
				form("Lê Thị Mận", branch1, LocalDate.of(2020, 1, 10), LocalDate.of(2020, 6, 1), null)))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("officialDate"));
	}

	@Test
	void refusesAdmissionBeforeEighteen() {
		var form = new MemberForm("Lê Văn Nhỏ", Gender.MALE, LocalDate.of(2005, 1, 1), null, null, null, null, null,
				null, null, null, null, null, null, null, null, LocalDate.of(2020, 1, 1), null, branch1, null, null);
		assertThatThrownBy(() -> members.create(office, form)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("member.admissionDate.age"));
	}

	@Test
	void rejectsADuplicateCardNumberAndKeepsNothing() {
		members.create(office,
				form("Phan Văn Tư", branch1, LocalDate.of(2012, 2, 3), LocalDate.of(2013, 2, 3), "99000002"));
		var before = count();
		assertThatThrownBy(() -> members.create(office,
				form("Phan Văn Năm", branch1, LocalDate.of(2012, 2, 3), LocalDate.of(2013, 2, 3), "99000002")))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("cardNo"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void recognisesProbationaryMemberAfterTwelveMonthsWithHistoryAndAudit() {
		var admitted = LocalDate.now().minusMonths(13);
		var id = members.create(secretary, form("Võ Thị Sen", branch1, admitted, null, null));
		assertThat(queries.details(secretary, id).status()).isEqualTo(MemberStatus.PROBATIONARY);
		assertThat(queries.probationDue(secretary, 30)).extracting(MemberRecords.ProbationRow::id).contains(id);
		assertThatThrownBy(() -> lifecycle.recognizeOfficial(secretary, id, admitted.plusMonths(11)))
			.isInstanceOf(BusinessRuleException.class);
		lifecycle.recognizeOfficial(secretary, id, admitted.plusMonths(12));
		var details = queries.details(secretary, id);
		assertThat(details.status()).isEqualTo(MemberStatus.OFFICIAL);
		assertThat(details.officialDate()).isEqualTo(admitted.plusMonths(12));
		assertThat(queries.history(secretary.committeeId(), id)).extracting(MemberRecords.HistoryRow::toValue)
			.contains("OFFICIAL");
		var actions = jdbc.sql("select action from audit_event where entity_type = 'member' and entity_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(actions).contains("create", "official");
		var actor = jdbc.sql("select distinct actor from audit_event where entity_type = 'member' and entity_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(actor).containsExactly(secretary.username());
	}

	@Test
	void secondSaveOfAStaleFormGetsAConflict() {
		var id = members.create(office,
				form("Đậu Thị Hoa", branch1, LocalDate.of(2011, 4, 4), LocalDate.of(2012, 4, 4), null));
		var stale = queries.details(office, id).toForm();
		members.update(office, id, stale);
		assertThatThrownBy(() -> members.update(office, id, stale)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("error.conflict"));
	}

	@Test
	void exemptionTransfersAndLeavingFollowTheLifecycle() {
		var id = members.create(office,
				form("Bùi Văn Khải", branch1, LocalDate.of(2011, 4, 4), LocalDate.of(2012, 4, 4), null));
		lifecycle.exempt(office, id, LocalDate.of(2026, 1, 5), "Ốm dài ngày");
		assertThat(queries.details(office, id).exempted()).isTrue();
		assertThatThrownBy(() -> lifecycle.exempt(office, id, LocalDate.of(2026, 1, 6), "x"))
			.isInstanceOf(BusinessRuleException.class);
		lifecycle.endExemption(office, id, LocalDate.of(2026, 6, 1));
		lifecycle.transfer(office, id, TransferKind.TEMPORARY_OUT, "Đảng bộ Trường Chính trị Trần Phú", "01-GGT/ĐU",
				LocalDate.of(2026, 7, 1));
		assertThatThrownBy(() -> lifecycle.transfer(office, id, TransferKind.TEMPORARY_OUT, "Khác", null,
				LocalDate.of(2026, 7, 2)))
			.isInstanceOf(BusinessRuleException.class);
		var open = queries.transfers(office.committeeId(), id).getFirst();
		lifecycle.endTransfer(office, id, open.id(), LocalDate.of(2026, 9, 1));
		lifecycle.transfer(office, id, TransferKind.PERMANENT_OUT, "Đảng bộ Cục Hải quan tỉnh Nghệ An", "07-GGT/ĐU",
				LocalDate.of(2026, 10, 1));
		var details = queries.details(office, id);
		assertThat(details.status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
		assertThat(queries.search(office, MemberFilter.search("bui van khai", null), 0, 10).total()).isZero();
		assertThat(queries.history(office.committeeId(), id)).hasSize(6);
		assertThatThrownBy(() -> lifecycle.leave(office, id, MemberStatus.DECEASED, LocalDate.of(2026, 11, 1), "x"))
			.isInstanceOf(BusinessRuleException.class);
	}

	/**
	 * The organisation tree asks the member module before a branch closes (docs/domain.md
	 * §3).
	 */
	@Test
	void aBranchWithMembersIsNotClosed() {
		members.create(office, form("Trần Văn Còn", branch2, LocalDate.of(2012, 2, 3), LocalDate.of(2013, 2, 3), null));
		assertThatThrownBy(() -> organizations.close(office, branch2, LocalDate.of(2026, 11, 1)))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("org.close.members"));
		organizations.close(office, branch1, LocalDate.of(2026, 11, 1));
	}

	private long count() {
		return jdbc.sql("select count(*) from member").query(Long.class).single();
	}

	@Test
	void listCountsFromTalliesMatchExactCountsThroughTheLifecycle() {
		var branch = branch1;
		var id = members.create(office,
				form("Cao Văn Đếm", branch, LocalDate.of(2013, 8, 9), LocalDate.of(2014, 8, 9), null));
		members.update(office, id, withBranch(queries.details(office, id).toForm(), branch2));
		lifecycle.leave(office, id, MemberStatus.LEFT, LocalDate.of(2026, 2, 2), "Xin ra khỏi Đảng");
		for (var filter : List.of(MemberFilter.all(), MemberFilter.search(null, branch),
				MemberFilter.search(null, branch2), new MemberFilter(null, null, MemberStatus.LEFT, null, null, null),
				new MemberFilter(null, null, MemberStatus.PROBATIONARY, null, null, null))) {
			var exact = jdbc
				.sql("""
						select count(*) from member where committee_id = :committee
						and (cast(:branch as bigint) is null or branch_id = :branch) and status = any(cast(:statuses as text[]))
						""")
				.param("committee", office.committeeId())
				.param("branch", filter.branchId())
				.param("statuses", (filter.status() == null) ? "{PROBATIONARY,OFFICIAL}" : "{" + filter.status() + "}")
				.query(Long.class)
				.single();
			assertThat(queries.search(office, filter, 0, 1).total()).as(filter.toString()).isEqualTo(exact);
		}
	}

	private static MemberForm withBranch(MemberForm form, long branchId) {
		form.setBranchId(branchId);
		return form;
	}

}
