package vn.chibo.member;

/**
 * Transfer of party activity (chuyển sinh hoạt đảng, docs/domain.md §4): permanent with
 * the 10-box letter, temporary with the 8-box letter; a temporarily transferred member
 * stays a member of the home branch.
 */
public enum TransferKind {

	PERMANENT_IN, PERMANENT_OUT, TEMPORARY_IN, TEMPORARY_OUT;

	public boolean temporary() {
		return this == TEMPORARY_IN || this == TEMPORARY_OUT;
	}

}
