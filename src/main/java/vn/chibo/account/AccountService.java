package vn.chibo.account;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.security.UserAccounts;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Creates accounts and finds them for login. Passwords are stored only as adaptive
 * hashes.
 */
@Service
@Transactional
public class AccountService implements UserAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	AccountService(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
	}

	public long create(long committeeId, String username, String rawPassword, String displayName, Role role,
			long scopeOrganizationId, @Nullable Long memberId) {
		long id;
		try {
			id = jdbc
				.sql("""
						insert into app_user (committee_id, username, password_hash, display_name, role, scope_organization_id, member_id)
						values (:committee, :username, :hash, :name, :role, :scope, :member) returning id
						""")
				.param("committee", committeeId)
				.param("username", username.strip())
				.param("hash", passwords.encode(rawPassword))
				.param("name", VietnameseText.clean(displayName))
				.param("role", role.name())
				.param("scope", scopeOrganizationId)
				.param("member", memberId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("username", "account.username.taken", username);
		}
		audit.record(committeeId, AuditTrail.currentActor(), "account", id, "create", null,
				Map.of("username", username, "role", role, "scopeOrganizationId", scopeOrganizationId));
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CurrentUser> findByUsername(String username) {
		return jdbc.sql("select * from app_user where lower(username) = lower(:username)")
			.param("username", username)
			.query((rs, row) -> new CurrentUser(rs.getLong("id"), rs.getLong("committee_id"), rs.getString("username"),
					rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
					rs.getLong("scope_organization_id"), (Long) rs.getObject("member_id"), rs.getBoolean("enabled"),
					false))
			.optional();
	}

}
