package vn.chibo.inspection.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.inspection.InspectionAccess;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Regular supervision (giám sát thường xuyên; docs/domain.md §10): an entry per
 * observation of a branch or one of its members, with its recommendation followed up, and
 * each branch's share of members supervised in the year against the committee's target.
 * The inspection committee and the standing members record for any branch, a secretary
 * for its own; the committee follows every branch, a secretary its own.
 */
@Service
@Transactional
public class Supervisions {

	static final String AUDIT_TYPE = "supervision";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final InspectionAccess access;

	private final MemberQueries members;

	private final MeetingQueries meetings;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	Supervisions(JdbcClient jdbc, InspectionAccess access, MemberQueries members, MeetingQueries meetings,
			OrganizationQueries organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.members = members;
		this.meetings = meetings;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	public record Note(long id, long branchId, String branchName, @Nullable Long memberId, @Nullable String memberName,
			LocalDate observedOn, ObservationKind kind, @Nullable Long meetingId, String note,
			@Nullable String recommendation, @Nullable LocalDate followedUpOn, @Nullable String followUp,
			String recordedBy) {

		public boolean awaitsFollowUp() {
			return recommendation != null && followedUpOn == null;
		}

	}

	/** A branch's members supervised in the year against the target. */
	public record Coverage(long branchId, String branchName, int members, int supervised, @Nullable Integer target) {

		public int percent() {
			return (members == 0) ? 0 : Math.round(100f * supervised / members);
		}

		public boolean belowTarget() {
			return target != null && percent() < target;
		}

	}

	public record Year(int year, @Nullable Integer target, List<Coverage> branches, List<Note> notes, boolean writes,
			boolean setsTarget) {
	}

	/**
	 * The branches the user follows: every one for the committee, its own for a
	 * secretary.
	 */
	private List<OrgNode> followed(CurrentUser user) {
		if (access.readsProgramme(user)) {
			return organizations.branches(access.insider(user) ? access.committeeWide(user) : user);
		}
		if (user.role() == Role.SECRETARY) {
			return organizations.branches(user);
		}
		throw new AccessDeniedException("supervision");
	}

	@Transactional(readOnly = true)
	public Year year(CurrentUser user, int year) {
		var branches = followed(user);
		var ids = new HashSet<Long>();
		branches.forEach((b) -> ids.add(b.id()));
		ids.add(-1L);
		var target = target(user.committeeId(), year);
		var supervised = new HashMap<Long, Set<Long>>();
		jdbc.sql("""
				select distinct branch_id, member_id from supervision_note where committee_id = :committee
				and member_id is not null and observed_on >= :from and observed_on < :to
				""")
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> supervised.computeIfAbsent(rs.getLong(1), (k) -> new HashSet<>()).add(rs.getLong(2)))
			.list();
		var today = LocalDate.now(clock);
		var end = LocalDate.of(year, 12, 31);
		var on = end.isAfter(today) ? today : end;
		var coverage = new ArrayList<Coverage>();
		for (var branch : branches) {
			var roster = members.rosterOn(user.committeeId(), branch.id(), on);
			var seen = supervised.getOrDefault(branch.id(), Set.of());
			var count = (int) roster.stream().filter((m) -> seen.contains(m.id())).count();
			coverage.add(new Coverage(branch.id(), branch.name(), roster.size(), count, target));
		}
		var notes = jdbc.sql("""
				select s.*, o.name as branch_name, m.full_name as member_name from supervision_note s
				join org_unit o on o.committee_id = s.committee_id and o.id = s.branch_id
				left join member_name m on m.committee_id = s.committee_id and m.id = s.member_id
				where s.committee_id = :committee and s.branch_id = any(cast(:branches as bigint[]))
				and s.observed_on >= :from and s.observed_on < :to
				order by s.observed_on desc, s.id desc
				""")
			.param("committee", user.committeeId())
			.param("branches", SqlArrays.ids(ids))
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> note(rs))
			.list();
		return new Year(year, target, coverage, notes, access.insider(user) || user.role() == Role.SECRETARY,
				setsTarget(user));
	}

	/**
	 * The branches the user records for: any for the insiders, its own for a secretary.
	 */
	public List<OrgNode> writable(CurrentUser user) {
		if (access.insider(user)) {
			return organizations.branches(access.committeeWide(user));
		}
		if (user.role() == Role.SECRETARY) {
			return organizations.branches(user);
		}
		throw new AccessDeniedException("supervision");
	}

	public long record(CurrentUser user, NoteForm form) {
		var branches = writable(user);
		var branchId = form.getBranchId();
		if (branchId == null || branches.stream().noneMatch((b) -> b.id() == branchId)) {
			throw new BusinessRuleException("branchId", "supervision.branchId.required");
		}
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "supervision.kind.required");
		}
		var on = form.getObservedOn();
		if (on == null) {
			throw new BusinessRuleException("observedOn", "supervision.observedOn.required");
		}
		if (on.getYear() < 2000 || on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("observedOn", "supervision.observedOn.range");
		}
		if (form.getMemberId() != null && members.find(user.committeeId(), form.getMemberId())
			.filter((m) -> m.branchId() == branchId)
			.isEmpty()) {
			throw new BusinessRuleException("memberId", "supervision.member.notInBranch");
		}
		Long meetingId = null;
		if (form.getKind() == ObservationKind.MEETING && form.getMeetingId() != null) {
			try {
				var meeting = meetings.meeting(access.insider(user) ? access.committeeWide(user) : user,
						form.getMeetingId());
				if (meeting.branchId() != branchId) {
					throw new NotFoundException();
				}
				meetingId = meeting.id();
			}
			catch (NotFoundException ex) {
				throw new BusinessRuleException("meetingId", "supervision.meeting.notInBranch");
			}
		}
		var note = VietnameseText.paragraphs(form.getNote());
		if (note == null) {
			throw new BusinessRuleException("note", "supervision.note.required");
		}
		var values = new LinkedHashMap<String, Object>();
		values.put("branch", branchId);
		values.put("member", form.getMemberId());
		values.put("observedOn", on);
		values.put("kind", form.getKind().name());
		values.put("meeting", meetingId);
		values.put("note", note);
		values.put("recommendation", VietnameseText.paragraphs(form.getRecommendation()));
		var id = jdbc.sql("""
				insert into supervision_note (committee_id, branch_id, member_id, observed_on, form, meeting_id, note,
				recommendation, recorded_by) values (:committee, :branch, :member, :observedOn, :kind, :meeting,
				:note, :recommendation, :by) returning id
				""")
			.params(values)
			.param("committee", user.committeeId())
			.param("by", user.username())
			.query(Long.class)
			.single();
		values.put("observedOn", on.toString());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, values);
		return id;
	}

	/** The recommendation of an observation followed up, once. */
	public void followUp(CurrentUser user, long id, @Nullable LocalDate on, @Nullable String text) {
		var branches = writable(user);
		var note = jdbc.sql("""
				select s.*, o.name as branch_name, null as member_name from supervision_note s
				join org_unit o on o.committee_id = s.committee_id and o.id = s.branch_id
				where s.committee_id = :committee and s.id = :id for update of s
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((rs, n) -> note(rs))
			.optional()
			.filter((n) -> branches.stream().anyMatch((b) -> b.id() == n.branchId()))
			.orElseThrow(NotFoundException::new);
		if (note.recommendation() == null) {
			throw new BusinessRuleException("on", "supervision.followUp.noRecommendation");
		}
		if (note.followedUpOn() != null) {
			throw new BusinessRuleException("on", "supervision.followUp.once");
		}
		var followUp = VietnameseText.paragraphs(text);
		if (followUp == null) {
			throw new BusinessRuleException("text", "supervision.followUp.required");
		}
		if (on == null || on.isBefore(note.observedOn()) || on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("on", "supervision.followUp.range", DATE.format(note.observedOn()));
		}
		jdbc.sql("""
				update supervision_note set followed_up_on = :on, follow_up = :text
				where committee_id = :committee and id = :id
				""")
			.param("on", on)
			.param("text", followUp)
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "followUp", null,
				Map.of("followedUpOn", on.toString(), "followUp", followUp));
	}

	/** The committee sets the share of members each branch supervises in a year. */
	public void setTarget(CurrentUser user, int year, @Nullable Integer percent) {
		if (!setsTarget(user)) {
			throw new AccessDeniedException("supervision target");
		}
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("year", "inspection.year.range");
		}
		if (percent == null || percent < 1 || percent > 100) {
			throw new BusinessRuleException("percent", "supervision.target.range");
		}
		var before = target(user.committeeId(), year);
		jdbc.sql("""
				insert into supervision_target (committee_id, year, percent, set_by) values (:committee, :year,
				:percent, :by) on conflict (committee_id, year) do update set percent = excluded.percent,
				set_by = excluded.set_by
				""")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("percent", percent)
			.param("by", user.username())
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, null, "target",
				(before != null) ? Map.of("year", year, "percent", before) : null,
				Map.of("year", year, "percent", percent));
	}

	private boolean setsTarget(CurrentUser user) {
		return user.role().managesStructure() || access.insider(user);
	}

	private @Nullable Integer target(long committeeId, int year) {
		return jdbc.sql("select percent from supervision_target where committee_id = :committee and year = :year")
			.param("committee", committeeId)
			.param("year", year)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	private static Note note(ResultSet rs) throws SQLException {
		return new Note(rs.getLong("id"), rs.getLong("branch_id"), rs.getString("branch_name"),
				rs.getObject("member_id", Long.class), rs.getString("member_name"),
				rs.getObject("observed_on", LocalDate.class), ObservationKind.valueOf(rs.getString("form")),
				rs.getObject("meeting_id", Long.class), rs.getString("note"), rs.getString("recommendation"),
				rs.getObject("followed_up_on", LocalDate.class), rs.getString("follow_up"),
				rs.getString("recorded_by"));
	}

}
