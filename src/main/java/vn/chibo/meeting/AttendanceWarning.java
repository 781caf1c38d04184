package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A warning about a member's attendance in a year (docs/domain.md §4 automatic alerts,
 * §5).
 *
 * @param count the number of absences (consecutive ones, or months) behind the warning
 * @param meetingId the meeting that raised it (the last of a run)
 */
public record AttendanceWarning(Kind kind, long memberId, String memberName, String branchName, long meetingId,
		LocalDate on, int count) {

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

	/**
	 * The warnings of a year's attendance, ordered by member and date as
	 * {@link MeetingQueries#attendanceOfYear} gives it.
	 */
	public static List<AttendanceWarning> of(List<MemberAttendance> lines) {
		var warnings = new ArrayList<AttendanceWarning>();
		var i = 0;
		while (i < lines.size()) {
			var member = lines.get(i).memberId();
			var run = 0;
			var months = new HashSet<Integer>();
			var charterRaised = false;
			for (; i < lines.size() && lines.get(i).memberId() == member; i++) {
				var line = lines.get(i);
				// Exempted members and those attending elsewhere are outside the rules.
				if (!line.counted()) {
					continue;
				}
				switch (line.status()) {
					case ABSENT_UNEXCUSED -> {
						warnings.add(warning(Kind.ABSENT_UNEXCUSED, line, 1));
						months.add(line.scheduledOn().getMonthValue());
						if (months.size() >= 3 && !charterRaised) {
							warnings.add(warning(Kind.CHARTER_THREE_MONTHS, line, months.size()));
							charterRaised = true;
						}
						run = 0;
					}
					case ABSENT_EXCUSED -> {
						run++;
						if (run == 3) {
							warnings.add(warning(Kind.CONSECUTIVE_EXCUSED, line, run));
						}
					}
					default -> run = 0;
				}
			}
		}
		return warnings;
	}

	private static AttendanceWarning warning(Kind kind, MemberAttendance line, int count) {
		return new AttendanceWarning(kind, line.memberId(), line.fullName(), line.branchName(), line.meetingId(),
				line.scheduledOn(), count);
	}

}
