package vn.chibo.meeting;

/**
 * A member's attendance at a meeting (docs/domain.md §5 entity {@code Attendance}). Late
 * arrivals attend.
 */
public enum AttendanceStatus {

	PRESENT, LATE, ABSENT_EXCUSED, ABSENT_UNEXCUSED;

	public boolean attended() {
		return this == PRESENT || this == LATE;
	}

}
