package vn.chibo.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the committee should look at now (docs/domain.md §6): the branch, what, when,
 * the details for the message {@code warning.<KIND>}, and the record it links to.
 */
public record EarlyWarning(Kind kind, long branchId, String branchName, LocalDate on, List<String> details,
		String link) {

	public enum Kind {

		/** No regular meeting held this month, and none still ahead. */
		NO_MEETING_THIS_MONTH,
		/** No thematic meeting held or planned this quarter. */
		NO_THEMATIC_THIS_QUARTER,
		/** Attendance at or below 85 % (12-HD/BTCTW 2018 criterion 1). */
		LOW_ATTENDANCE,
		/** A member absent without reason. */
		UNEXCUSED_ABSENCE,
		/** A member absent with reason three times running. */
		CONSECUTIVE_EXCUSED,
		/** Tasks past their due date. */
		OVERDUE_TASKS,
		/** Minutes not signed two days after the meeting. */
		MINUTES_UNSIGNED,
		/** The regular meeting's score fell two months running. */
		SCORES_FALLING

	}

	/** A stable key of the warning, for sending it to the branch's secretary. */
	public String key() {
		return kind + ":" + branchId + ":" + on + ":" + String.join("|", details).hashCode();
	}

	public Object[] args() {
		var args = new Object[details.size() + 1];
		args[0] = branchName;
		for (var i = 0; i < details.size(); i++) {
			args[i + 1] = details.get(i);
		}
		return args;
	}

}
