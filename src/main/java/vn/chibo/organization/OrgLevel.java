package vn.chibo.organization;

/**
 * Levels of Party organisation, top down (docs/domain.md §3). A child sits at a lower
 * level than its parent.
 */
public enum OrgLevel {

	PROVINCIAL, BLOC, GRASSROOTS, PARTIAL, BRANCH, GROUP;

	public boolean mayContain(OrgLevel child) {
		return child.ordinal() > ordinal();
	}

	/**
	 * Members belong to branches; a party group is a subdivision of a branch
	 * (docs/domain.md §3).
	 */
	public boolean holdsMembers() {
		return this == BRANCH;
	}

}
