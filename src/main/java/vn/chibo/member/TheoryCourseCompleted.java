package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A member completed a political theory course (docs/domain.md §4, §9): announced by the
 * module that keeps the training and recorded by this one, which raises the member's
 * theory level when the course's is higher and keeps the course in the member's history.
 */
public record TheoryCourseCompleted(long committeeId, long memberId, TheoryLevel level, LocalDate completedOn,
		String course, @Nullable String certificateNo, String recordedBy) {
}
