package vn.chibo.meeting;

import java.time.LocalDate;

/**
 * A warning about a member's attendance in a year (docs/domain.md §4 automatic alerts,
 * §5).
 *
 * @param count the number of absences (consecutive ones, or months) behind the warning
 * @param meetingId the meeting that raised it (the last of a run)
 * @param branchId the branch whose meetings raised it
 */
public record AttendanceWarning(Kind kind, long memberId, String memberName, String branchName, long meetingId,
		LocalDate on, int count, long branchId) {

	public enum Kind {

		/** Any absence without reason (12-HD/BTCTW 2018, criterion 1). */
		ABSENT_UNEXCUSED,
		/**
		 * Three consecutive absences with reason (12-HD/BTCTW 2018: none more than three
		 * times running in a year).
		 */
		CONSECUTIVE_EXCUSED,
		/**
		 * Absent without reason in three months of the year: the branch considers
		 * proposing to strike the member off (Party Charter, Art. 8).
		 */
		CHARTER_THREE_MONTHS

	}

}
