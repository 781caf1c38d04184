package vn.chibo.evaluation;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.meeting.TopicGroup;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.attendance.MeetingAttendance;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.minutes.MinutesForm;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import vn.chibo.evaluation.score.MeetingScore;

@ChiboTest
class EvaluationTests {

	@Autowired
	Evaluations evaluations;

	@Autowired
	Rubrics rubrics;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/**
	 * A meeting of the first branch on the day, with everyone's attendance recorded as
	 * given (present unless named) and its minutes (14:00 to 15:30) signed by the chair
	 * and the minute taker.
	 */
	private long held(Fixtures.People people, MeetingKind kind, LocalDate on, Map<Long, AttendanceStatus> absent) {
		var secretary = people.secretary();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(kind);
		form.setScheduledOn(on);
		if (kind == MeetingKind.THEMATIC) {
			form.setTopic("Chuyên đề học tập và làm theo Bác");
			form.setTopicGroup(TopicGroup.OTHER);
		}
		var id = meetingService.schedule(secretary, form);
		attendance.snapshot(secretary, id);
		for (var row : meetingQueries.attendance(secretary, id)) {
			var status = absent.getOrDefault(row.memberId(), AttendanceStatus.PRESENT);
			attendance.record(secretary, id, row.memberId(), status,
					(status == AttendanceStatus.ABSENT_EXCUSED) ? "Đi công tác" : null);
		}
		minutes.save(secretary, id, minutes(people, 0, LocalTime.of(15, 30)));
		minutes.sign(secretary, id);
		minutes.sign(people.member(), id);
		return id;
	}

	private long held(Fixtures.People people, MeetingKind kind, LocalDate on) {
		return held(people, kind, on, Map.of());
	}

	/** Minutes chaired by the branch's secretary and taken by its member. */
	private static MinutesForm minutes(Fixtures.People people, int version, LocalTime end) {
		var record = new MinutesForm();
		record.setVersion(version);
		record.setStartTime(LocalTime.of(14, 0));
		record.setEndTime(end);
		record.setChairMemberId(people.secretary().memberId());
		record.setMinuteTakerMemberId(people.member().memberId());
		record.setConclusions("Kết luận");
		return record;
	}

