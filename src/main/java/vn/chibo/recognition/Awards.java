package vn.chibo.recognition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The committee's awards (docs/domain.md §11) and the Party membership badges due each
 * year. The office records them; members read their own, those who keep records their
 * part of the tree; every change is audited.
 */
@Service
@Transactional
public class Awards {

	static final String AUDIT_TYPE = "award";

	private final JdbcClient jdbc;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	Awards(JdbcClient jdbc, MemberQueries members, OrganizationQueries organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	public record AwardRow(long id, AwardKind kind, String title, String issuer, @Nullable String decisionNo,
			LocalDate decidedOn, @Nullable Long memberId, @Nullable Long organizationId, String recipientName,
			String branchName, @Nullable String reason, @Nullable Integer badgeYears) {
	}

	/** A member on the year's badge list, and whether the badge is recorded already. */
	public record BadgeRow(long memberId, String fullName, String branchName, @Nullable LocalDate dateOfBirth,
			LocalDate admissionDate, int years, LocalDate reached, LocalDate presentedOn, boolean exempted,
			boolean awarded) {
	}

	public record BadgeList(int year, List<BadgeRow> due, List<BadgeRow> early) {
	}

	private static final String ROW = """
			select a.*, o.name as branch_name from award a
			join org_unit o on o.committee_id = a.committee_id and o.id = a.branch_id
			""";

	@Transactional(readOnly = true)
	public List<AwardRow> list(CurrentUser user, int year) {
		requireReader(user);
		return jdbc
			.sql(ROW + """
					where a.committee_id = :committee and a.decided_on >= :from and a.decided_on < :to and """
					+ readable() + " order by a.decided_on desc, a.id desc")
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("scope", SqlArrays.ids(scope(user)))
			.param("member", memberOf(user))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A member's awards, newest first, for those who may read the member's record. */
	@Transactional(readOnly = true)
	public List<AwardRow> ofMember(CurrentUser user, long memberId) {
		requireReader(user);
		var member = members.find(user.committeeId(), memberId).orElseThrow(NotFoundException::new);
		if (!user.isMember(memberId)
				&& !(user.role().readsMemberRecords() && organizations.isVisible(user, member.branchId()))) {
			throw new NotFoundException();
		}
		return jdbc.sql(ROW + " where a.committee_id = :committee and a.member_id = :member order by a.decided_on desc")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** An organisation's awards, newest first. */
	@Transactional(readOnly = true)
	public List<AwardRow> ofOrganization(CurrentUser user, long organizationId) {
		requireReader(user);
		organizations.visible(user, organizationId);
		return jdbc.sql(ROW + """
				where a.committee_id = :committee and a.organization_id = :org order by a.decided_on desc
				""")
			.param("committee", user.committeeId())
			.param("org", organizationId)
			.query((rs, n) -> row(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		requireReader(user);
		return jdbc
			.sql("""
					select distinct extract(year from decided_on)::int from award where committee_id = :committee order by 1 desc
					""")
			.param("committee", user.committeeId())
			.query(Integer.class)
			.list();
	}

	public long record(CurrentUser user, AwardForm form) {
		requireManager(user);
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "recognition.kind.required");
		}
		var title = required(form.getTitle(), "title");
		var issuer = required(form.getIssuer(), "issuer");
		var decidedOn = form.getDecidedOn();
		if (decidedOn == null) {
			throw new BusinessRuleException("decidedOn", "recognition.decidedOn.required");
		}
		if (decidedOn.getYear() < 1930 || decidedOn.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("decidedOn", "recognition.decidedOn.range");
		}
		var decisionNo = VietnameseText.cleanOrNull(form.getDecisionNo());
		var reason = VietnameseText.paragraphs(form.getReason());
		Long memberId = null;
		Long organizationId = null;
		String recipient;
		long branchId;
		if (form.getMemberId() != null) {
			var member = members.find(user.committeeId(), form.getMemberId())
				.filter((m) -> organizations.isVisible(user, m.branchId()))
				.orElseThrow(() -> new BusinessRuleException("memberId", "recognition.member.notFound"));
			memberId = member.id();
			recipient = member.fullName();
			branchId = member.branchId();
		}
		else if (form.getOrganizationId() != null) {
			var organization = organizations.find(user.committeeId(), form.getOrganizationId())
				.filter((o) -> organizations.isVisible(user, o.id()))
				.orElseThrow(() -> new BusinessRuleException("organizationId", "recognition.organization.notFound"));
			organizationId = organization.id();
			recipient = organization.name();
			branchId = organization.id();
		}
		else {
			throw new BusinessRuleException("memberId", "recognition.recipient.required");
		}
		Integer badgeYears = null;
		if (form.getKind() == AwardKind.BADGE) {
			if (memberId == null) {
				throw new BusinessRuleException("memberId", "recognition.badge.member");
			}
			if (form.getBadgeYears() == null || !PartyBadges.MILESTONES.contains(form.getBadgeYears())) {
				throw new BusinessRuleException("badgeYears", "recognition.badge.years");
			}
			badgeYears = form.getBadgeYears();
		}
		// A badge recorded already: no row, and the transaction stays usable.
		var named = recipient;
		var taken = badgeYears;
		var id = jdbc.sql("""
				insert into award (committee_id, kind, title, issuer, decision_no, decided_on, member_id,
				organization_id, recipient_name, branch_id, reason, badge_years, created_by)
				values (:committee, :kind, :title, :issuer, :decisionNo, :decidedOn, :member, :org, :recipient,
				:branch, :reason, :badgeYears, :by) on conflict do nothing
				returning id
				""")
			.param("committee", user.committeeId())
			.param("kind", form.getKind().name())
			.param("title", title)
			.param("issuer", issuer)
			.param("decisionNo", decisionNo)
			.param("decidedOn", decidedOn)
			.param("member", memberId)
			.param("org", organizationId)
			.param("recipient", recipient)
			.param("branch", branchId)
			.param("reason", reason)
			.param("badgeYears", badgeYears)
			.param("by", user.username())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("badgeYears", "recognition.badge.taken", named, taken));
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("kind", form.getKind().name());
		state.put("title", title);
		state.put("issuer", issuer);
		state.put("decisionNo", decisionNo);
		state.put("decidedOn", decidedOn);
		state.put("recipient", recipient);
		state.put("badgeYears", badgeYears);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, state);
		return id;
	}

	/** An award entered by mistake. */
	public void remove(CurrentUser user, long id) {
		requireManager(user);
		var row = jdbc.sql(ROW + " where a.committee_id = :committee and a.id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(NotFoundException::new);
		// A contest prize recorded by mistake frees its entry for the right one.
		jdbc.sql(
				"update contest_entry set prize = null, award_id = null where committee_id = :committee and award_id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		jdbc.sql("delete from award where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "delete",
				Map.of("title", row.title(), "recipient", row.recipientName()), null);
	}

	/**
	 * The badges presented in {@code year} to the official members of the user's part of
	 * the tree (exempted ones included: aged members are often those due), and those who
	 * could be proposed early if gravely ill (docs/domain.md §11).
	 */
	@Transactional(readOnly = true)
	public BadgeList badges(CurrentUser user, int year) {
		requireReader(user);
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("recognition");
		}
		var awarded = new HashSet<String>();
		jdbc.sql("select member_id, badge_years from award where committee_id = :committee and badge_years is not null")
			.param("committee", user.committeeId())
			.query((rs) -> {
				awarded.add(rs.getLong(1) + ":" + rs.getInt(2));
			});
		var due = new ArrayList<BadgeRow>();
		var early = new ArrayList<BadgeRow>();
		var official = members.search(user, new MemberFilter(null, null, MemberStatus.OFFICIAL, null, null, null), 0,
				Integer.MAX_VALUE);
		for (var member : official.items()) {
			PartyBadges.dueIn(member.admissionDate(), year)
				.ifPresent((d) -> due.add(new BadgeRow(member.id(), member.fullName(), member.branchName(),
						member.dateOfBirth(), member.admissionDate(), d.years(), d.reached(), d.presentedOn(),
						member.exempted(), awarded.contains(member.id() + ":" + d.years()))));
			PartyBadges.earlyIn(member.admissionDate(), year)
				.filter((d) -> !awarded.contains(member.id() + ":" + d.years()))
				.ifPresent((d) -> early.add(new BadgeRow(member.id(), member.fullName(), member.branchName(),
						member.dateOfBirth(), member.admissionDate(), d.years(), d.reached(), d.presentedOn(),
						member.exempted(), false)));
		}
		var order = Comparator.comparing(BadgeRow::presentedOn)
			.thenComparing(BadgeRow::years, Comparator.reverseOrder());
		due.sort(order);
		early.sort(order);
		return new BadgeList(year, due, early);
	}

	/** Members read their own awards; those who keep records their part of the tree. */
	private static String readable() {
		return "(a.branch_id = any(cast(:scope as bigint[])) and :member < 0 or a.member_id = :member)";
	}

	private static long memberOf(CurrentUser user) {
		if (user.role().readsMemberRecords()) {
			return -1;
		}
		return (user.memberId() != null) ? user.memberId() : -2;
	}

	private Set<Long> scope(CurrentUser user) {
		return organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
	}

	private static AwardRow row(ResultSet rs) throws SQLException {
		return new AwardRow(rs.getLong("id"), AwardKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("issuer"), rs.getString("decision_no"), rs.getObject("decided_on", LocalDate.class),
				rs.getObject("member_id", Long.class), rs.getObject("organization_id", Long.class),
				rs.getString("recipient_name"), rs.getString("branch_name"), rs.getString("reason"),
				rs.getObject("badge_years", Integer.class));
	}

	private static String required(@Nullable String value, String field) {
		var cleaned = VietnameseText.cleanOrNull(value);
		if (cleaned == null) {
			throw new BusinessRuleException(field, "recognition." + field + ".required");
		}
		return cleaned;
	}

	static void requireReader(CurrentUser user) {
		if (!user.role().readsStudy()) {
			throw new AccessDeniedException("recognition");
		}
	}

	static void requireManager(CurrentUser user) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("recognition");
		}
	}

}
