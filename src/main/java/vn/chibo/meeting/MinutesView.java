package vn.chibo.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** The minutes of a meeting as recorded (docs/domain.md §5), with their signatures. */
public record MinutesView(long meetingId, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
		@Nullable String place, @Nullable Long chairMemberId, @Nullable String chairName,
		@Nullable Long minuteTakerMemberId, @Nullable String minuteTakerName, @Nullable String information,
		@Nullable String review, @Nullable String discussionSummary, @Nullable String nextTasks,
		@Nullable String otherBusiness, @Nullable String conclusions, @Nullable String resolution,
		@Nullable Integer votesFor, @Nullable Integer votesAgainst, @Nullable Integer votesAbstain,
		@Nullable String selfAssessment, int version, @Nullable OffsetDateTime chairSignedAt,
		@Nullable String chairSignedBy, @Nullable OffsetDateTime takerSignedAt, @Nullable String takerSignedBy,
		OffsetDateTime updatedAt, String updatedBy) {

	/**
	 * Signed by the chair and the minute-taker: the minutes are locked and change only by
	 * amendment.
	 */
	public boolean locked() {
		return chairSignedAt != null && takerSignedAt != null;
	}

	public boolean signedByAnyone() {
		return chairSignedAt != null || takerSignedAt != null;
	}

	/** Minutes from start to end, if both are recorded. */
	public @Nullable Long durationMinutes() {
		return (startedAt != null && endedAt != null) ? Duration.between(startedAt, endedAt).toMinutes() : null;
	}

	/** A speech recorded with its speaker's name. */
	public record Speech(long id, @Nullable Long memberId, String speakerName, String content) {
	}

	/** A target of an adopted resolution and, once reviewed, whether it was met. */
	public record Target(long id, long meetingId, String content, @Nullable Boolean met, @Nullable String reviewNote) {
	}

	/** A task assigned to a member at a meeting. */
	public record Task(long id, long meetingId, LocalDate assignedOn, long memberId, String memberName, String content,
			LocalDate dueOn, TaskStatus status, @Nullable OffsetDateTime doneAt, @Nullable OffsetDateTime verifiedAt) {

		/** Still open after its due date. */
		public boolean overdue(LocalDate today) {
			return status == TaskStatus.OPEN && dueOn.isBefore(today);
		}

	}

	/** A member's proposal forwarded to the committee, and its answer. */
	public record Proposal(long id, long meetingId, LocalDate meetingDate, long branchId, String branchName,
			String proposerName, String content, OffsetDateTime forwardedAt, @Nullable String answer,
			@Nullable OffsetDateTime answeredAt, @Nullable String answeredBy) {

		public boolean answered() {
			return answeredAt != null;
		}

	}

	/** What was signed: the document's SHA-256 and the version of the text. */
	public record Seal(String hash, int version) {

		/** The first characters, enough to compare by eye with a printout. */
		public String shortHash() {
			return hash.substring(0, 16);
		}

	}

	/** A change made to signed minutes. */
	public record Amendment(OffsetDateTime amendedAt, String amendedBy, String reason, String before, String after) {
	}

}
