package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.web.NotFoundException;

/**
 * Reads the {@link MeetingFacts} of meetings for the evaluation. Callers check the user's
 * scope (it works for timed and bulk scoring too).
 */
@Service
@Transactional(readOnly = true)
public class MeetingFactsQuery {

	private final JdbcClient jdbc;

	MeetingFactsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The branch a meeting belongs to, for the caller's scope check. */
	public long branchOf(long committeeId, long meetingId) {
		return jdbc.sql("select branch_id from meeting where committee_id = :c and id = :id")
			.param("c", committeeId)
			.param("id", meetingId)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * What a meeting's record says, as its score reads it; absences with reason count in
	 * the attendance rate unless {@code excusedOutsideRate} (the committee's choice,
	 * docs/domain.md §5, kept by the evaluation).
	 */
	public MeetingFacts facts(long committeeId, long meetingId, boolean excusedOutsideRate) {
		var base = jdbc
			.sql("""
					select g.id, g.branch_id, o.name, g.kind, g.scheduled_on, g.created_at, g.status, g.preparer_member_id,
					n.started_at, n.ended_at, n.chair_member_id, n.minute_taker_member_id, n.conclusions, n.resolution,
					n.votes_for, n.chair_signed_at, n.taker_signed_at,
					exists (select 1 from meeting t where t.committee_id = g.committee_id and t.branch_id = g.branch_id
						and t.kind = 'THEMATIC' and t.status <> 'CANCELLED' and t.id <> g.id and t.scheduled_on = g.scheduled_on)
						as combined,
					exists (select 1 from meeting t where t.committee_id = g.committee_id and t.branch_id = g.branch_id
						and t.kind = 'THEMATIC' and t.status = 'HELD'
						and date_trunc('month', t.scheduled_on) = date_trunc('month', g.scheduled_on)) as thematic_in_month
					from meeting g join org_unit o on o.committee_id = g.committee_id and o.id = g.branch_id
					left join meeting_minutes n on n.committee_id = g.committee_id and n.meeting_id = g.id
					where g.committee_id = :c and g.id = :id
					""")
			.param("c", committeeId)
			.param("id", meetingId)
			.query((rs, row) -> new Base(rs.getString(3), MeetingKind.valueOf(rs.getString(4)), rs.getLong(2),
					rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class),
					MeetingStatus.valueOf(rs.getString(7)), rs.getObject(8, Long.class) != null,
					rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
					rs.getObject(11, Long.class) != null && rs.getObject(12, Long.class) != null,
					rs.getString(13) != null || rs.getString(14) != null,
					rs.getString(14) != null && rs.getObject(15, Integer.class) != null,
					rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class), rs.getBoolean(18),
					rs.getBoolean(19)))
			.optional()
			.orElseThrow(NotFoundException::new);
		var branchId = base.branchId();
		var date = base.date();
		var rows = jdbc.sql("""
				select member_id, full_name, status, exempted, temporary_out from meeting_attendance
				where committee_id = :c and meeting_id = :id
				""")
			.param("c", committeeId)
			.param("id", meetingId)
			.query((rs, row) -> new Seat(rs.getLong(1), rs.getString(2), rs.getString(3),
					!rs.getBoolean(4) && !rs.getBoolean(5)))
			.list();
		int expected = 0, attended = 0, unrecorded = 0;
		var unexcused = new ArrayList<String>();
		var attendees = new HashSet<Long>();
		for (var r : rows) {
			var status = r.status();
			if ("PRESENT".equals(status) || "LATE".equals(status)) {
				attendees.add(r.memberId());
			}
			if (!r.counted() || (excusedOutsideRate && "ABSENT_EXCUSED".equals(status))) {
				continue;
			}
			expected++;
			if (status == null) {
				unrecorded++;
			}
			else if (status.equals("PRESENT") || status.equals("LATE")) {
				attended++;
			}
			else if (status.equals("ABSENT_UNEXCUSED")) {
				unexcused.add(r.name());
			}
		}
		// Absences with reason running more than three times this year, up to this
		// meeting (12-HD/BTCTW 2018, criterion 1).
		var runs = new HashMap<Long, Integer>();
		var longRuns = new LinkedHashSet<String>();
		jdbc.sql("""
				select a.member_id, a.full_name, a.status from meeting_attendance a
				join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
				where a.committee_id = :c and g.branch_id = :branch and g.status <> 'CANCELLED' and a.status is not null
				and not a.exempted and not a.temporary_out
				and g.scheduled_on between :first and :date order by g.scheduled_on, g.id
				""")
			.param("c", committeeId)
			.param("branch", branchId)
			.param("first", date.withDayOfYear(1))
			.param("date", date)
			.query((rs, row) -> new Seat(rs.getLong(1), rs.getString(2), rs.getString(3), true))
			.list()
			.forEach((r) -> {
				var run = "ABSENT_EXCUSED".equals(r.status()) ? runs.merge(r.memberId(), 1, Integer::sum) : 0;
				if (run == 0) {
					runs.put(r.memberId(), 0);
				}
				if (run > 3) {
					longRuns.add(r.name());
				}
			});
		var steps = new EnumMap<PreparationStep, OffsetDateTime>(PreparationStep.class);
		jdbc.sql("select step, done_at from meeting_preparation where committee_id = :c and meeting_id = :id")
			.param("c", committeeId)
			.param("id", meetingId)
			.query((rs, row) -> Map.entry(PreparationStep.valueOf(rs.getString(1)),
					rs.getObject(2, OffsetDateTime.class)))
			.list()
			.forEach((e) -> steps.put(e.getKey(), e.getValue()));
		var documents = jdbc.sql("""
				select min(shared_at), min(case when kind = 'FINAL' then uploaded_at end) from meeting_document
				where committee_id = :c and meeting_id = :id
				""")
			.param("c", committeeId)
			.param("id", meetingId)
			.query((rs,
					row) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
							rs.getObject(2, OffsetDateTime.class) })
			.single();
		var speakers = jdbc.sql("""
				select distinct member_id from meeting_speech where committee_id = :c and meeting_id = :id
				and member_id is not null
				""")
			.param("c", committeeId)
			.param("id", meetingId)
			.query(Long.class)
			.list()
			.stream()
			.filter(attendees::contains)
			.count();
		var previous = jdbc.sql("""
				select count(*), count(*) filter (where t.met) from resolution_target t
				where t.committee_id = :c and t.meeting_id = (select p.id from meeting p where p.committee_id = :c
					and p.branch_id = :branch and p.kind = 'REGULAR' and p.status <> 'CANCELLED'
					and (p.scheduled_on, p.id) < (:date, :id) order by p.scheduled_on desc, p.id desc limit 1)
				""")
			.param("c", committeeId)
			.param("branch", branchId)
			.param("date", date)
			.param("id", meetingId)
			.query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		var tasks = jdbc.sql("select count(*) from meeting_task where committee_id = :c and meeting_id = :id")
			.param("c", committeeId)
			.param("id", meetingId)
			.query(Integer.class)
			.single();
		var complete = base.startedAt() != null && base.endedAt() != null && base.chairAndTaker() && base.concluded()
				&& unrecorded == 0 && !rows.isEmpty();
		var chairSigned = base.chairSignedAt();
		var takerSigned = base.takerSignedAt();
		var signedAt = (chairSigned != null && takerSigned != null)
				? (chairSigned.isAfter(takerSigned) ? chairSigned : takerSigned) : null;
		return new MeetingFacts(meetingId, branchId, base.branchName(), base.kind(), date, base.plannedAt(),
				base.status(), base.startedAt(), base.endedAt(), base.combined(), base.thematicInMonth(), expected,
				attended, List.copyOf(unexcused), List.copyOf(longRuns), steps, documents[0], documents[1],
				(int) speakers, previous[0], previous[1], complete, signedAt, base.resolutionVoted(), tasks,
				base.preparerAssigned());
	}

	/** The held meetings of a committee on or after a date, for bulk scoring. */
	public List<Long> heldSince(long committeeId, LocalDate from) {
		return jdbc.sql("""
				select id from meeting where committee_id = :c and status = 'HELD' and scheduled_on >= :from
				order by scheduled_on, id
				""").param("c", committeeId).param("from", from).query(Long.class).list();
	}

	/** The meeting's row with its minutes, as the facts need it. */
	private record Base(String branchName, MeetingKind kind, long branchId, LocalDate date, OffsetDateTime plannedAt,
			MeetingStatus status, boolean preparerAssigned, @Nullable OffsetDateTime startedAt,
			@Nullable OffsetDateTime endedAt, boolean chairAndTaker, boolean concluded, boolean resolutionVoted,
			@Nullable OffsetDateTime chairSignedAt, @Nullable OffsetDateTime takerSignedAt, boolean combined,
			boolean thematicInMonth) {
	}

	/** A member's attendance at a meeting. */
	private record Seat(long memberId, String name, @Nullable String status, boolean counted) {
	}

}
