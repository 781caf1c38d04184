package vn.chibo.inspection;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.Post;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * Who reads the confidential records of inspection and discipline (docs/domain.md §10):
 * the members of the inspection committee and the committee's standing members (its
 * secretary and deputy), by the posts their member record holds today — whatever their
 * account's role. The office and the committee follow the programme; the subject reads
 * what concerns it once notified.
 */
@Component
public class InspectionAccess {

	static final Set<Post> INSIDE = EnumSet.of(Post.INSPECTION_MEMBER, Post.COMMITTEE_SECRETARY,
			Post.COMMITTEE_DEPUTY_SECRETARY);

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	InspectionAccess(MemberQueries members, OrganizationQueries organizations) {
		this.members = members;
		this.organizations = organizations;
	}

	/**
	 * The insider as one who acts for the whole committee, whatever the scope of the
	 * account (a branch secretary who is also a standing member chooses any member).
	 */
	public CurrentUser committeeWide(CurrentUser user) {
		requireInsider(user);
		return new CurrentUser(user.userId(), user.committeeId(), user.username(), "", user.displayName(), user.role(),
				organizations.rootOf(user.committeeId()), user.memberId(), true, false);
	}

	/** A member of the inspection committee or a standing member of the committee. */
	public boolean insider(CurrentUser user) {
		if (user.role() == Role.OBSERVER || user.memberId() == null) {
			return false;
		}
		return members.posts(user.committeeId(), user.memberId())
			.stream()
			.anyMatch((p) -> p.current() && INSIDE.contains(p.post()));
	}

	public void requireInsider(CurrentUser user) {
		if (!insider(user)) {
			throw new AccessDeniedException("inspection");
		}
	}

	/**
	 * The whole programme — what is planned, in progress, concluded, overdue — is
	 * followed by the committee: its office, administrator and members, beside the
	 * insiders.
	 */
	public boolean readsProgramme(CurrentUser user) {
		return user.role().followsInspection() || insider(user);
	}

}
