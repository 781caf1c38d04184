package vn.chibo.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a meeting's record says, as the quality evaluation reads it (docs/domain.md §6
 * "criteria that the record can answer"): times, attendance, preparation, documents,
 * speeches, the previous resolution's targets, minutes and tasks.
 *
 * @param combined held in one session with a thematic meeting of the branch (the minimum
 * duration is then 120 minutes)
 * @param thematicInMonth the branch held a thematic meeting in the meeting's month
 * @param longExcusedRuns members absent with reason more than three times running this
 * year, up to this meeting
 * @param speakers attendees who spoke
 * @param previousTargets targets of the branch's previous regular meeting; {@code met} of
 * those reviewed as met
 */
public record MeetingFacts(long meetingId, long branchId, String branchName, MeetingKind kind, LocalDate date,
		OffsetDateTime plannedAt, MeetingStatus status, @Nullable OffsetDateTime startedAt,
		@Nullable OffsetDateTime endedAt, boolean combined, boolean thematicInMonth, int expected, int attended,
		List<String> unexcused, List<String> longExcusedRuns, Map<PreparationStep, OffsetDateTime> steps,
		@Nullable OffsetDateTime documentsSharedAt, @Nullable OffsetDateTime finalDocumentAt, int speakers,
		int previousTargets, int previousTargetsMet, boolean minutesComplete, @Nullable OffsetDateTime signedAt,
		boolean resolutionAdopted, int tasksAssigned, boolean preparerAssigned) {

	public @Nullable Long durationMinutes() {
		return (startedAt != null && endedAt != null) ? Duration.between(startedAt, endedAt).toMinutes() : null;
	}

	/** Attended among those counted, in percent with one decimal. */
	public double attendanceRate() {
		return (expected == 0) ? 0 : Math.round(attended * 1000.0 / expected) / 10.0;
	}

}
