package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A meeting held in the past, as a whole — plan, preparation, attendance, minutes with
 * speeches, resolution targets, the review of the previous ones, tasks and proposals —
 * for bringing a branch's earlier record into chibo ({@link MeetingHistory}).
 *
 * @param attendance each member on the roster by id, absent ones with a reason when
 * excused
 * @param previousTargetsMet whether each target of the previous regular meeting was met,
 * in its order
 * @param signedAt when chair and minute-taker signed, or {@code null} if the minutes were
 * never signed
 */
public record HeldMeeting(long branchId, MeetingKind kind, LocalDate date, LocalTime start, LocalTime end, String place,
		@Nullable String topic, @Nullable TopicGroup topicGroup, @Nullable Long preparerId,
		Map<PreparationStep, OffsetDateTime> preparation, Map<Long, Attendance> attendance, long chairId,
		long minuteTakerId, String information, String review, String conclusions, String resolution,
		List<Speech> speeches, List<String> targets, List<Boolean> previousTargetsMet, List<Task> tasks,
		List<Proposal> proposals, @Nullable OffsetDateTime signedAt) {

	public record Attendance(AttendanceStatus status, @Nullable String reason) {
	}

	public record Speech(long memberId, String content) {
	}

	public record Task(long memberId, String content, LocalDate dueOn, TaskStatus status) {
	}

	public record Proposal(String proposer, String content, @Nullable String answer) {
	}

}
