package vn.chibo.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.AccountChanged;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.security.UserAccounts;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Creates accounts and finds them for login. Passwords are stored only as adaptive
 * hashes.
 */
@Service
@Transactional
public class AccountService implements UserAccounts {

	static final String AUDIT_TYPE = "account";

	static final int MIN_PASSWORD = 10;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private volatile @Nullable StartupHash startupHash;

	private final AuditTrail audit;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final ApplicationEventPublisher events;

	AccountService(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, OrganizationQueries organizations,
			MemberQueries members, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.organizations = organizations;
		this.members = members;
	}

	@Transactional(readOnly = true)
	public List<AccountRow> list(CurrentUser admin) {
		requireAdmin(admin);
		var names = new HashMap<Long, String>();
		organizations.tree(admin.committeeId(), admin.scopeOrganizationId())
			.forEach((o) -> names.put(o.id(), o.name()));
		return jdbc.sql("select * from app_user where committee_id = :committee order by role, username")
			.param("committee", admin.committeeId())
			.query((rs, row) -> new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), rs.getLong("scope_organization_id"),
					names.getOrDefault(rs.getLong("scope_organization_id"), ""), (Long) rs.getObject("member_id"),
					rs.getBoolean("enabled")))
			.list()
			.stream()
			.filter((account) -> names.containsKey(account.scopeOrganizationId()))
			.toList();
	}

	@Transactional(readOnly = true)
	public AccountRow find(CurrentUser admin, long id) {
		return list(admin).stream().filter((a) -> a.id() == id).findFirst().orElseThrow(NotFoundException::new);
	}

	/** Creates an account from the admin screen, under the rules of {@link #check}. */
	public long create(CurrentUser admin, AccountForm form) {
		requireAdmin(admin);
		check(admin, form);
		var password = form.getPassword();
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new BusinessRuleException("password", "account.password.short", MIN_PASSWORD);
		}
		return create(admin.committeeId(), requireText(form.getUsername()), password,
				requireText(form.getDisplayName()), form.getRole(), form.getScopeOrganizationId(), form.getMemberId());
	}

	public void update(CurrentUser admin, long id, AccountForm form) {
		requireAdmin(admin);
		var before = find(admin, id);
		check(admin, form);
		if (id == admin.userId() && (!form.isEnabled() || form.getRole() != Role.ADMIN)) {
			throw new BusinessRuleException("role", "account.self");
		}
		jdbc.sql("""
				update app_user set display_name = :name, role = :role, scope_organization_id = :scope,
				member_id = :member, enabled = :enabled where committee_id = :committee and id = :id
				""")
			.param("name", VietnameseText.clean(requireText(form.getDisplayName())))
			.param("role", form.getRole().name())
			.param("scope", form.getScopeOrganizationId())
			.param("member", form.getMemberId())
			.param("enabled", form.isEnabled())
			.param("committee", admin.committeeId())
			.param("id", id)
			.update();
		audit.record(admin.committeeId(), admin.username(), AUDIT_TYPE, id, "update",
				Map.of("role", before.role(), "scopeOrganizationId", before.scopeOrganizationId(), "enabled",
						before.enabled()),
				Map.of("role", form.getRole(), "scopeOrganizationId", form.getScopeOrganizationId(), "enabled",
						form.isEnabled()));
		// Its sessions carry the old role and scope: they end once this commits.
		events.publishEvent(new AccountChanged(before.username()));
	}

	public void resetPassword(CurrentUser admin, long id, String password) {
		requireAdmin(admin);
		find(admin, id);
		if (password.length() < MIN_PASSWORD) {
			throw new BusinessRuleException("password", "account.password.short", MIN_PASSWORD);
		}
		jdbc.sql("update app_user set password_hash = :hash where committee_id = :committee and id = :id")
			.param("hash", passwords.encode(password))
			.param("committee", admin.committeeId())
			.param("id", id)
			.update();
		audit.record(admin.committeeId(), admin.username(), AUDIT_TYPE, id, "resetPassword", null, null);
		events.publishEvent(new AccountChanged(find(admin, id).username()));
	}

	/**
	 * A secretary's or a member's scope is one branch; a member account is the record of
	 * a member of that branch (docs/domain.md §3 roles); every scope lies within the
	 * admin's own.
	 */
	private void check(CurrentUser admin, AccountForm form) {
		// Observers are the superior committee's accounts, not a committee's own.
		if (form.getRole() == null || form.getRole() == Role.OBSERVER) {
			throw new BusinessRuleException("role", "account.role.required");
		}
		var scopeId = form.getScopeOrganizationId();
		if (scopeId == null || !organizations.isVisible(admin, scopeId)) {
			throw new BusinessRuleException("scopeOrganizationId", "account.scope.required");
		}
		var scope = organizations.find(admin.committeeId(), scopeId).orElseThrow(NotFoundException::new);
		var role = form.getRole();
		if ((role == Role.SECRETARY || role == Role.MEMBER) && !scope.level().holdsMembers()) {
			throw new BusinessRuleException("scopeOrganizationId", "account.scope.branch");
		}
		var memberId = form.getMemberId();
		if (role == Role.MEMBER && memberId == null) {
			throw new BusinessRuleException("memberId", "account.member.required");
		}
		if (memberId != null) {
			var member = members.find(admin.committeeId(), memberId).orElseThrow(NotFoundException::new);
			if (!organizations.isVisible(admin, member.branchId()) || !member.status().active()) {
				throw new BusinessRuleException("memberId", "account.member.required");
			}
			if (role == Role.MEMBER && member.branchId() != scopeId) {
				throw new BusinessRuleException("scopeOrganizationId", "account.scope.memberBranch");
			}
		}
	}

	private static void requireAdmin(CurrentUser user) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("accounts");
		}
	}

	private static String requireText(@Nullable String value) {
		var cleaned = VietnameseText.cleanOrNull(value);
		if (cleaned == null) {
			throw new BusinessRuleException("", "error.required");
		}
		return cleaned;
	}

	/**
	 * The start-up accounts share one known password (the demo's): hashed once, not once
	 * per account — bcrypt is slow on purpose.
	 */
	private String startupHash(String rawPassword) {
		var known = startupHash;
		if (known == null || !known.raw().equals(rawPassword)) {
			known = new StartupHash(rawPassword, Objects.requireNonNull(passwords.encode(rawPassword)));
			startupHash = known;
		}
		return known.hash();
	}

	private record StartupHash(String raw, String hash) {
	}

	/**
	 * Creates an account as start-up work does (the demo committee); no rules but the
	 * unique name.
	 */
	public long create(long committeeId, String username, String rawPassword, String displayName, @Nullable Role role,
			@Nullable Long scopeOrganizationId, @Nullable Long memberId) {
		long id;
		try {
			id = jdbc
				.sql("""
						insert into app_user (committee_id, username, password_hash, display_name, role, scope_organization_id, member_id)
						values (:committee, :username, :hash, :name, :role, :scope, :member) returning id
						""")
				.param("committee", committeeId)
				.param("username", username.strip())
				.param("hash", startupHash(rawPassword))
				.param("name", VietnameseText.clean(displayName))
				.param("role", Objects.requireNonNull(role).name())
				.param("scope", scopeOrganizationId)
				.param("member", memberId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("username", "account.username.taken", username);
		}
		audit.record(committeeId, AuditTrail.currentActor(), AUDIT_TYPE, id, "create", null,
				Map.of("username", username, "role", role, "scopeOrganizationId", scopeOrganizationId));
		return id;
	}

	/**
	 * A member account for every active member of the given branches, named
	 * {@code sv<member id>}, all with one password hashed once at bcrypt's lowest cost:
	 * for the generated data of the benchmarks only, so that setting up thousands of
	 * logins does not take minutes. Answers how many were created.
	 */
	public int createBenchAccounts(long committeeId, List<Long> branchIds, String rawPassword) {
		var hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(rawPassword);
		var ids = SqlArrays.ids(branchIds);
		var created = jdbc
			.sql("""
					insert into app_user (committee_id, username, password_hash, display_name, role, scope_organization_id, member_id)
					select m.committee_id, 'sv' || m.id, :hash, m.full_name, 'MEMBER', m.branch_id, m.id from member_name m
					where m.committee_id = :committee and m.branch_id = any(cast(:branches as bigint[]))
					and m.status in ('OFFICIAL', 'PROBATIONARY')
					""")
			.param("hash", hash)
			.param("committee", committeeId)
			.param("branches", ids)
			.update();
		audit.record(committeeId, AuditTrail.currentActor(), AUDIT_TYPE, null, "createBenchAccounts", null,
				Map.of("accounts", created));
		return created;
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
