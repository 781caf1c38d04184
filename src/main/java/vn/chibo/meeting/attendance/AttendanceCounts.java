package vn.chibo.meeting.attendance;

import java.util.List;

/**
 * The attendance report the chair reads at the opening (docs/domain.md §5): the roster by
 * category and who attended, computed from the rows.
 *
 * @param expected members counted in the denominator (not exempted, not attending
 * elsewhere)
 * @param attended present or late, among those counted
 */
public record AttendanceCounts(int total, int official, int probationary, int temporaryIn, int exempted,
		int temporaryOut, int expected, int attended, int late, int absentExcused, int absentUnexcused,
		int unrecorded) {

	public static AttendanceCounts of(List<AttendanceRow> rows) {
		int official = 0, probationary = 0, temporaryIn = 0, exempted = 0, temporaryOut = 0, expected = 0;
		int attended = 0, late = 0, excused = 0, unexcused = 0, unrecorded = 0;
		for (var row : rows) {
			if (row.probationary()) {
				probationary++;
			}
			else {
				official++;
			}
			temporaryIn += row.temporaryIn() ? 1 : 0;
			exempted += row.exempted() ? 1 : 0;
			temporaryOut += row.temporaryOut() ? 1 : 0;
			if (!row.counted()) {
				continue;
			}
			expected++;
			var status = row.status();
			if (status == null) {
				unrecorded++;
			}
			else {
				switch (status) {
					case PRESENT -> attended++;
					case LATE -> {
						attended++;
						late++;
					}
					case ABSENT_EXCUSED -> excused++;
					case ABSENT_UNEXCUSED -> unexcused++;
				}
			}
		}
		return new AttendanceCounts(rows.size(), official, probationary, temporaryIn, exempted, temporaryOut, expected,
				attended, late, excused, unexcused, unrecorded);
	}

	/**
	 * Share of the counted members who attended, in percent with one decimal; the quality
	 * threshold is more than 85 % (12-HD/BTCTW 2018; docs/domain.md §5).
	 */
	public double rate() {
		return (expected == 0) ? 0 : Math.round(attended * 1000.0 / expected) / 10.0;
	}

	public boolean belowThreshold() {
		return expected > 0 && attended * 100 <= expected * 85;
	}

}
