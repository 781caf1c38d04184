package vn.chibo.member.listener;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.organization.OrganizationClosing;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * A branch with active members cannot close: they must first move to another branch or
 * leave.
 */
@Component
class BranchClosingGuard {

	private final JdbcClient jdbc;

	BranchClosingGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(OrganizationClosing closing) {
		var active = jdbc.sql("""
				select count(*) from member where committee_id = :committee and branch_id = :branch
				and status in ('PROBATIONARY', 'OFFICIAL')
				""")
			.param("committee", closing.committeeId())
			.param("branch", closing.organizationId())
			.query(Long.class)
			.single();
		if (active > 0) {
			throw new BusinessRuleException("", "org.close.members", active);
		}
	}

}
