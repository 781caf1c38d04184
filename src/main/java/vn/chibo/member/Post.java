package vn.chibo.member;

/**
 * Posts a member holds in an organisation (docs/domain.md §3), and FOLLOWER: the superior
 * committee member assigned to follow a branch, who is notified of its meetings
 * (docs/domain.md §5 step 3).
 */
public enum Post {

	SECRETARY, DEPUTY_SECRETARY, EXECUTIVE_MEMBER, COMMITTEE_SECRETARY, COMMITTEE_DEPUTY_SECRETARY, COMMITTEE_MEMBER,
	INSPECTION_MEMBER, FOLLOWER

}
