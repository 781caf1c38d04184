package vn.chibo.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static vn.chibo.meeting.support.MeetingAccess.requirePlanner;

import vn.chibo.meeting.minutes.SignedMinutes;
import vn.chibo.meeting.support.RecordChanges;
import vn.chibo.meeting.support.MeetingText;

/**
 * Plans a branch's meetings: the year's regular meetings on the branch's usual day, and
 * single meetings — thematic ones with their topic and preparer, extraordinary ones,
 * congresses. The branch secretary (or deputy) plans for their branch; the committee
 * office for every branch.
 */
@Service
@Transactional
public class MeetingService {

	public static final String AUDIT_TYPE = "meeting";

	static final int DEFAULT_REGULAR_DAY = 25;

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final AuditTrail audit;

	private final Clock clock;

	private final MeetingQueries queries;

	private final MessageSource messages;

	/**
	 * The years a plan may be made for [R: our rule, a century from the records' start].
	 */
	static final int FIRST_PLANNED_YEAR = 2000;

	static final int LAST_PLANNED_YEAR = 2100;

	private final SignedMinutes signed;

	private final RecordChanges changes;

	MeetingService(JdbcClient jdbc, OrganizationQueries organizations, MemberQueries members, AuditTrail audit,
			Clock clock, MeetingQueries queries, MessageSource messages, SignedMinutes signed, RecordChanges changes) {
		this.changes = changes;
		this.signed = signed;
		this.messages = messages;
		this.clock = clock;
		this.queries = queries;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.audit = audit;
	}

	/**
	 * Adds the regular meeting of every month of {@code year} that has none yet, on the
	 * branch's usual day: one regular meeting a month (Party Charter; docs/domain.md §5).
	 * Answers how many were added.
	 */
	public int planYear(CurrentUser user, long branchId, int year) {
		requirePlanner(user);
		if (year < FIRST_PLANNED_YEAR || year > LAST_PLANNED_YEAR) {
			throw new BusinessRuleException("year", "meeting.plan.yearRange", String.valueOf(FIRST_PLANNED_YEAR),
					String.valueOf(LAST_PLANNED_YEAR));
		}
		var branch = branch(user, branchId);
		var day = regularDay(user.committeeId(), branch.id());
		var added = 0;
		for (var month = 1; month <= 12; month++) {
			var first = LocalDate.of(year, month, 1);
			var exists = jdbc.sql("""
					select exists (select 1 from meeting where committee_id = :committee and branch_id = :branch
					and kind = 'REGULAR' and status <> 'CANCELLED' and scheduled_on between :first and :last)
					""")
				.param("committee", user.committeeId())
				.param("branch", branch.id())
				.param("first", first)
				.param("last", first.plusMonths(1).minusDays(1))
				.query(Boolean.class)
				.single();
			if (!exists) {
				insert(user, branch.id(), MeetingKind.REGULAR, first.withDayOfMonth(day), null, null, null, null, null);
				added++;
			}
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, null, "planYear", null,
				Map.of("branch", branch.name(), "year", year, "added", added));
		return added;
	}

