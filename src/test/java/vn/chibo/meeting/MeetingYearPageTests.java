package vn.chibo.meeting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The meetings page of a committee with many branches and meetings: the plan grid a page
 * of branches at a time with their gaps, the year's meetings as a paged list with its
 * filters, the newest attendance warnings — and a secretary's page of their own branch.
 */
@ChiboTest
class MeetingYearPageTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void theGridAndTheListArePagedAndFiltered() throws Exception {
		var committee = fixtures.committee();
		fixtures.moreBranches(committee, 17);
		var first = committee.branch(1);
		var member = fixtures.member(committee, first, "Trần Thị Vắng", TheoryLevel.ELEMENTARY);
		for (var month = 1; month <= 12; month++) {
			absent(committee, member, meeting(committee, first, "REGULAR", LocalDate.of(2033, month, 15), "HELD"));
		}
		for (var month = 1; month <= 10; month++) {
			absent(committee, member, meeting(committee, first, "REGULAR", LocalDate.of(2033, month, 25), "HELD"));
		}
		meeting(committee, first, "THEMATIC", LocalDate.of(2033, 1, 10), "PLANNED");
		meeting(committee, first, "THEMATIC", LocalDate.of(2033, 4, 10), "PLANNED");
		meeting(committee, first, "EXTRAORDINARY", LocalDate.of(2033, 3, 5), "CANCELLED");
		var office = committee.office();

		var page = page(office, "/meetings?year=2033");
		assertThat(page.select("#plan-grid tbody tr")).hasSize(15);
		assertThat(page.select("#grid-pages").text()).contains("Chi bộ 1–15/17");
		var row = page.select("#plan-grid tbody tr").first();
		assertThat(row.select("td").get(1).text()).isEqualTo("CĐ 10 TK 15 TK 25");
		assertThat(row.select("td").get(3).select(".s-CANCELLED").text()).isEqualTo("BT 5");
		assertThat(page.select("#plan-grid tbody tr").get(1).select("td.table-warning")).hasSize(12);
		// The gaps of the branches shown: the first branch lacks a thematic meeting in
		// the third and fourth quarters; the second has nothing.
		assertThat(page.select("#plan-warnings li").eachText()).filteredOn((w) -> w.contains("Chi bộ Văn phòng"))
			.hasSize(2);
		assertThat(page.select("#plan-warnings li")).hasSize(2 + 14 * 16);
		var second = page(office, "/meetings?year=2033&rows=1");
		assertThat(second.select("#plan-grid tbody tr")).hasSize(2);
		assertThat(second.select("#grid-pages").text()).contains("Chi bộ 16–17/17");
		// The pager links where there is a page to go to and only there.
		assertThat(page.select("#grid-pages a").eachAttr("href")).containsExactly("/meetings?year=2033&rows=1");
		assertThat(page.select("#grid-next").attr("href")).isEqualTo("/meetings?year=2033&rows=1");
		assertThat(second.select("#grid-pages a").eachAttr("href")).containsExactly("/meetings?year=2033&rows=0");
		assertThat(second.select("#grid-next")).isEmpty();

		// The list: the meetings ahead, earliest first, twenty a page.
		assertThat(page.select("#meeting-list tbody tr")).hasSize(20);
		assertThat(page.select("#meeting-list tbody tr").first().text()).startsWith("10/01/2033");
		assertThat(page.select("#list-pages").text()).contains("Trang 1/2");
		assertThat(page(office, "/meetings?year=2033&page=1").select("#meeting-list tbody tr")).hasSize(5);
		assertThat(page(office, "/meetings?year=2033&kind=THEMATIC").select("#meeting-list tbody tr")).hasSize(2);
		assertThat(page(office, "/meetings?year=2033&status=CANCELLED").select("#meeting-list tbody tr")).hasSize(1);
		assertThat(page(office, "/meetings?year=2033&month=3").select("#meeting-list tbody tr")).hasSize(3);
		assertThat(page(office, "/meetings?year=2033&past=true").select("#meeting-list")).isEmpty();
		// Past meetings newest first: what a year gone by opens at.
		meeting(committee, committee.branch(2), "REGULAR", LocalDate.of(2020, 5, 20), "HELD");
		meeting(committee, committee.branch(2), "REGULAR", LocalDate.of(2020, 6, 20), "HELD");
		assertThat(page(office, "/meetings?year=2020").select("#meeting-list tbody tr").first().text())
			.startsWith("20/06/2020");
		// Meetings of one day in the order of their branches' codes, as the grid lists
		// the
		// branches (not by name, nor by which was planned first).
		meeting(committee, committee.branch(2), "REGULAR", LocalDate.of(2019, 8, 10), "HELD");
		meeting(committee, first, "REGULAR", LocalDate.of(2019, 8, 10), "HELD");
		assertThat(page(office, "/meetings?year=2019").select("#meeting-list tbody tr"))
			.map((r) -> r.select("td").get(3).text())
			.containsExactly("Chi bộ Văn phòng", "Chi bộ Nghiệp vụ");
		// Those whose minutes are not signed by both signers: a past list, whatever the
		// tab asked; the filter kept by the pages' links.
		var may = meeting(committee, committee.branch(2), "REGULAR", LocalDate.of(2020, 5, 25), "HELD");
		meeting(committee, committee.branch(2), "EXTRAORDINARY", LocalDate.of(2020, 7, 1), "CANCELLED");
		jdbc.sql("""
				insert into meeting_minutes (committee_id, meeting_id, chair_signed_at, updated_by)
				values (:c, :m, now(), 'test')
				""").param("c", committee.id()).param("m", may).update();
		var unsigned = page(office, "/meetings?year=2020&past=false&unsigned=true");
		assertThat(unsigned.select("#meeting-list tbody tr").eachText()).hasSize(3)
			.allSatisfy((r) -> assertThat(r).doesNotContain("01/07/2020"));
		assertThat(unsigned.select("#list-unsigned").hasAttr("checked")).isTrue();
		assertThat(unsigned.select("#list-past").attr("href")).contains("unsigned=true");
		jdbc.sql("update meeting_minutes set taker_signed_at = now() where committee_id = :c and meeting_id = :m")
			.param("c", committee.id())
			.param("m", may)
			.update();
		assertThat(page(office, "/meetings?year=2020&unsigned=true").select("#meeting-list tbody tr").eachText())
			.hasSize(2)
			.noneMatch((r) -> r.startsWith("25/05/2020"));
		assertThat(page(office, "/meetings?year=2020").select("#list-unsigned").hasAttr("checked")).isFalse();
		// Out-of-range pages are the nearest page.
		assertThat(page(office, "/meetings?year=2033&rows=99999&page=-4").select("#plan-grid tbody tr")).hasSize(2);

