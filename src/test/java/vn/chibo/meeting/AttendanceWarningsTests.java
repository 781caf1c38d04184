package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance warnings the database keeps (docs/domain.md §4, §5) are those the rules
 * give, line by line, whatever writes the attendance or moves, cancels or restores a
 * meeting: checked against the rules written out here over drawn years of attendance.
 */
@ChiboTest
class AttendanceWarningsTests {

	private static final String[] STATUSES = { "PRESENT", "PRESENT", "PRESENT", "LATE", "ABSENT_EXCUSED",
			"ABSENT_EXCUSED", "ABSENT_EXCUSED", "ABSENT_UNEXCUSED", "ABSENT_UNEXCUSED", null };

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AttendanceWarnings warnings;

	@Test
	void theKeptWarningsAreTheRulesOverEveryChange() {
		var committee = fixtures.committee();
		var branch = committee.branch(1);
		var members = new ArrayList<Long>();
		for (var i = 0; i < 5; i++) {
			members.add(fixtures.member(committee, branch, "Nguyễn Văn Số " + i, TheoryLevel.ELEMENTARY));
		}
		var random = new Random(20261205);
		var meetings = new ArrayList<Long>();
		for (var year = 2030; year <= 2031; year++) {
			for (var month = 1; month <= 12; month++) {
				for (var n = 0; n < 1 + random.nextInt(2); n++) {
					var id = jdbc.sql("""
							insert into meeting (committee_id, branch_id, kind, scheduled_on, status)
							values (:committee, :branch, :kind, :on, 'HELD') returning id
							""")
						.param("committee", committee.id())
						.param("branch", branch)
						.param("kind", (n == 0) ? "REGULAR" : "EXTRAORDINARY")
						.param("on", LocalDate.of(year, month, 1 + random.nextInt(28)))
						.query(Long.class)
						.single();
					meetings.add(id);
					for (var member : members) {
						var status = STATUSES[random.nextInt(STATUSES.length)];
						jdbc.sql(
								"""
										insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name,
										probationary, exempted, temporary_in, temporary_out, status, reason)
										values (:committee, :meeting, :member, 1, 'Đảng viên', false, :exempted, false, :out,
										:status, :reason)
										""")
							.param("committee", committee.id())
							.param("meeting", id)
							.param("member", member)
							.param("exempted", random.nextInt(20) == 0)
							.param("out", random.nextInt(20) == 0)
							.param("status", status)
							.param("reason", "ABSENT_EXCUSED".equals(status) ? "Ốm" : null)
							.update();
					}
				}
			}
		}
		assertKept(committee, members);
		// Lines recorded again one by one, as the roll call does.
		for (var i = 0; i < 40; i++) {
			var status = STATUSES[random.nextInt(STATUSES.length - 1)];
			jdbc.sql("""
					update meeting_attendance set status = :status, reason = :reason
					where committee_id = :committee and meeting_id = :meeting and member_id = :member
					""")
				.param("status", status)
				.param("reason", "ABSENT_EXCUSED".equals(status) ? "Công tác" : null)
				.param("committee", committee.id())
				.param("meeting", meetings.get(random.nextInt(meetings.size())))
				.param("member", members.get(random.nextInt(members.size())))
				.update();
		}
		assertKept(committee, members);
		// Meetings cancelled, one restored, one moved into the other year; a member
		// exempted for a whole year; a meeting's lines removed.
		for (var i = 0; i < 4; i++) {
			jdbc.sql("update meeting set status = 'CANCELLED' where committee_id = :committee and id = :id")
				.param("committee", committee.id())
				.param("id", meetings.get(3 + i * 7))
				.update();
		}
		assertKept(committee, members);
		jdbc.sql("update meeting set status = 'HELD' where committee_id = :committee and id = :id")
			.param("committee", committee.id())
			.param("id", meetings.get(3))
			.update();
		jdbc.sql("update meeting set scheduled_on = date '2031-02-27' where committee_id = :committee and id = :id")
			.param("committee", committee.id())
			.param("id", meetings.get(5))
			.update();
		jdbc.sql("""
				update meeting_attendance a set exempted = true from meeting g
				where g.committee_id = a.committee_id and g.id = a.meeting_id and a.committee_id = :committee
				and a.member_id = :member and g.scheduled_on < date '2031-01-01'
				""").param("committee", committee.id()).param("member", members.get(1)).update();
		jdbc.sql("delete from meeting_attendance where committee_id = :committee and meeting_id = :meeting")
			.param("committee", committee.id())
			.param("meeting", meetings.get(9))
			.update();
		assertKept(committee, members);
		assertThat(jdbc.sql("select count(distinct kind) from meeting_attendance_warning where committee_id = :c")
			.param("c", committee.id())
			.query(Integer.class)
			.single()).as("the drawn years raise every kind of warning").isEqualTo(3);
	}