	public long schedule(CurrentUser user, MeetingForm form) {
		requirePlanner(user);
		var branch = branch(user, form.getBranchId());
		var kind = form.getKind();
		var date = form.getScheduledOn();
		if (kind == null || date == null) {
			throw new BusinessRuleException("", "error.required");
		}
		var topic = VietnameseText.cleanOrNull(form.getTopic());
		// A thematic meeting has its topic and topic group, prepared by an assigned
		// member (12-HD/BTCTW §II.1.1.b).
		if (kind == MeetingKind.THEMATIC) {
			if (topic == null) {
				throw new BusinessRuleException("topic", "meeting.topic.required");
			}
			if (form.getTopicGroup() == null) {
				throw new BusinessRuleException("topicGroup", "meeting.topicGroup.required");
			}
		}
		var preparer = form.getPreparerMemberId();
		if (preparer != null) {
			var member = members.find(user.committeeId(), preparer).orElseThrow(NotFoundException::new);
			if (member.branchId() != branch.id() || !member.status().active()) {
				throw new BusinessRuleException("preparerMemberId", "meeting.preparer.branch");
			}
		}
		var id = insert(user, branch.id(), kind, date, form.getStartsAt(), VietnameseText.cleanOrNull(form.getPlace()),
				topic, form.getTopicGroup(), preparer);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "schedule", null,
				Map.of("branch", branch.name(), "kind", kind, "scheduledOn", date));
		return id;
	}

	/**
	 * Marks a preparation step done. Its time is now, as the evaluation needs the true
	 * moment (docs/domain.md §6); a step done earlier and recorded only now carries that
	 * earlier time and the reason it comes late, and the audit trail keeps both.
	 */
	public void prepare(CurrentUser user, long meetingId, PreparationStep step, @Nullable OffsetDateTime doneEarlier,
			@Nullable String lateReason, @Nullable String note) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId).id();
		var now = OffsetDateTime.now(clock);
		var reason = MeetingText.line(lateReason, "lateReason", 500);
		if (doneEarlier != null) {
			if (doneEarlier.isAfter(now)) {
				throw new BusinessRuleException("doneAt", "meeting.prepare.future");
			}
			if (reason == null) {
				throw new BusinessRuleException("lateReason", "meeting.prepare.lateReason");
			}
		}
		// PostgreSQL keeps microseconds: truncate so the stored time is the one audited.
		var doneAt = ((doneEarlier != null) ? doneEarlier : now).truncatedTo(ChronoUnit.MICROS);
		var updated = jdbc.sql("""
				insert into meeting_preparation (committee_id, meeting_id, step, done_at, done_by, note, late_reason)
				values (:committee, :meeting, :step, :doneAt, :by, :note, :reason)
				on conflict (committee_id, meeting_id, step) do nothing
				""")
			.param("committee", user.committeeId())
			.param("meeting", meeting)
			.param("step", step.name())
			.param("doneAt", doneAt)
			.param("by", user.username())
			.param("note", MeetingText.text(note, "note", 4000))
			.param("reason", (doneEarlier != null) ? reason : null)
			.update();
		if (updated == 0) {
			throw new BusinessRuleException("step", "meeting.prepare.already");
		}
		var after = new LinkedHashMap<String, Object>();
		after.put("step", step);
		after.put("doneAt", doneAt.toString());
		if (reason != null && doneEarlier != null) {
			after.put("lateReason", reason);
		}
		changes.changed(user.committeeId(), meeting, MeetingRecordChanged.Part.PREPARATION);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, meeting, "prepare", null, after);
	}

	/**
	 * Records a preparation step at this moment if it is not recorded yet: what attaching
	 * both drafts or sharing the documents does. Answers whether it was recorded now.
	 */
	public boolean recordStepNow(CurrentUser user, long meetingId, PreparationStep step, String note) {
		var recorded = jdbc.sql("""
				insert into meeting_preparation (committee_id, meeting_id, step, done_at, done_by, note)
				values (:committee, :meeting, :step, :doneAt, :by, :note)
				on conflict (committee_id, meeting_id, step) do nothing
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("step", step.name())
			.param("doneAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
			.param("by", user.username())
			.param("note", note)
			.update() > 0;
		if (recorded) {
			changes.changed(user.committeeId(), meetingId, MeetingRecordChanged.Part.PREPARATION);
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, meetingId, "prepare", null,
					Map.of("step", step, "note", note));
		}
		return recorded;
	}

	/**
	 * The day of the month the branch usually holds its regular meeting (1–28, so every
	 * month has it).
	 */
	public void setRegularDay(CurrentUser user, long branchId, int day) {
		requirePlanner(user);
		var branch = branch(user, branchId);
		if (day < 1 || day > 28) {
			throw new BusinessRuleException("regularDay", "meeting.regularDay.range");
		}
		var before = regularDay(user.committeeId(), branch.id());
		jdbc.sql("""
				insert into meeting_setting (committee_id, branch_id, regular_day) values (:committee, :branch, :day)
				on conflict (committee_id, branch_id) do update set regular_day = :day
				""").param("committee", user.committeeId()).param("branch", branch.id()).param("day", day).update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, null, "regularDay",
				Map.of("branch", branch.name(), "regularDay", before),
				Map.of("branch", branch.name(), "regularDay", day));
	}

	int regularDay(long committeeId, long branchId) {
		return jdbc
			.sql("select regular_day from meeting_setting where committee_id = :committee and branch_id = :branch")
			.param("committee", committeeId)
			.param("branch", branchId)
			.query(Integer.class)
			.optional()
			.orElse(DEFAULT_REGULAR_DAY);
	}

	/**
	 * Replaces the agenda of a meeting with {@code lines}, one item a line, blank lines
	 * dropped.
	 */
	public void updateAgenda(CurrentUser user, long meetingId, @Nullable String lines) {
		updateAgenda(user, meetingId, lines, null);
	}

	/**
	 * As {@link #updateAgenda(CurrentUser, long, String)}; on signed minutes only as an
	 * amendment with its reason, printed in the minutes' annex (docs/domain.md §5: later
	 * changes are amendments).
	 */
	public void updateAgenda(CurrentUser user, long meetingId, @Nullable String lines,
			@Nullable String amendmentReason) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var reason = MeetingText.line(amendmentReason, "amendmentReason", 1000);
		var amendment = signed.beforeChange(user, meeting.id(), "agenda", reason);
		var items = new ArrayList<String>();
		for (var line : (lines != null) ? lines.split("\\R") : new String[0]) {
			var item = VietnameseText.cleanOrNull(line);
			if (item == null) {
				continue;
			}
			if (item.length() > 500) {
				throw new BusinessRuleException("agenda", "meeting.agenda.lineTooLong", items.size() + 1);
			}
			items.add(item);
		}
		if (items.isEmpty()) {
			throw new BusinessRuleException("agenda", "meeting.agenda.empty");
		}
		if (items.size() > 40) {
			throw new BusinessRuleException("agenda", "meeting.agenda.tooMany", 40);
		}
		writeAgenda(user, meeting.id(), items, "agenda", amendment ? reason : null);
	}

	/**
	 * Puts back the agenda of the procedure of the rule set in force on the meeting's
	 * date (docs/domain.md §2, §5).
	 */
	public void resetAgenda(CurrentUser user, long meetingId) {
		resetAgenda(user, meetingId, null);
	}

	/** As {@link #resetAgenda(CurrentUser, long)}; on signed minutes as an amendment. */
	public void resetAgenda(CurrentUser user, long meetingId, @Nullable String amendmentReason) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var reason = MeetingText.line(amendmentReason, "amendmentReason", 1000);
		var amendment = signed.beforeChange(user, meeting.id(), "agenda", reason);
		writeAgenda(user, meeting.id(), standardAgenda(meeting.kind(), meeting.scheduledOn()), "agendaReset",
				amendment ? reason : null);
	}

	/**
	 * Writes the agenda with its audit entry and, on signed minutes, the amendment with
	 * the agenda before and after.
	 */
	private void writeAgenda(CurrentUser user, long meetingId, List<String> items, String action,
			@Nullable String amendmentReason) {
		var before = Map.of("agenda", String.join("\n", queries.agenda(user, meetingId)));
		var after = Map.of("agenda", String.join("\n", items));
		writeAgenda(user.committeeId(), meetingId, items);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, meetingId, action, before, after);
		if (amendmentReason != null) {
			signed.amend(user, meetingId, amendmentReason, before, after);
		}
	}

	/** The agenda the rule set in force on {@code date} prescribes, in Vietnamese. */
	List<String> standardAgenda(MeetingKind kind, LocalDate date) {
		var vietnamese = Locale.forLanguageTag("vi");
		return MeetingRuleSet.on(date)
			.agenda(kind)
			.stream()
			.map((key) -> messages.getMessage("meeting.agenda." + key, null, vietnamese))
			.toList();
	}

	private void writeAgenda(long committeeId, long meetingId, List<String> items) {
		jdbc.sql("delete from meeting_agenda_item where committee_id = :committee and meeting_id = :meeting")
			.param("committee", committeeId)
			.param("meeting", meetingId)
			.update();
		var position = 0;
		for (var item : items) {
			jdbc.sql("""
					insert into meeting_agenda_item (committee_id, meeting_id, position, title)
					values (:committee, :meeting, :position, :title)
					""")
				.param("committee", committeeId)
				.param("meeting", meetingId)
				.param("position", ++position)
				.param("title", item)
				.update();
		}
	}

	private long insert(CurrentUser user, long branchId, MeetingKind kind, LocalDate date,
			java.time.@Nullable LocalTime startsAt, @Nullable String place, @Nullable String topic,
			@Nullable TopicGroup group, @Nullable Long preparer) {
		var id = jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, place, topic, topic_group,
				preparer_member_id, rule_set)
				values (:committee, :branch, :kind, :date, :startsAt, :place, :topic, :group, :preparer, :ruleSet)
				returning id
				""")
			.param("ruleSet", MeetingRuleSet.on(date).name())
			.param("committee", user.committeeId())
			.param("branch", branchId)
			.param("kind", kind.name())
			.param("date", date)
			.param("startsAt", startsAt)
			.param("place", place)
			.param("topic", topic)
			.param("group", (group != null) ? group.name() : null)
			.param("preparer", preparer)
			.query(Long.class)
			.single();
		writeAgenda(user.committeeId(), id, standardAgenda(kind, date));
		return id;
	}

	private OrgNode branch(CurrentUser user, @Nullable Long branchId) {
		if (branchId == null || !organizations.isVisible(user, branchId)) {
			throw new NotFoundException();
		}
		var branch = organizations.find(user.committeeId(), branchId).orElseThrow(NotFoundException::new);
		if (!branch.level().holdsMembers() || !branch.active()) {
			throw new BusinessRuleException("branchId", "meeting.branchId.notBranch");
		}
		return branch;
	}

}
