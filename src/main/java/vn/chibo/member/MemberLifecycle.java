package vn.chibo.member;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The member lifecycle of docs/domain.md §4 after admission: official recognition,
 * exemption, transfers of party activity, leaving, and posts held.
 */
@Service
@Transactional
public class MemberLifecycle {

	private final JdbcClient jdbc;

	private final MemberQueries queries;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final MemberChanges changes;

	MemberLifecycle(JdbcClient jdbc, MemberQueries queries, OrganizationQueries organizations, AuditTrail audit,
			MemberChanges changes) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.organizations = organizations;
		this.audit = audit;
		this.changes = changes;
	}

	/**
	 * Official recognition after 12 months of probation (Party Charter Art. 5;
	 * docs/domain.md §4). The official date is the day the 12 months end, even when the
	 * vote comes later ("on time").
	 */
	public void recognizeOfficial(CurrentUser user, long id, LocalDate officialDate) {
		MemberService.requireEditRights(user);
		var before = changes.editable(user, id);
		if (before.status() != MemberStatus.PROBATIONARY) {
			throw new BusinessRuleException("", "member.official.notProbationary");
		}
		if (officialDate.isBefore(before.probationEnds())) {
			throw new BusinessRuleException("officialDate", "member.officialDate.beforeProbationEnds",
					MemberService.DATE.format(before.probationEnds()));
		}
		changes.change(user, before, "official", "update member set status = 'OFFICIAL', official_date = :date",
				Map.of("date", officialDate));
		changes.history(user, id, officialDate, "STATUS", MemberStatus.PROBATIONARY.name(),
				MemberStatus.OFFICIAL.name(), null);
	}

	/**
	 * Exemption from party work and meetings (miễn công tác và sinh hoạt đảng,
	 * docs/domain.md §4): the branch decides for aged or ill official members; exempted
	 * members leave attendance denominators.
	 */
	public void exempt(CurrentUser user, long id, LocalDate since, String reason) {
		MemberService.requireEditRights(user);
		var before = changes.editable(user, id);
		if (before.status() != MemberStatus.OFFICIAL) {
			throw new BusinessRuleException("", "member.exempt.notOfficial");
		}
		if (before.exempted()) {
			throw new BusinessRuleException("", "member.exempt.already");
		}
		var text = MemberService.requireText(reason, "reason");
		changes.change(user, before, "exempt", "update member set exempted_since = :since, exemption_reason = :reason",
				Map.of("since", since, "reason", text));
		changes.history(user, id, since, "EXEMPTION", null, "EXEMPTED", text);
	}

	public void endExemption(CurrentUser user, long id, LocalDate on) {
		MemberService.requireEditRights(user);
		var before = changes.editable(user, id);
		if (!before.exempted()) {
			throw new BusinessRuleException("", "member.exempt.not");
		}
		changes.change(user, before, "endExemption", "update member set exempted_since = null, exemption_reason = null",
				Map.of());
		changes.history(user, id, on, "EXEMPTION", "EXEMPTED", null, null);
	}

	/**
	 * Records a transfer of party activity (docs/domain.md §4). A permanent transfer out
	 * ends membership here; a temporary one leaves the member in the home branch until it
	 * is ended.
	 */
	public void transfer(CurrentUser user, long id, TransferKind kind, String otherOrganization,
			@Nullable String letterNo, LocalDate on) {
		MemberService.requireEditRights(user);
		var before = changes.editable(user, id);
		var other = MemberService.requireText(otherOrganization, "otherOrganization");
		var letter = VietnameseText.cleanOrNull(letterNo);
		var open = queries.transfers(user.committeeId(), id)
			.stream()
			.filter((t) -> t.open() && t.kind().temporary())
			.toList();
		if (kind.temporary() && !open.isEmpty()) {
			throw new BusinessRuleException("kind", "member.transfer.openTemporary");
		}
		jdbc.sql(
				"""
						insert into member_transfer (committee_id, member_id, kind, other_organization, letter_no, started_on, ended_on)
						values (:committee, :member, :kind, :other, :letter, :on, :ended)
						""")
			.param("committee", user.committeeId())
			.param("member", id)
			.param("kind", kind.name())
			.param("other", other)
			.param("letter", letter)
			.param("on", on)
			.param("ended", kind.temporary() ? null : on)
			.update();
		if (kind == TransferKind.PERMANENT_OUT) {
			changes.change(user, before, "transferOut",
					"update member set status = 'TRANSFERRED_OUT', left_on = :on, left_reason = :other",
					Map.of("on", on, "other", other));
			changes.endOpenPosts(user, id, on);
		}
		else {
			audit.record(user.committeeId(), user.username(), MemberService.AUDIT_TYPE, id, "transfer", null, Map
				.of("kind", kind, "otherOrganization", other, "letterNo", (letter != null) ? letter : "", "on", on));
		}
		changes.history(user, id, on, "TRANSFER", null, kind.name(),
				other + ((letter != null) ? " (" + letter + ")" : ""));
	}

	public void endTransfer(CurrentUser user, long id, long transferId, LocalDate on) {
		MemberService.requireEditRights(user);
		changes.editable(user, id);
		var transfer = queries.transfers(user.committeeId(), id)
			.stream()
			.filter((t) -> t.id() == transferId && t.open())
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (on.isBefore(transfer.startedOn())) {
			throw new BusinessRuleException("endedOn", "member.transfer.endBeforeStart");
		}
		jdbc.sql("update member_transfer set ended_on = :on where committee_id = :committee and id = :id")
			.param("on", on)
			.param("committee", user.committeeId())
			.param("id", transferId)
			.update();
		audit.record(user.committeeId(), user.username(), MemberService.AUDIT_TYPE, id, "endTransfer",
				Map.of("transfer", transfer.kind()), Map.of("endedOn", on));
		changes.history(user, id, on, "TRANSFER", transfer.kind().name(), "ENDED", transfer.otherOrganization());
	}

	/**
	 * Striking off (xóa tên), expulsion (khai trừ), leaving on request, death: membership
	 * ends (§4).
	 */
	public void leave(CurrentUser user, long id, MemberStatus status, LocalDate on, String reason) {
		MemberService.requireEditRights(user);
		var before = changes.editable(user, id);
		if (!MemberStatus.LEAVING.contains(status)) {
			throw new BusinessRuleException("status", "member.leave.status");
		}
		if (!before.status().active()) {
			throw new BusinessRuleException("", "member.leave.notActive");
		}
		var text = MemberService.requireText(reason, "reason");
		changes.change(user, before, "leave",
				"update member set status = :status, left_on = :on, left_reason = :reason",
				Map.of("status", status.name(), "on", on, "reason", text));
		changes.endOpenPosts(user, id, on);
		changes.history(user, id, on, "STATUS", before.status().name(), status.name(), text);
	}

	public void assignPost(CurrentUser user, long id, long organizationId, Post post, LocalDate from) {
		MemberService.requireEditRights(user);
		var member = changes.editable(user, id);
		if (!member.status().active()) {
			throw new BusinessRuleException("", "member.leave.notActive");
		}
		var organization = organizations.visible(user, organizationId);
		jdbc.sql("""
				insert into member_post (committee_id, member_id, organization_id, post, started_on)
				values (:committee, :member, :org, :post, :from)
				""")
			.param("committee", user.committeeId())
			.param("member", id)
			.param("org", organization.id())
			.param("post", post.name())
			.param("from", from)
			.update();
		audit.record(user.committeeId(), user.username(), MemberService.AUDIT_TYPE, id, "assignPost", null,
				Map.of("post", post, "organization", organization.name(), "from", from));
		changes.history(user, id, from, "POST", null, post.name(), organization.name());
	}

	public void endPost(CurrentUser user, long id, long postId, LocalDate on) {
		MemberService.requireEditRights(user);
		changes.editable(user, id);
		var post = queries.posts(user.committeeId(), id)
			.stream()
			.filter((p) -> p.id() == postId && p.current())
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (on.isBefore(post.startedOn())) {
			throw new BusinessRuleException("endedOn", "member.post.endBeforeStart");
		}
		jdbc.sql("update member_post set ended_on = :on where committee_id = :committee and id = :id")
			.param("on", on)
			.param("committee", user.committeeId())
			.param("id", postId)
			.update();
		audit.record(user.committeeId(), user.username(), MemberService.AUDIT_TYPE, id, "endPost",
				Map.of("post", post.post()), Map.of("endedOn", on));
		changes.history(user, id, on, "POST", post.post().name(), null, post.organizationName());
	}

}
