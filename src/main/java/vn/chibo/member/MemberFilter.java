package vn.chibo.member;

import org.jspecify.annotations.Nullable;

/**
 * The member list's search and filters. {@code status} null means the active members
 * (probationary and official).
 */
public record MemberFilter(@Nullable String q, @Nullable Long branchId, @Nullable MemberStatus status,
		@Nullable TheoryLevel theoryLevel, @Nullable Gender gender, @Nullable AgeBand ageBand) {

	/**
	 * No search text and no filter but branch and status: the list's count can come from
	 * the tallies.
	 */
	public boolean byBranchAndStatusOnly() {
		return (q == null || q.isBlank()) && theoryLevel == null && gender == null && ageBand == null;
	}

	public static MemberFilter all() {
		return new MemberFilter(null, null, null, null, null, null);
	}

	public static MemberFilter search(@Nullable String q, @Nullable Long branchId) {
		return new MemberFilter(q, branchId, null, null, null, null);
	}

}
