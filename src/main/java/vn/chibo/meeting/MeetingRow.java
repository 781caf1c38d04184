package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** A planned or held meeting as the calendar shows it. */
public record MeetingRow(long id, long branchId, String branchName, MeetingKind kind, LocalDate scheduledOn,
		@Nullable LocalTime startsAt, @Nullable String place, @Nullable String topic, @Nullable TopicGroup topicGroup,
		@Nullable String preparerName, MeetingStatus status, MeetingRuleSet ruleSet) {
}
