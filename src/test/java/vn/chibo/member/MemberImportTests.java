package vn.chibo.member;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import vn.chibo.member.spreadsheet.ImportBatches;
import vn.chibo.member.spreadsheet.ImportJob;
import vn.chibo.member.spreadsheet.MemberColumn;
import vn.chibo.member.spreadsheet.MemberImport;
import vn.chibo.member.spreadsheet.MemberWorkbook;
import vn.chibo.member.spreadsheet.Spreadsheet;

@ChiboTest
class MemberImportTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	MemberImport imports;

	@Autowired
	ImportBatches batches;

	@Autowired
	MemberQueries queries;

	@Autowired
	MemberWorkbook workbook;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberService service;

	@Autowired
	MessageSource messages;

	@Test
	void rowsWithErrorsAreReportedByRowAndColumnAndNothingIsImported() throws IOException {
		var office = fixtures.committee().office();
		var before = count(office);
		var file = MemberImportTestFiles.xlsx(List.of(
				List.of("STT", "HỌ VÀ TÊN", "Nam, nữ", "Ngày sinh", "NGÀY KẾT NẠP", "Ngày chính thức",
						"SỐ THẺ ĐẢNG VIÊN", "CHI BỘ"),
				List.of("1", "Trần Văn Đúng", "Nam", "12/03/1985", LocalDate.of(2010, 5, 19), "19/05/2011", "00112233",
						"Chi bộ Nghiệp vụ"),
				List.of("2", "Lê Thị Sai Ngày", "Nữ", "30/02/1990", "01/01/2015", "", "", "Chi bộ Nghiệp vụ"),
				List.of("3", "Phạm Văn Sai Chi Bộ", "Nam", "1980", "01/01/2012", "01/01/2013", "", "Chi bộ Không Có"),
				List.of("4", "", "Khác", "", "", "", "", "T02")));
		var job = imports.runNow(office, VI, "danh-sach.xlsx", file, null);
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(job.errors()).extracting(ImportJob.RowError::row, ImportJob.RowError::column)
			.contains(Tuple.tuple(3, "Ngày sinh"), Tuple.tuple(4, "Chi bộ"), Tuple.tuple(5, "Giới tính"));
		assertThat(job.errors()).filteredOn((e) -> e.row() == 3)
			.extracting(ImportJob.RowError::message)
			.containsExactly("Ngày \"30/02/1990\" không hợp lệ; ghi theo dạng dd/mm/yyyy.");
		assertThat(count(office)).isEqualTo(before);
	}

	@Test
	void aValidCsvIsImportedWholeWithLeadingZerosAndHistory() {
		var committee = fixtures.committee();
		var office = committee.office();
		var csv = """
				\uFEFFHọ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Ngày chính thức;Số thẻ đảng viên;Trình độ LLCT;Chi bộ
				Nguyễn Thị Nhập Một;Nữ;01/02/1991;03/04/2016;03/04/2017;00998877;Trung cấp;T02
				"Hồ Văn Nhập Hai";Nam;1988;05/06/2019;05/06/2020;;cao cap ly luan chinh tri;chi bo van phong
				""";
		var job = imports.runNow(office, VI, "ds.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(job.errors()).isEmpty();
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.DONE);
		assertThat(job.imported()).isEqualTo(2);
		var found = queries.search(office, MemberFilter.search("nhap mot", null), 0, 5).items();
		assertThat(found).singleElement().satisfies((row) -> {
			assertThat(row.theoryLevel()).isEqualTo(TheoryLevel.INTERMEDIATE);
			assertThat(row.branchId()).isEqualTo(committee.branch(2));
		});
		var details = queries.details(office, found.getFirst().id());
		assertThat(details.cardNo()).isEqualTo("00998877");
		var second = queries.search(office, MemberFilter.search("ho van nhap hai", null), 0, 5).items();
		assertThat(second).singleElement().satisfies((row) -> {
			assertThat(row.branchId()).isEqualTo(committee.branch(1));
			assertThat(row.theoryLevel()).isEqualTo(TheoryLevel.ADVANCED);
			assertThat(row.dateOfBirth()).isEqualTo(LocalDate.of(1988, 1, 1));
		});
	}

	@Test
	void aSecretaryCannotImportIntoAnotherBranch() {
		var csv = "Họ và tên,Giới tính,Ngày vào Đảng,Chi bộ\nĐỗ Văn Lạc,Nam,01/01/2015,T02\n";
		var job = imports.runNow(fixtures.committee().secretary(1), VI, "x.csv", csv.getBytes(StandardCharsets.UTF_8),
				null);
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(job.errors()).singleElement().satisfies((e) -> assertThat(e.column()).isEqualTo("Chi bộ"));
	}

	@Test
	void missingRequiredColumnsAndUnreadableFilesAreNamed() {
		var office = fixtures.committee().office();
		var job = imports.runNow(office, VI, "x.csv", "Họ và tên\nAi Đó\n".getBytes(StandardCharsets.UTF_8), null);
		assertThat(job.errors()).extracting(ImportJob.RowError::column)
			.contains("Giới tính", "Ngày vào Đảng", "Chi bộ");
		var broken = imports.runNow(office, VI, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), null);
		assertThat(broken.errors()).singleElement().satisfies((e) -> assertThat(e.row()).isZero());
	}

	@Test
	void anUploadedFileIsCheckedAndShownAndWrittenOnlyWhenConfirmedOnce() {
		var committee = fixtures.committee();
		var office = committee.office();
		var before = count(office);
		var csv = """
				Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Chi bộ
				Trịnh Văn Xem Trước;Nam;07/08/1989;01/01/2018;T02
				""";
		var job = imports.start(office, VI, "xem-truoc.csv", csv.getBytes(StandardCharsets.UTF_8), null, false);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> job.stage() == ImportJob.Stage.READY);
		assertThat(job.total()).isOne();
		assertThat(count(office)).isEqualTo(before);
		assertThat(imports.confirm(committee.secretary(1), job.id(), VI)).isFalse();
		assertThat(imports.confirm(office, job.id(), VI)).isTrue();
		assertThat(imports.confirm(office, job.id(), VI)).as("a second confirmation").isFalse();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> job.stage() == ImportJob.Stage.DONE);
		assertThat(count(office)).isEqualTo(before + 1);
	}

	@Test
	void theSamePersonIsNotImportedTwiceFromTheFileNorOverAnExistingRecord() {
		var office = fixtures.people().committee().office();
		var before = count(office);
		var existing = new String[] { "Lê Thị Hoa", "12/04/1985" };
		var csv = """
				Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Số CCCD;Chi bộ
				%s;Nam;%s;01/01/2015;;T02
				Lê Văn Hai Lần;Nam;02/03/1991;01/01/2016;042091000111;T02
				LE VAN HAI LAN;Nam;02/03/1991;01/01/2016;;T02
				Phan Thị Khác;Nữ;04/05/1992;01/01/2017;042091000111;T02
				""".formatted(existing[0], existing[1]);
		var job = imports.runNow(office, VI, "trung.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(job.errors()).extracting(ImportJob.RowError::row, ImportJob.RowError::message)
			.contains(
					Tuple.tuple(2,
							"Đồng chí " + existing[0] + ", sinh ngày " + existing[1] + ", đã có hồ sơ trong Đảng bộ."),
					Tuple.tuple(4, "Đồng chí LE VAN HAI LAN, sinh ngày 02/03/1991, trùng với dòng 3 trong tệp."),
					Tuple.tuple(5, "Số CCCD 042091000111 trùng với dòng 3 trong tệp."));
		assertThat(count(office)).isEqualTo(before);
	}

	@Test
	void aFileBeyondTheLimitsIsRefusedWithItsLimitAndNothingIsWritten() throws IOException {
		var office = fixtures.committee().office();
		var before = count(office);
		var rows = new ArrayList<List<Object>>();
		rows.add(List.of("Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Chi bộ"));
		for (var i = 0; i <= Spreadsheet.MAX_ROWS; i++) {
			rows.add(List.of("Nguyễn Văn Số " + i, "Nam", "01/01/1990", "01/01/2015", "T02"));
		}
		var job = imports.runNow(office, VI, "rat-lon.xlsx", MemberImportTestFiles.xlsx(rows), null);
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(job.errors()).singleElement()
			.satisfies((e) -> assertThat(e.message()).contains("20.000").contains("dòng"));
		var wide = new ArrayList<Object>();
		for (var i = 0; i <= Spreadsheet.MAX_CELLS; i++) {
			wide.add("x");
		}
		var tooWide = imports.runNow(office, VI, "rong.xlsx",
				MemberImportTestFiles.xlsx(List.of(List.of("Họ và tên"), wide)), null);
		assertThat(tooWide.errors()).singleElement().satisfies((e) -> assertThat(e.message()).contains("cột"));
		var csv = new StringBuilder("Họ và tên;Giới tính\n");
		for (var i = 0; i <= Spreadsheet.MAX_ROWS; i++) {
			csv.append("Trần Văn ").append(i).append(";Nam\n");
		}
		var longCsv = imports.runNow(office, VI, "dai.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null);
		assertThat(longCsv.errors()).singleElement().satisfies((e) -> assertThat(e.message()).contains("dòng"));
		assertThat(count(office)).isEqualTo(before);
	}

	@Test
	void anExportReadsBackAsTheSameRecords() throws IOException {
		var people = fixtures.people();
		identify(people.committee(), people.secretary().memberId(), "10000001", null);
		identify(people.committee(), people.member().memberId(), "10000002", null);
		var secretary = people.secretary();
		var exported = workbook.export(VI, queries.export(secretary, MemberFilter.all()));
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			for (var r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(MemberColumn.BRANCH.ordinal()).getStringCellValue())
					.isEqualTo("Chi bộ Văn phòng");
			}
		}
		// Importing the export again is refused row by row: every card number is already
		// taken.
		var again = imports.runNow(secretary, VI, "x.xlsx", exported, null);
		assertThat(again.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(again.errors()).isNotEmpty()
			.allSatisfy((e) -> assertThat(e.column()).isIn("Số thẻ đảng viên", "Số CCCD", "Họ và tên"));
		// With updates allowed, the export reads back as nothing to change.
		var same = imports.runNow(secretary, VI, "x.xlsx", exported, null, true);
		assertThat(same.errors()).isEmpty();
		assertThat(same.additions()).isEmpty();
		assertThat(same.updates()).isEmpty();
		assertThat(same.unchanged()).isEqualTo(2);
		assertThat(same.batchId()).as("nothing written, no batch").isNull();
	}

	@Test
	void theTemplateIsItselfImportable() throws IOException {
		var template = workbook.template(VI, "Chi bộ Văn phòng");
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
		}
		var office = fixtures.committee().office();
		var job = imports.runNow(office, VI, "mau.xlsx", template, null);
		assertThat(job.errors()).isEmpty();
		assertThat(count(office)).isEqualTo(1);
	}

	@Test
	void anExistingMemberIsUpdatedByCardOrCitizenIdShownFirstAndTheImportCanBeUndoneWhole() {
		var people = fixtures.people();
		var office = people.committee().office();
		identify(people.committee(), people.secretary().memberId(), "20000001", null);
		identify(people.committee(), people.member().memberId(), "20000002", "042090001234");
		var known = jdbc.sql("""
				select id, full_name, card_no, phone, version from member
				where committee_id = :c and branch_id = :b order by id
				""")
			.param("c", office.committeeId())
			.param("b", people.branch())
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getInt(5) })
			.list();
		var first = known.get(0);
		var second = known.get(1);
		var csv = """
				Họ và tên;Giới tính;Ngày vào Đảng;Số thẻ đảng viên;Số CCCD;Số điện thoại;Chi bộ
				;;;%s;;0912 000 111;
				;;;;042090001234;;
				Vũ Thị Cập Nhật;Nữ;01/01/2019;;;;T01
				""".formatted(first[2]);
		// Without the option the matching rows are refused, naming whose record it is.
		var refused = imports.runNow(office, VI, "cap-nhat.csv", csv.getBytes(StandardCharsets.UTF_8), null, false);
		assertThat(refused.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(refused.errors()).extracting(ImportJob.RowError::row, ImportJob.RowError::message)
			.contains(Tuple.tuple(2, "Số thẻ " + first[2] + " là của đồng chí " + first[1]
					+ ", đã có hồ sơ trong Đảng bộ. Đánh dấu «Cập nhật đảng viên đã có» để cập nhật hồ sơ này."));
		assertThat(refused.refused()).isEqualTo(2);

		var before = count(office);
		var job = imports.start(office, VI, "cap-nhat.csv", csv.getBytes(StandardCharsets.UTF_8), null, true);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> job.stage() == ImportJob.Stage.READY || job.stage() == ImportJob.Stage.INVALID);
		assertThat(job.errors()).isEmpty();
		assertThat(job.additions()).extracting(ImportJob.Planned::fullName).containsExactly("Vũ Thị Cập Nhật");
		assertThat(job.updates()).singleElement().satisfies((p) -> {
			assertThat(p.memberId()).isEqualTo(first[0]);
			assertThat(p.changes()).containsExactly(
					new ImportJob.Change("Số điện thoại", (first[3] != null) ? (String) first[3] : "", "0912 000 111"));
		});
		assertThat(job.unchanged()).as("the row that changes nothing").isOne();
		assertThat(count(office)).as("nothing written before confirming").isEqualTo(before);
		assertThat(imports.confirm(office, job.id(), VI)).isTrue();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> job.stage() == ImportJob.Stage.DONE || job.stage() == ImportJob.Stage.INVALID);
		assertThat(job.errors()).isEmpty();
		assertThat(count(office)).isEqualTo(before + 1);
		assertThat(phone((Long) first[0])).isEqualTo("0912 000 111");
		assertThat(version((Long) second[0])).as("an unchanged member is not written").isEqualTo(second[4]);

		var batch = batches.batches(office).getFirst();
		assertThat(batch.id()).isEqualTo(job.batchId());
		assertThat(batch.added()).isOne();
		assertThat(batch.updated()).isOne();
		assertThat(batches.batches(people.secretary())).as("a secretary lists only their own imports")
			.noneMatch((b) -> b.id() == batch.id());
		assertThatThrownBy(() -> batches.undo(people.secretary(), batch.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> batches.undo(people.member(), batch.id())).isInstanceOf(AccessDeniedException.class);

		assertThat(batches.undo(office, batch.id())).isEmpty();
		assertThat(count(office)).isEqualTo(before);
		assertThat(phone((Long) first[0])).isEqualTo(first[3]);
		assertThat(batches.batches(office).getFirst().undone()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'member-import' and entity_id = :b")
			.param("b", batch.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThatThrownBy(() -> batches.undo(office, batch.id())).isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("member.import.undo.already");
	}

	@Test
	void anImportIsNotUndoneWhileItsMembersHaveLaterChangesOrRecords() {
		var office = fixtures.committee().office();
		var csv = """
				Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Chi bộ
				Đinh Văn Sửa Sau;Nam;01/02/1990;01/01/2019;T01
				Mai Thị Có Thông Báo;Nữ;03/04/1991;01/01/2019;T01
				Tạ Văn Không Sao;Nam;05/06/1992;01/01/2019;T01
				""";
		var job = imports.runNow(office, VI, "sau.csv", csv.getBytes(StandardCharsets.UTF_8), null, false);
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.DONE);
		var before = count(office);
		var edited = memberId(office, "Đinh Văn Sửa Sau");
		var form = queries.find(office.committeeId(), edited).orElseThrow().toForm();
		form.setPhone("0988 111 222");
		service.update(office, edited, form);
		jdbc.sql("""
				insert into notification (committee_id, member_id, kind, message_key)
				values (:c, :m, 'TEST', 'notification.test')
				""").param("c", office.committeeId()).param("m", memberId(office, "Mai Thị Có Thông Báo")).update();

		var problems = batches.undo(office, Objects.requireNonNull(job.batchId()));
		assertThat(problems).extracting((p) -> messages.getMessage(p.key(), p.args(), VI))
			.containsExactlyInAnyOrder("Hồ sơ đồng chí Đinh Văn Sửa Sau đã được sửa hoặc có biến động sau khi nhập.",
					"Đồng chí Mai Thị Có Thông Báo đã có dữ liệu phát sinh sau khi nhập (điểm danh, nhiệm vụ, tài khoản, thông báo…).");
		assertThat(count(office)).as("all or nothing: the third member stays too").isEqualTo(before);
		assertThat(batches.batches(office).getFirst().undone()).isFalse();
	}

	@Test
	void anUpdateByFileNeverMovesAMemberNorReachesOutsideTheScopeNorConfusesTwoMembers() {
		var people = fixtures.people();
		var office = people.committee().office();
		identify(people.committee(), people.otherSecretary().memberId(), "30000001", null);
		identify(people.committee(), people.otherMember().memberId(), "30000002", "042090005678");
		var two = List.of(new String[] { "", "30000001", "Đỗ Văn Khánh" },
				new String[] { "", "30000002", "Cao Văn Sơn" });
		var csv = """
				Họ và tên;Giới tính;Ngày vào Đảng;Số thẻ đảng viên;Số CCCD;Chi bộ
				;;;%s;;T01
				;;;%s;042090005678;
				""".formatted(two.get(1)[1], two.get(0)[1]);
		var job = imports.runNow(office, VI, "sai.csv", csv.getBytes(StandardCharsets.UTF_8), null, true);
		assertThat(job.stage()).isEqualTo(ImportJob.Stage.INVALID);
		assertThat(job.errors()).extracting(ImportJob.RowError::row, ImportJob.RowError::column)
			.containsExactlyInAnyOrder(Tuple.tuple(2, "Chi bộ"), Tuple.tuple(3, "Số CCCD"));
		var outside = imports.runNow(people.secretary(), VI, "ngoai.csv",
				"Số thẻ đảng viên;Số điện thoại\n%s;0912 333 444\n".formatted(two.get(0)[1])
					.getBytes(StandardCharsets.UTF_8),
				people.branch(), true);
		assertThat(outside.errors()).singleElement()
			.satisfies((e) -> assertThat(e.message()).contains(two.get(0)[2]).contains("ngoài phạm vi"));
	}

	/** Gives the member a party card number and a citizen id. */
	private void identify(Fixtures.Committee committee, long memberId, String cardNo, @Nullable String citizenId) {
		fixtures.record(committee, memberId, (form) -> {
			form.setCardNo(cardNo);
			form.setCitizenId(citizenId);
		});
	}

	private long memberId(CurrentUser office, String fullName) {
		return jdbc.sql("select id from member where committee_id = :c and full_name = :n")
			.param("c", office.committeeId())
			.param("n", fullName)
			.query(Long.class)
			.single();
	}

	private @Nullable String phone(long id) {
		return jdbc.sql("select phone from member where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1))
			.list()
			.getFirst();
	}

	private int version(long id) {
		return jdbc.sql("select version from member where id = :id").param("id", id).query(Integer.class).single();
	}

	private long count(CurrentUser office) {
		return jdbc.sql("select count(*) from member where committee_id = :c")
			.param("c", office.committeeId())
			.query(Long.class)
			.single();
	}

}
