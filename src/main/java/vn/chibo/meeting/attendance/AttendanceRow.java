package vn.chibo.meeting.attendance;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.AttendanceStatus;

/**
 * One member on a meeting's roster snapshot with their attendance, if recorded.
 *
 * @param method how it was recorded: {@code ROLL_CALL} or {@code SELF_CHECK_IN}
 */
public record AttendanceRow(long memberId, String fullName, boolean probationary, boolean exempted, boolean temporaryIn,
		boolean temporaryOut, @Nullable AttendanceStatus status, @Nullable String reason, @Nullable String method,
		@Nullable OffsetDateTime checkedInAt, @Nullable String recordedBy) {

	/**
	 * Exempted members and members attending another branch for a while are listed but
	 * stay outside the denominator (12-HD/BTCTW 2018, criterion 1; docs/domain.md §5).
	 */
	public boolean counted() {
		return !exempted && !temporaryOut;
	}

	/** The same row without the reason of absence, for those who may not read it. */
	public AttendanceRow withoutReason() {
		return new AttendanceRow(memberId, fullName, probationary, exempted, temporaryIn, temporaryOut, status, null,
				method, checkedInAt, recordedBy);
	}

	public boolean selfCheckedIn() {
		return "SELF_CHECK_IN".equals(method);
	}

}
