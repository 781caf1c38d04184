package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A member's recorded attendance at one meeting: a line of their attendance history.
 *
 * @param counted in the denominator: not exempted nor attending elsewhere, so warnings
 * apply
 */
public record MemberAttendance(long memberId, String fullName, long meetingId, MeetingKind kind, LocalDate scheduledOn,
		long branchId, String branchName, AttendanceStatus status, @Nullable String reason,
		@Nullable OffsetDateTime checkedInAt, boolean counted) {
}
