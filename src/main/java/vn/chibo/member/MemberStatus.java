package vn.chibo.member;

import java.util.Set;

/**
 * Membership status (docs/domain.md §4 status machine). The last five end membership in
 * this committee.
 */
public enum MemberStatus {

	PROBATIONARY, OFFICIAL, TRANSFERRED_OUT, STRUCK_OFF, EXPELLED, LEFT, DECEASED;

	public static final Set<MemberStatus> ACTIVE = Set.of(PROBATIONARY, OFFICIAL);

	public boolean active() {
		return ACTIVE.contains(this);
	}

	/**
	 * The ways a membership ends that the "leave" action records (transfer out has its
	 * own action).
	 */
	public static final Set<MemberStatus> LEAVING = Set.of(STRUCK_OFF, EXPELLED, LEFT, DECEASED);

}