	@Test
	void eachMeetingIsScoredByTheRubricInForceOnItsDateAndExplained() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var recent = held(people, MeetingKind.REGULAR, LocalDate.of(2026, 3, 20));
		var old = held(people, MeetingKind.REGULAR, LocalDate.of(2021, 3, 20));
		var thematic = held(people, MeetingKind.THEMATIC, LocalDate.of(2024, 5, 14));
		assertThat(evaluations.scores(secretary, recent)).singleElement()
			.satisfies((s) -> assertThat(s.result().rubricCode()).isEqualTo("A-42HD"));
		assertThat(evaluations.scores(secretary, old)).singleElement().satisfies((s) -> {
			assertThat(s.result().rubricCode()).isEqualTo("C-12HD");
			assertThat(s.result().level()).isIn(Level.PASS, Level.FAIL);
		});
		assertThat(evaluations.scores(secretary, thematic)).singleElement()
			.satisfies((s) -> assertThat(s.result().rubricCode()).isEqualTo("B-THEMATIC"));
		var score = evaluations.scores(secretary, recent).getFirst();
		assertThat(score.result().lines()).hasSize(28)
			.filteredOn((l) -> l.source() == ScoreResult.Source.RECORD)
			.allSatisfy((l) -> assertThat(l.link()).startsWith("/meetings/" + recent));
		assertThat(mvc.get().uri("/evaluation/meetings/{id}", recent).with(user(people.member()))).hasStatusOk()
			.bodyText()
			.contains("Bộ tiêu chí A")
			.contains("Có mặt")
			.doesNotContain("Rubric", "A-42HD")
			.doesNotContain("manual-score");
		assertThat(mvc.get().uri("/evaluation/meetings/{id}", recent).with(user(people.otherMember())))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void handScoresCountAndTheSuperiorsPrevails() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var id = held(people, MeetingKind.REGULAR, LocalDate.of(2026, 2, 20));
		var rubricId = evaluations.scores(secretary, id).getFirst().rubricId();
		var initial = evaluations.scores(secretary, id).getFirst();
		var before = initial.result().total();
		var old = line(initial, "4.2").points();
		evaluations.score(secretary, id, rubricId, "4.2", 8.0, "Nội dung bám sát nhiệm vụ");
		var self = evaluations.scores(secretary, id).getFirst();
		assertThat(self.result().total()).isEqualTo(before - old + 8);
		assertThat(line(self, "4.2").source()).isEqualTo(ScoreResult.Source.SELF);
		// The other branch's secretary, a committee member, follows this branch for the
		// committee.
		var follower = people.otherSecretary();
		fixtures.post(people.committee(), follower.memberId(), people.branch(), Post.FOLLOWER);
		assertThat(mvc.post()
			.uri("/evaluation/meetings/{id}/scores", id)
			.with(user(follower))
			.with(csrf())
			.param("rubricId", String.valueOf(rubricId))
			.param("criterion", "4.2")
			.param("points", "6,5")
			.param("note", "Chưa sâu")).hasStatus3xxRedirection();
		var superior = evaluations.scores(secretary, id).getFirst();
		assertThat(line(superior, "4.2").points()).isEqualTo(6.5);
		assertThat(line(superior, "4.2").source()).isEqualTo(ScoreResult.Source.SUPERIOR);
		assertThat(superior.result().total()).isEqualTo(self.result().total() - 1.5);
		// The points typed are shown back as typed, with the decimal comma.
		assertThat(mvc.get().uri("/evaluation/meetings/{id}", id).with(user(follower))).hasStatusOk()
			.bodyText()
			.contains("name=\"points\" value=\"6,5\"")
			.doesNotContain("value=\"6.5\"", "type=\"number\"");
		// What is not a number is refused with the criterion's range, nothing kept.
		assertThat(mvc.post()
			.uri("/evaluation/meetings/{id}/scores", id)
			.with(user(follower))
			.with(csrf())
			.param("rubricId", String.valueOf(rubricId))
			.param("criterion", "4.2")
			.param("points", "6e3")).hasStatus3xxRedirection().flash().containsKey("flashError");
		assertThat(line(evaluations.scores(secretary, id).getFirst(), "4.2").points()).isEqualTo(6.5);
		assertThatThrownBy(() -> evaluations.score(secretary, id, rubricId, "4.2", 11.0, null))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("points"));
		assertThatThrownBy(() -> evaluations.score(secretary, id, rubricId, "1.1", 5.0, null)).isInstanceOfSatisfying(
				BusinessRuleException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.criterion.notManual"));
		assertThatThrownBy(() -> evaluations.score(people.member(), id, rubricId, "4.2", 5.0, null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aNewRubricVersionChangesNoScoreUntilAnExplicitRescore() throws Exception {
		var people = fixtures.people();
		var office = people.committee().office();
		var id = held(people, MeetingKind.REGULAR, LocalDate.of(2026, 1, 22));
		var first = evaluations.scores(office, id).getFirst();
		assertThat(first.result().rubricVersion()).isEqualTo(1);
		var count = rubrics.rubrics(office.committeeId()).size();
		// A broken file is refused with the place of the error; nothing is stored.
		var text = new ClassPathResource("rubrics/A-42HD.json").getContentAsString(StandardCharsets.UTF_8);
		var broken = text.replace("\"version\": 1", "\"version\": 2")
			.replace("\"rule\": \"SPEAKERS\"", "\"rule\": \"SPEACHES\"");
		assertThat(mvc.post()
			.multipart()
			.uri("/evaluation/rubrics")
			.file(new MockMultipartFile("file", "a2.json", "application/json", broken.getBytes(StandardCharsets.UTF_8)))
			.with(user(office))
			.with(csrf())).hasStatus3xxRedirection();
		assertThatThrownBy(() -> rubrics.importRubric(office, broken))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("rubric.invalid.value");
				assertThat(ex.arguments()).containsExactly("groups[3].criteria[4].rule", "SPEACHES");
			});
		assertThat(rubrics.rubrics(office.committeeId())).hasSize(count);
		// Version 2, made from the downloaded file of version 1, gives the duration
		// criterion 10 points; the stored score keeps version 1.
		var download = mvc.get()
			.uri("/evaluation/rubrics/{id}.json", first.rubricId())
			.with(user(office))
			.exchange()
			.getResponse();
		assertThat(download.getHeader("Content-Disposition")).contains("A-42HD-v1.json");
		var downloaded = download.getContentAsString(StandardCharsets.UTF_8);
		assertThat(downloaded).isEqualTo(text);
		// Another committee's rubric is not reachable.
		var other = fixtures.committee().id();
		var foreign = rubrics.rubrics(other).getFirst().id();
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}.json", foreign).with(user(office))).hasStatus(404);
		rubrics.importRubric(office, downloaded.replace("\"version\": 1", "\"version\": 2")
			.replace("\"max\": 5, \"rule\": \"DURATION\"", "\"max\": 10, \"rule\": \"DURATION\""));
		assertThat(evaluations.scores(office, id).getFirst().result().rubricVersion()).isEqualTo(1);
		assertThatThrownBy(() -> evaluations.rescore(office, id, " ")).isInstanceOf(BusinessRuleException.class);
		evaluations.rescore(office, id, "Áp dụng bộ tiêu chí mới");
		var rescored = evaluations.scores(office, id).getFirst();
		assertThat(rescored.result().rubricVersion()).isEqualTo(2);
		assertThat(line(rescored, "1.1").max()).isEqualTo(10);
		assertThat(jdbc
			.sql("select count(*) from audit_event where entity_type = 'evaluation' and entity_id = :id"
					+ " and action = 'rescore'")
			.param("id", id)
			.query(Long.class)
			.single()).isOne();
		assertThatThrownBy(() -> rubrics.importRubric(people.secretary(), text))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Autowired
	MeetingService meetingService;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingMinutes minutes;

	@Autowired
	MeetingQueries meetingQueries;

	@Test
	void theScoreFollowsTheRecordUntilTheMinutesAreSigned() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(LocalDate.of(2026, 5, 24));
		var id = meetingService.schedule(secretary, form);
		attendance.snapshot(secretary, id);
		for (var row : meetingQueries.attendance(secretary, id)) {
			attendance.record(secretary, id, row.memberId(), AttendanceStatus.PRESENT, null);
		}
		var record = minutes(people, 0, LocalTime.of(15, 0));
		minutes.save(secretary, id, record);
		assertThat(line(evaluations.scores(secretary, id).getFirst(), "1.1").points()).isEqualTo(3);
		record.setVersion(1);
		record.setEndTime(LocalTime.of(15, 45));
		minutes.save(secretary, id, record);
		assertThat(line(evaluations.scores(secretary, id).getFirst(), "1.1").points()).isEqualTo(5);
		minutes.sign(secretary, id);
		minutes.sign(people.member(), id);
		evaluations.scores(secretary, id);
		record.setVersion(2);
		record.setEndTime(LocalTime.of(15, 0));
		record.setAmendmentReason("Ghi nhầm giờ kết thúc");
		minutes.save(secretary, id, record);
		// Signed: the score stays as given until an explicit rescore.
		assertThat(line(evaluations.scores(secretary, id).getFirst(), "1.1").points()).isEqualTo(5);
		evaluations.rescore(secretary, id, "Biên bản đã sửa giờ kết thúc");
		assertThat(line(evaluations.scores(secretary, id).getFirst(), "1.1").points()).isEqualTo(3);
	}

	@Autowired
	EvaluationQueries queries;

	@Autowired
	MessageSource messages;

	/**
	 * The first branch's 2025: a regular meeting each month and a thematic one each
	 * quarter, all held; the second branch held none.
	 */
	private Fixtures.People year2025() {
		var people = fixtures.people();
		for (var month = 1; month <= 12; month++) {
			held(people, MeetingKind.REGULAR, LocalDate.of(2025, month, 20));
			if (month % 3 == 2) {
				held(people, MeetingKind.THEMATIC, LocalDate.of(2025, month, 10));
			}
		}
		return people;
	}

	@Test
	void theDashboardShowsEachBranchsYearAndTheWeakestCriteria() throws Exception {
		var people = year2025();
		var office = people.committee().office();
		var dashboard = queries.dashboard(office, 2025, null);
		assertThat(dashboard.rows()).extracting(Dashboard.Row::branchName)
			.containsExactly("Chi bộ Văn phòng", "Chi bộ Nghiệp vụ");
		var held = dashboard.rows().getFirst();
		assertThat(held.months()).hasSize(12).allSatisfy((c) -> assertThat(c.state()).isEqualTo("SCORED"));
		assertThat(held.level()).isNotNull();
		// Four quarters, a thematic meeting each, scored apart.
		assertThat(held.thematicCount()).isEqualTo(4);
		assertThat(held.thematicMean()).isNotNull();
		// 2025 spans both rule sets: pass/fail until October, points from November.
		assertThat(held.months().getFirst().level()).isIn(Level.PASS, Level.FAIL);
		assertThat(held.months().getLast().level()).isIn(Level.GOOD, Level.FAIR, Level.AVERAGE, Level.WEAK);
		// A month in the past without a meeting is marked and lowers the year.
		var missing = dashboard.rows().getLast();
		assertThat(missing.months()).hasSize(12).allSatisfy((c) -> assertThat(c.state()).isEqualTo("MISSING"));
		assertThat(missing.level()).isNull();
		assertThat(missing.thematicCount()).isZero();
		// The criteria losing most, as the year's score lines give them.
		var lines = jdbc.sql("""
				select criterion || ' ' || round(avg(max - points), 1) from meeting_score_line
				where committee_id = :c and scheduled_on between date '2025-01-01' and date '2025-12-31'
				group by rubric_code, criterion having avg(max - points) > 0
				order by avg(max - points) desc, rubric_code, criterion limit 6
				""").param("c", people.committee().id()).query(String.class).list();
		assertThat(lines).isNotEmpty();
		assertThat(dashboard.weakest()).extracting((w) -> w.code() + " " + w.averageLoss())
			.containsExactlyElementsOf(lines);
		assertThat(dashboard.quarters()).hasSize(4);
		var secretary = queries.dashboard(people.otherSecretary(), 2025, null);
		assertThat(secretary.rows()).extracting(Dashboard.Row::branchName).containsExactly("Chi bộ Nghiệp vụ");
		var page = mvc.get().uri("/evaluation?year=2025").with(user(office)).exchange();
		assertThat(page).hasStatusOk();
		var heatmap = Jsoup.parse(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.select("#heatmap tbody tr");
		assertThat(heatmap.eachText()).hasSize(2);
		// Each month's cell: its level's colour, its score or verdict, the level named,
		// the link to the explained score.
		var cells = heatmap.getFirst().select("td");
		var january = held.months().getFirst();
		assertThat(cells.getFirst().className()).isEqualTo("level-" + january.level());
		assertThat(cells.getFirst().select("a.cell-link").attr("href"))
			.isEqualTo("/evaluation/meetings/" + january.meetingId());
		assertThat(cells.getFirst().text()).isEqualTo((january.level() == Level.PASS) ? "Đ" : "KĐ");
		assertThat(cells.getFirst().select("a").attr("title"))
			.isEqualTo((january.level() == Level.PASS) ? "Đạt" : "Không đạt");
		var december = held.months().getLast();
		assertThat(cells.get(11).text()).isEqualTo(december.shown());
		assertThat(cells.get(11).className()).isEqualTo("level-" + december.level());
		// The year's level with its mean, the thematic meetings apart.
		assertThat(cells.get(12).text())
			.startsWith(messages.getMessage("evaluation.level." + held.level(), null, Locale.forLanguageTag("vi")));
		assertThat(cells.get(13).text()).startsWith("4 buổi · ");
		// Months without a meeting are marked, with the reason as the title.
		var none = heatmap.getLast().select("td");
		assertThat(none.subList(0, 12)).allSatisfy((td) -> {
			assertThat(td.className()).isEqualTo("table-danger");
			assertThat(td.select("span").attr("title")).isEqualTo("Tháng không sinh hoạt thường kỳ");
			assertThat(td.text()).isEqualTo("✗");
		});
		var xlsx = mvc.get().uri("/evaluation/scores.xlsx?year=2025").with(user(office)).exchange();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Từng buổi");
			assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).as("a heading and the 16 meetings")
				.isEqualTo(17);
			assertThat(workbook.getSheetAt(2).getPhysicalNumberOfRows()).isEqualTo(3);
			assertThat(workbook.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Chi bộ Văn phòng");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	EarlyWarnings earlyWarnings;

	@Test
	void earlyWarningsPointAtTheRecordAndGoToTheBranchsSecretary() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var date = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(10);
		var id = unsigned(secretary, people.branch(), date);
		var rows = meetingQueries.attendance(secretary, id);
		attendance.record(secretary, id, rows.getFirst().memberId(), AttendanceStatus.ABSENT_UNEXCUSED, null);
		// The other branch's minutes are late too.
		unsigned(people.otherSecretary(), people.otherBranch(), date);

		var office = people.committee().office();
		var warnings = earlyWarnings.warnings(office);
		var unsigned = warnings.stream()
			.filter((w) -> w.kind() == EarlyWarning.Kind.MINUTES_UNSIGNED
					&& w.link().startsWith("/meetings/" + id + "/"))
			.findFirst()
			.orElseThrow();
		assertThat(unsigned.branchName()).isEqualTo("Chi bộ Văn phòng");
		assertThat(warnings)
			.anyMatch((w) -> w.kind() == EarlyWarning.Kind.MINUTES_UNSIGNED && w.branchId() == people.otherBranch());
		assertThat(warnings).anySatisfy((w) -> {
			assertThat(w.kind()).isEqualTo(EarlyWarning.Kind.UNEXCUSED_ABSENCE);
			assertThat(w.details()).containsExactly(rows.getFirst().fullName(),
					date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		});
		assertThat(mvc.get().uri("/evaluation/warnings").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("chưa được ký sau 2 ngày");
		assertThat(mvc.post()
			.uri("/evaluation/warnings/send")
			.with(user(office))
			.with(csrf())
			.param("key", unsigned.key())).hasStatus3xxRedirection();
		assertThat(jdbc.sql("""
				select count(*) from notification where member_id = :m and kind = 'WARNING' and link = :link
				""").param("m", secretary.memberId()).param("link", unsigned.link()).query(Long.class).single())
			.isOne();
		// A secretary sees the warnings of their branch (and of those they follow), not
		// of others, and does not send them.
		assertThat(earlyWarnings.warnings(secretary)).anyMatch((w) -> w.branchId() == people.branch())
			.noneMatch((w) -> w.branchId() == people.otherBranch());
		// Nor does another committee's office see them.
		assertThat(earlyWarnings.warnings(fixtures.committee().office()))
			.noneMatch((w) -> w.link().startsWith("/meetings/" + id + "/"));
		assertThatThrownBy(() -> earlyWarnings.send(secretary, unsigned.key()))
			.isInstanceOf(AccessDeniedException.class);
	}

	/**
	 * A committee with many branches and no meetings: two warnings a branch, fifty a
	 * page, the pages linked and a page beyond the last the last one.
	 */
	@Test
	void theEarlyWarningsArePaged() throws Exception {
		var committee = manyBranches();
		var office = committee.office();
		var total = earlyWarnings.warnings(office).size();
		assertThat(total).isGreaterThan(60).isLessThanOrEqualTo(100);
		var first = page(office, "/evaluation/warnings");
		assertThat(first.select("#warnings li")).hasSize(50);
		assertThat(first.select("#warnings-count").text()).isEqualTo(total + " cảnh báo; đang xem 1–50");
		assertThat(first.select("#warnings-next").attr("href")).isEqualTo("/evaluation/warnings?page=1");
		assertThat(first.select("#warnings li input[name=page]").eachAttr("value")).containsOnly("0");
		var second = page(office, "/evaluation/warnings?page=1");
		assertThat(second.select("#warnings li")).hasSize(total - 50);
		assertThat(second.select("#warnings-next")).isEmpty();
		assertThat(page(office, "/evaluation/warnings?page=99").select("#warnings li")).hasSize(total - 50);
		assertThat(page(office, "/evaluation/warnings?page=-3").select("#warnings li")).hasSize(50);
		// Sending one from the second page comes back to it.
		var key = earlyWarnings.warnings(office).get(60).key();
		assertThat(mvc.post()
			.uri("/evaluation/warnings/send")
			.with(user(office))
			.with(csrf())
			.param("key", key)
			.param("page", "1")).hasStatus3xxRedirection().hasRedirectedUrl("/evaluation/warnings?page=1");
	}

	/**
	 * The heat map twenty branches a page (32 here: the fixture's two and thirty more),
	 * the year and the scope kept by the pager.
	 */
	@Test
	void theHeatMapIsPagedByBranch() throws Exception {
		var office = manyBranches().office();
		var first = page(office, "/evaluation?year=2025");
		assertThat(first.select("#heatmap tbody tr")).hasSize(20);
		assertThat(first.select("#heatmap-pages").text()).contains("Chi bộ 1–20/32");
		var next = first.select("#heatmap-next").attr("href");
		assertThat(next).startsWith("/evaluation?year=2025&").endsWith("&page=1");
		assertThat(page(office, next).select("#heatmap tbody tr")).hasSize(12);
		var second = page(office, "/evaluation?year=2025&page=7");
		assertThat(second.select("#heatmap tbody tr")).hasSize(12);
		assertThat(second.select("#heatmap-pages").text()).contains("Chi bộ 21–32/32");
		assertThat(second.select("#heatmap-next")).isEmpty();
	}

	/** A fixture committee with thirty branches more, none of which has met. */
	private Fixtures.Committee manyBranches() {
		var committee = fixtures.committee();
		fixtures.moreBranches(committee, 32);
		return committee;
	}

	private Document page(CurrentUser user, String uri) throws Exception {
		var result = mvc.get().uri(uri).with(user(user)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void theYearReportGivesTheFiguresInTheFirstPartysLayout() throws Exception {
		var office = year2025().committee().office();
		var docx = mvc.get().uri("/evaluation/report.docx?year=2025").with(user(office)).exchange();
		String docxText;
		try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
				var extractor = new XWPFWordExtractor(word)) {
			docxText = extractor.getText();
		}
		var pdf = mvc.get().uri("/evaluation/report.pdf?year=2025").with(user(office)).exchange();
		String pdfText;
		try (var document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			pdfText = new PDFTextStripper().getText(document);
			Files.createDirectories(Path.of("target/screenshots"));
			ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
					new File("target/screenshots/report-pdf-page1.png"));
		}
		var dashboard = queries.dashboard(office, 2025, null);
		for (var text : new String[] { docxText, pdfText }) {
			assertThat(text.replaceAll("\\s+", " ")).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO",
					"đánh giá chất lượng sinh hoạt chi bộ năm 2025", "I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ ĐÁNH GIÁ",
					"Chi bộ Văn phòng", "T/M ĐẢNG ỦY", "BÍ THƯ", "Nơi nhận:", "III. HẠN CHẾ CẦN KHẮC PHỤC",
					dashboard.weakest().getFirst().name());
		}
	}

	@Test
	void theCommitteeChoosesWhetherAbsencesWithReasonCountInTheRate() {
		var people = fixtures.people();
		var office = people.committee().office();
		// A meeting with one of the branch's members absent with reason.
		var absentee = fixtures.member(people.committee(), people.branch(), "Phạm Thị Lan", TheoryLevel.ELEMENTARY);
		var id = held(people, MeetingKind.REGULAR, LocalDate.of(2026, 4, 20),
				Map.of(absentee, AttendanceStatus.ABSENT_EXCUSED));
		var inside = line(evaluations.scores(office, id).getFirst(), "2.1").arguments();
		assertThat(inside).as("2 of 3 present").startsWith("2", "3");
		evaluations.setExcusedOutsideRate(office, true);
		assertThat(mvc.get().uri("/evaluation/rubrics").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("đảng viên vắng có lý do.");
		evaluations.rescore(office, id, "Áp dụng cách tính mẫu số mới");
		var outside = line(evaluations.scores(office, id).getFirst(), "2.1").arguments();
		assertThat(outside).as("2 of the 2 counted").startsWith("2", "2");
		assertThatThrownBy(() -> evaluations.setExcusedOutsideRate(people.secretary(), true))
			.isInstanceOf(AccessDeniedException.class);
	}

	/** A meeting of the branch on the day whose minutes are written but not signed. */
	private long unsigned(CurrentUser secretary, long branchId, LocalDate on) {
		var form = new MeetingForm();
		form.setBranchId(branchId);
		form.setKind(MeetingKind.EXTRAORDINARY);
		form.setScheduledOn(on);
		var id = meetingService.schedule(secretary, form);
		attendance.snapshot(secretary, id);
		var record = new MinutesForm();
		record.setVersion(0);
		record.setStartTime(LocalTime.of(8, 0));
		minutes.save(secretary, id, record);
		return id;
	}

	private static ScoreResult.Line line(MeetingScore score, String code) {
		return score.result().lines().stream().filter((l) -> l.code().equals(code)).findFirst().orElseThrow();
	}

}
