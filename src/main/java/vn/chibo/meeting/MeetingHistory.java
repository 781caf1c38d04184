package vn.chibo.meeting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.shared.audit.AuditTrail;

/**
 * Brings meetings held before chibo into it, each as a whole (plan, preparation,
 * attendance, minutes, targets, tasks, proposals), in batches: the way a branch's earlier
 * record (and the demo committee's history) gets in. Targets of each regular meeting are
 * reviewed by the branch's next one, in date order.
 */
@Service
@Transactional
public class MeetingHistory {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final MemberQueries members;

	private final MeetingService meetings;

	private final AuditTrail audit;

	private final Clock clock;

	private final JsonMapper json;

	MeetingHistory(JdbcClient jdbc, JdbcTemplate template, MemberQueries members, MeetingService meetings,
			AuditTrail audit, Clock clock, JsonMapper json) {
		this.json = json;
		this.jdbc = jdbc;
		this.template = template;
		this.members = members;
		this.meetings = meetings;
		this.audit = audit;
		this.clock = clock;
	}

	/** Imports the meetings, given in date order per branch; answers how many. */
	public int importHeld(long committeeId, String actor, List<HeldMeeting> held) {
		var previousTargets = new HashMap<Long, List<Long>>();
		var names = new HashMap<Long, String>();
		var attendanceRows = new ArrayList<AttendanceRow>();
		var speechRows = new ArrayList<Object[]>();
		var agendaRows = new ArrayList<Object[]>();
		var preparationRows = new ArrayList<Object[]>();
		var taskRows = new ArrayList<Object[]>();
		var proposalRows = new ArrayList<Object[]>();
		for (var meeting : held) {
			var id = jdbc
				.sql("""
						insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, place, topic, topic_group,
						preparer_member_id, status, rule_set, created_at) values (:committee, :branch, :kind, :date, :start,
						:place, :topic, :group, :preparer, 'HELD', :ruleSet, :planned) returning id
						""")
				.param("committee", committeeId)
				.param("branch", meeting.branchId())
				.param("kind", meeting.kind().name())
				.param("date", meeting.date())
				.param("start", meeting.start())
				.param("place", meeting.place())
				.param("topic", meeting.topic())
				.param("group", (meeting.topicGroup() != null) ? meeting.topicGroup().name() : null)
				.param("preparer", meeting.preparerId())
				.param("ruleSet", MeetingRuleSet.on(meeting.date()).name())
				// Imported history was planned ahead; its plan date is unknown: a month
				// before.
				.param("planned", meeting.date().minusDays(30).atStartOfDay(clock.getZone()).toOffsetDateTime())
				.query(Long.class)
				.single();
			var position = 0;
			for (var item : meetings.standardAgenda(meeting.kind(), meeting.date())) {
				agendaRows.add(new Object[] { committeeId, id, ++position, item });
			}
			meeting.preparation()
				.forEach((step, at) -> preparationRows.add(new Object[] { committeeId, id, step.name(), at, actor }));
			var zone = clock.getZone();
			var start = meeting.date().atTime(meeting.start()).atZone(zone).toOffsetDateTime();
			var end = meeting.date().atTime(meeting.end()).atZone(zone).toOffsetDateTime();
			position = 0;
			for (var member : members.rosterOn(committeeId, meeting.branchId(), meeting.date())) {
				names.put(member.id(), member.fullName());
				var entry = meeting.attendance().get(member.id());
				var status = (entry != null) ? entry.status() : null;
				attendanceRows.add(new AttendanceRow(id, member.id(), ++position, member.fullName(),
						member.status() == MemberStatus.PROBATIONARY, member.exempted(), member.temporaryIn(),
						member.temporaryOut(), (status != null) ? status.name() : null,
						(entry != null && status != null && !status.attended()) ? entry.reason() : null,
						(status != null) ? "ROLL_CALL" : null, (status != null && status.attended()) ? start : null,
						(status != null) ? actor : null));
			}
			var signed = meeting.signedAt();
			jdbc.sql(
					"""
							insert into meeting_minutes (committee_id, meeting_id, started_at, ended_at, place, chair_member_id,
							minute_taker_member_id, information, review, conclusions, resolution, votes_for, votes_against,
							votes_abstain, version, chair_signed_at, chair_signed_by, taker_signed_at, taker_signed_by, updated_at,
							updated_by) values (:committee, :meeting, :start, :end, :place, :chair, :taker, :information, :review,
							:conclusions, :resolution, :votes, 0, 0, 1, :signed, :signedBy, :signed, :signedBy, :updated, :by)
							""")
				.param("committee", committeeId)
				.param("meeting", id)
				.param("start", start)
				.param("end", end)
				.param("place", meeting.place())
				.param("chair", meeting.chairId())
				.param("taker", meeting.minuteTakerId())
				.param("information", meeting.information())
				.param("review", meeting.review())
				.param("conclusions", meeting.conclusions())
				.param("resolution", meeting.resolution())
				.param("votes", meeting.attendance().values().stream().filter((a) -> a.status().attended()).count())
				.param("signed", signed)
				.param("signedBy", (signed != null) ? actor : null)
				.param("updated", (signed != null) ? signed : end)
				.param("by", actor)
				.update();
			for (var speech : meeting.speeches()) {
				speechRows.add(new Object[] { committeeId, id, speech.memberId(),
						names.getOrDefault(speech.memberId(), ""), speech.content() });
			}
			// The branch's previous regular meeting's targets, reviewed here.
			var previous = previousTargets.getOrDefault(meeting.branchId(), List.of());
			for (var i = 0; i < previous.size() && i < meeting.previousTargetsMet().size(); i++) {
				jdbc.sql("""
						update resolution_target set met = :met, reviewed_in_meeting_id = :meeting
						where committee_id = :committee and id = :id
						""")
					.param("met", meeting.previousTargetsMet().get(i))
					.param("meeting", id)
					.param("committee", committeeId)
					.param("id", previous.get(i))
					.update();
			}
			if (meeting.kind() == MeetingKind.REGULAR) {
				var targetIds = new ArrayList<Long>();
				for (var target : meeting.targets()) {
					targetIds.add(jdbc
						.sql("""
								insert into resolution_target (committee_id, meeting_id, content) values (:committee, :meeting,
								:content) returning id
								""")
						.param("committee", committeeId)
						.param("meeting", id)
						.param("content", target)
						.query(Long.class)
						.single());
				}
				previousTargets.put(meeting.branchId(), targetIds);
			}
			for (var task : meeting.tasks()) {
				var done = (task.status() != TaskStatus.OPEN) ? task.dueOn().atStartOfDay(zone).toOffsetDateTime()
						: null;
				taskRows.add(new Object[] { committeeId, id, meeting.branchId(), task.memberId(), task.content(),
						task.dueOn(), task.status().name(), done, (done != null) ? actor : null,
						(task.status() == TaskStatus.VERIFIED) ? done : null,
						(task.status() == TaskStatus.VERIFIED) ? actor : null });
			}
			for (var proposal : meeting.proposals()) {
				proposalRows
					.add(new Object[] { committeeId, id, meeting.branchId(), proposal.proposer(), proposal.content(),
							end, proposal.answer(), (proposal.answer() != null) ? end.plusDays(10) : null,
							(proposal.answer() != null) ? actor : null });
			}
		}
		template.batchUpdate("""
				insert into meeting_agenda_item (committee_id, meeting_id, position, title) values (?, ?, ?, ?)
				""", agendaRows);
		template.batchUpdate(
				"""
						insert into meeting_preparation (committee_id, meeting_id, step, done_at, done_by) values (?, ?, ?, ?, ?)
						""",
				preparationRows);
		// One statement for all the lines: the attendance warnings' trigger (V52) then
		// reads each member's years once, not once a line (docs/decisions/0004).
		jdbc.sql("""
				insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name, probationary,
				exempted, temporary_in, temporary_out, status, reason, method, checked_in_at, recorded_by)
				select :committee, r.meeting, r.member, r.position, r.name, r.probationary, r.exempted, r."temporaryIn",
				r."temporaryOut", r.status, r.reason, r.method, r."checkedInAt", r."recordedBy"
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(meeting bigint, member bigint, position integer,
				name text, probationary boolean, exempted boolean, "temporaryIn" boolean, "temporaryOut" boolean,
				status text, reason text, method text, "checkedInAt" timestamptz, "recordedBy" text)
				""").param("committee", committeeId).param("rows", json.writeValueAsString(attendanceRows)).update();
		template.batchUpdate("""
				insert into meeting_speech (committee_id, meeting_id, member_id, speaker_name, content)
				values (?, ?, ?, ?, ?)
				""", speechRows);
		template.batchUpdate(
				"""
						insert into meeting_task (committee_id, meeting_id, branch_id, member_id, content, due_on, status, done_at,
						done_by, verified_at, verified_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""",
				taskRows);
		template.batchUpdate("""
				insert into meeting_proposal (committee_id, meeting_id, branch_id, proposer_name, content, forwarded_at,
				answer, answered_at, answered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", proposalRows);
		audit.record(committeeId, actor, MeetingService.AUDIT_TYPE, null, "importHeld", null,
				Map.of("meetings", held.size(), "attendance", attendanceRows.size()));
		return held.size();
	}

	/** An attendance line as the insert reads it from JSON. */
	private record AttendanceRow(long meeting, long member, int position, String name, boolean probationary,
			boolean exempted, boolean temporaryIn, boolean temporaryOut, @Nullable String status,
			@Nullable String reason, @Nullable String method, @Nullable OffsetDateTime checkedInAt,
			@Nullable String recordedBy) {
	}

}
