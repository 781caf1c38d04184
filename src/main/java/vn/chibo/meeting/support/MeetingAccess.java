package vn.chibo.meeting.support;

import org.springframework.security.access.AccessDeniedException;

import vn.chibo.shared.security.CurrentUser;

/** Who may change meetings: their plans, preparation, documents, attendance. */
public final class MeetingAccess {

	private MeetingAccess() {
	}

	/**
	 * Those whose role plans meetings (the branch's secretary, the office); whose
	 * branches they reach is checked by the queries (docs/domain.md §3).
	 */
	public static void requirePlanner(CurrentUser user) {
		if (!user.role().plansMeetings()) {
			throw new AccessDeniedException("meeting");
		}
	}

}