		// A year no meeting can have is refused with a message, on every path.
		for (var uri : List.of("/meetings?year=99999999", "/meetings/month?year=99999999", "/meetings?year=1200",
				"/api/v1/meetings?year=99999999")) {
			assertThat(mvc.get().uri(uri).with(user(office))).as(uri).hasStatus4xxClientError();
		}

		// The newest twenty of the 23 attendance warnings (22 absences without reason,
		// the
		// third month of them), all of them on the branch's own page.
		assertThat(page.select("#attendance-warnings h2").text()).contains("(23)");
		assertThat(page.select("#attendance-warnings li")).hasSize(20);
		assertThat(page.select("#attendance-warnings li a").eachText())
			.contains("Trần Thị Vắng: vắng không lý do ngày 15/12/2033.");
		assertThat(page.select("#attendance-warnings li a").eachAttr("href"))
			.containsOnly("/meetings/attendance/members/" + member + "?year=2033");
		assertThat(page.select("#attendance-warnings li span").eachText()).containsOnly("Chi bộ Văn phòng");
		assertThat(page.select("#attendance-warnings-more")).hasSize(1);
		var branchPage = page(office, "/meetings?year=2033&branchId=" + first);
		// the filter's choices: every branch, the one shown chosen
		assertThat(page.select("#branchId option")).hasSize(1 + 17);
		assertThat(page.select("#branchId option[selected]")).isEmpty();
		assertThat(branchPage.select("#branchId option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(first));
		assertThat(branchPage.select("#branchId option[selected]").text()).isEqualTo("Chi bộ Văn phòng");
		assertThat(branchPage.select("#attendance-warnings li")).hasSize(23);
		assertThat(branchPage.select("#attendance-warnings-more")).isEmpty();

		// The secretary of the second branch: their branch alone.
		var secretary = page(committee.secretary(2), "/meetings?year=2033");
		assertThat(secretary.select("#plan-grid tbody tr")).hasSize(1);
		assertThat(secretary.select("#grid-pages")).isEmpty();
		assertThat(secretary.select("#meeting-list")).isEmpty();
		assertThat(secretary.select("#attendance-warnings")).isEmpty();
	}

	/**
	 * A row of the list (written in Java, MeetingListRows): the date and time, the kind
	 * linking to the meeting, the status as a badge, the branch, the topic as text — the
	 * characters of HTML in it escaped — and the preparer.
	 */
	@Test
	void aListRowShowsTheMeetingItsTextsEscaped() throws Exception {
		var committee = fixtures.committee();
		var first = committee.branch(1);
		var held = meeting(committee, first, "THEMATIC", LocalDate.of(2018, 2, 3), "HELD");
		jdbc.sql("update meeting set starts_at = '08:00', topic = :topic where id = :id")
			.param("topic", "<b>Nghị quyết</b> & \"Đổi mới\"")
			.param("id", held)
			.update();
		meeting(committee, first, "REGULAR", LocalDate.of(2018, 2, 20), "CANCELLED");

		var rows = page(committee.office(), "/meetings?year=2018&past=true").select("#meeting-list tbody tr");
		assertThat(rows).hasSize(2);
		var row = rows.get(1).select("td");
		assertThat(row).hasSize(6);
		assertThat(row.get(0).text()).isEqualTo("03/02/2018 08:00");
		assertThat(row.get(1).select("a").attr("href")).isEqualTo("/meetings/" + held);
		assertThat(row.get(1).text()).isEqualTo("Chuyên đề");
		assertThat(row.get(2).select("span.badge.text-bg-success").text()).isEqualTo("Đã họp");
		assertThat(row.get(3).text()).isEqualTo("Chi bộ Văn phòng");
		assertThat(row.get(4).hasClass("hide-sm")).isTrue();
		assertThat(row.get(4).text()).isEqualTo("<b>Nghị quyết</b> & \"Đổi mới\"");
		assertThat(row.get(4).select("b")).isEmpty();
		assertThat(row.get(5).text()).isEmpty();
		var cancelled = rows.get(0).select("td");
		assertThat(cancelled.get(0).text()).isEqualTo("20/02/2018");
		assertThat(cancelled.get(2).select("span.badge.text-bg-dark").text()).isEqualTo("Đã hủy");
	}

	/**
	 * The API lists a page of the year's meetings with the page's filters, in the
	 * reader's scope: the office the committee's, a secretary their branch's, another
	 * committee's branch nothing.
	 */
	@Test
	void theApiListsAPageOfMeetingsWithThePagesFilters() {
		var committee = fixtures.committee();
		var first = committee.branch(1);
		for (var month = 1; month <= 12; month++) {
			meeting(committee, first, "REGULAR", LocalDate.of(2034, month, 15), "PLANNED");
		}
		meeting(committee, first, "THEMATIC", LocalDate.of(2034, 3, 10), "PLANNED");
		meeting(committee, first, "EXTRAORDINARY", LocalDate.of(2034, 3, 5), "CANCELLED");
		var office = committee.office();
		var all = api(office, "/api/v1/meetings/list?year=2034&size=5");
		all.extractingPath("$.total").isEqualTo(14);
		all.extractingPath("$.items.length()").isEqualTo(5);
		all.extractingPath("$.items[0].scheduledOn").isEqualTo("2034-01-15");
		api(office, "/api/v1/meetings/list?year=2034&size=5&page=2").extractingPath("$.items.length()").isEqualTo(4);
		api(office, "/api/v1/meetings/list?year=2034&kind=THEMATIC").extractingPath("$.total").isEqualTo(1);
		api(office, "/api/v1/meetings/list?year=2034&status=CANCELLED").extractingPath("$.total").isEqualTo(1);
		api(office, "/api/v1/meetings/list?year=2034&month=3").extractingPath("$.total").isEqualTo(3);
		api(office, "/api/v1/meetings/list?year=2034&past=true").extractingPath("$.total").isEqualTo(0);
		api(office, "/api/v1/meetings/list?year=2034&unsigned=true").extractingPath("$.total").isEqualTo(0);
		// Out-of-range pages and sizes are the nearest there are.
		api(office, "/api/v1/meetings/list?year=2034&page=-3&size=99999").extractingPath("$.items.length()")
			.isEqualTo(14);
		// A secretary reads their own branch; a branch of another committee is nobody's
		// here.
		api(committee.secretary(1), "/api/v1/meetings/list?year=2034").extractingPath("$.total").isEqualTo(14);
		api(committee.secretary(2), "/api/v1/meetings/list?year=2034").extractingPath("$.total").isEqualTo(0);
		var other = fixtures.committee();
		api(other.office(), "/api/v1/meetings/list?year=2034&branchId=" + first).extractingPath("$.total").isEqualTo(0);
		assertThat(mvc.get().uri("/api/v1/meetings/list?year=2034&kind=WEEKLY").with(user(office)))
			.hasStatus4xxClientError();
	}

	private AbstractJsonContentAssert<?> api(CurrentUser user, String uri) {
		var result = mvc.get().uri(uri).with(user(user)).exchange();
		assertThat(result).hasStatusOk();
		return assertThat(result).bodyJson();
	}

	private Document page(CurrentUser user, String uri) throws Exception {
		var result = mvc.get().uri(uri).with(user(user)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private long meeting(Fixtures.Committee committee, long branch, String kind, LocalDate on, String status) {
		return jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, status, topic, topic_group)
				values (:committee, :branch, :kind, :on, :status, :topic, :group) returning id
				""")
			.param("committee", committee.id())
			.param("branch", branch)
			.param("kind", kind)
			.param("on", on)
			.param("status", status)
			.param("topic", "THEMATIC".equals(kind) ? "Học tập nghị quyết" : null)
			.param("group", "THEMATIC".equals(kind) ? "RESOLUTIONS" : null)
			.query(Long.class)
			.single();
	}

	private void absent(Fixtures.Committee committee, long member, long meeting) {
		jdbc.sql(
				"""
						insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name, probationary,
						exempted, temporary_in, temporary_out, status)
						values (:committee, :meeting, :member, 1, 'Trần Thị Vắng', false, false, false, false, 'ABSENT_UNEXCUSED')
						""")
			.param("committee", committee.id())
			.param("meeting", meeting)
			.param("member", member)
			.update();
	}

}
