package vn.chibo.member;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;

/**
 * What every change to a member record does besides the change itself: find the record
 * within the user's scope, keep the dated history row, write the audit entry with before
 * and after.
 */
@Component
class MemberChanges {

	private final JdbcClient jdbc;

	private final MemberQueries queries;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	MemberChanges(JdbcClient jdbc, MemberQueries queries, OrganizationQueries organizations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.organizations = organizations;
		this.audit = audit;
	}

	void endOpenPosts(CurrentUser user, long id, LocalDate on) {
		jdbc.sql("""
				update member_post set ended_on = greatest(:on, started_on)
				where committee_id = :committee and member_id = :member and ended_on is null
				""").param("on", on).param("committee", user.committeeId()).param("member", id).update();
	}

	void change(CurrentUser user, MemberDetails before, String action, String update, Map<String, ?> params) {
		jdbc.sql(update + ", version = version + 1, updated_at = now() where committee_id = :committee and id = :id")
			.params(params)
			.param("committee", user.committeeId())
			.param("id", before.id())
			.update();
		audit.record(user.committeeId(), user.username(), MemberService.AUDIT_TYPE, before.id(), action,
				MemberService.state(before),
				MemberService.state(queries.find(user.committeeId(), before.id()).orElseThrow()));
	}

	void history(CurrentUser user, long memberId, LocalDate on, String kind, @Nullable String from, @Nullable String to,
			@Nullable String note) {
		jdbc.sql(
				"""
						insert into member_history (committee_id, member_id, effective_on, kind, from_value, to_value, note, recorded_by)
						values (:committee, :member, :on, :kind, :from, :to, :note, :by)
						""")
			.param("committee", user.committeeId())
			.param("member", memberId)
			.param("on", on)
			.param("kind", kind)
			.param("from", from)
			.param("to", to)
			.param("note", note)
			.param("by", user.username())
			.update();
	}

	MemberDetails editable(CurrentUser user, long id) {
		var details = queries.find(user.committeeId(), id).orElseThrow(NotFoundException::new);
		if (!organizations.isVisible(user, details.branchId())) {
			throw new NotFoundException();
		}
		return details;
	}

}
