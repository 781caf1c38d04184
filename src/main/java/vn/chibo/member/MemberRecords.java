package vn.chibo.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Small read models of the member page: posts, transfers, history, and the lists of due
 * dates.
 */
public final class MemberRecords {

	private MemberRecords() {
	}

	public record PostRow(long id, long memberId, String memberName, long organizationId, String organizationName,
			Post post, LocalDate startedOn, @Nullable LocalDate endedOn) {

		public boolean current() {
			return endedOn == null;
		}

	}

	public record TransferRow(long id, TransferKind kind, String otherOrganization, @Nullable String letterNo,
			LocalDate startedOn, @Nullable LocalDate endedOn) {

		public boolean open() {
			return endedOn == null;
		}

	}

	public record HistoryRow(LocalDate effectiveOn, String kind, @Nullable String fromValue, @Nullable String toValue,
			@Nullable String note, OffsetDateTime recordedAt, String recordedBy) {
	}

	/**
	 * A probationary member with the date probation ends and whether the vote is overdue.
	 */
	public record ProbationRow(long id, String fullName, String branchName, LocalDate admissionDate,
			LocalDate probationEnds, LocalDate voteDeadline, boolean overdue) {
	}

	/**
	 * Counts of a branch's members by status, for its page (docs/domain.md §5 attendance
	 * categories).
	 */
	public record BranchCounts(long total, long official, long probationary, long exempted, long temporaryIn,
			long temporaryOut) {
	}

}