	private void assertKept(Fixtures.Committee committee, List<Long> members) {
		// Each meeting's two numbers (V54), as its lines count them now.
		var tally = "select meeting_id, expected, attended from meeting_attendance_tally where committee_id = :c";
		var lines = """
				select meeting_id, count(*) filter (where not exempted and not temporary_out),
				count(*) filter (where not exempted and not temporary_out and status in ('PRESENT', 'LATE'))
				from meeting_attendance where committee_id = :c group by meeting_id
				""";
		assertThat(counts(tally, committee.id())).as("meeting_attendance_tally")
			.isEqualTo(counts(lines, committee.id()))
			.isNotEmpty();
		for (var member : members) {
			for (var year = 2030; year <= 2031; year++) {
				var kept = warnings.ofMember(committee.office(), year, member)
					.stream()
					.map((w) -> new Raised(w.kind(), w.meetingId(), w.on(), w.count()))
					.sorted(ORDER)
					.toList();
				assertThat(kept).as("member %d, %d", member, year).isEqualTo(rules(committee.id(), member, year));
			}
		}
	}

	private Map<Long, List<Integer>> counts(String sql, long committeeId) {
		var counts = new TreeMap<Long, List<Integer>>();
		jdbc.sql(sql)
			.param("c", committeeId)
			.query((rs, row) -> counts.put(rs.getLong(1), List.of(rs.getInt(2), rs.getInt(3))))
			.list();
		return counts;
	}

	record Raised(AttendanceWarning.Kind kind, long meetingId, LocalDate on, int count) {
	}

	private static final Comparator<Raised> ORDER = Comparator.comparing(Raised::on)
		.thenComparing(Raised::meetingId)
		.thenComparing(Raised::kind);

	record Line(long meetingId, LocalDate on, String status, boolean counted) {
	}

	/**
	 * The rules over a member's year, line by line in date order: every absence without
	 * reason; the one that makes three months with such an absence (Party Charter, Art.
	 * 8); the third absence with reason in a row (12-HD/BTCTW 2018). Lines outside the
	 * rules (exempted, attending elsewhere) neither count nor break a run.
	 */
	private List<Raised> rules(long committeeId, long memberId, int year) {
		var lines = jdbc.sql("""
				select g.id, g.scheduled_on, a.status, not a.exempted and not a.temporary_out as counted
				from meeting_attendance a join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
				where a.committee_id = :committee and a.member_id = :member and g.status <> 'CANCELLED'
				and a.status is not null and extract(year from g.scheduled_on) = :year
				order by g.scheduled_on, g.id
				""")
			.param("committee", committeeId)
			.param("member", memberId)
			.param("year", year)
			.query((rs, row) -> new Line(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getBoolean(4)))
			.list();
		var raised = new ArrayList<Raised>();
		var run = 0;
		var months = new HashSet<Integer>();
		var charterRaised = false;
		for (var line : lines) {
			if (!line.counted()) {
				continue;
			}
			switch (line.status()) {
				case "ABSENT_UNEXCUSED" -> {
					raised.add(new Raised(AttendanceWarning.Kind.ABSENT_UNEXCUSED, line.meetingId(), line.on(), 1));
					months.add(line.on().getMonthValue());
					if (months.size() >= 3 && !charterRaised) {
						raised.add(new Raised(AttendanceWarning.Kind.CHARTER_THREE_MONTHS, line.meetingId(), line.on(),
								months.size()));
						charterRaised = true;
					}
					run = 0;
				}
				case "ABSENT_EXCUSED" -> {
					run++;
					if (run == 3) {
						raised.add(
								new Raised(AttendanceWarning.Kind.CONSECUTIVE_EXCUSED, line.meetingId(), line.on(), 3));
					}
				}
				default -> run = 0;
			}
		}
		raised.sort(ORDER);
		return raised;
	}

}
