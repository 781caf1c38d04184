package vn.chibo.meeting;

/**
 * A part of a meeting's record changed, in a transaction that committed: what the
 * evaluation scores from (docs/domain.md §6) may differ now. Delivered through the event
 * publication registry, so it survives a crash and is delivered again.
 */
public record MeetingRecordChanged(long committeeId, long meetingId, Part part) {

	/** Which part changed. */
	public enum Part {

		/** The roster, the roll call or a member's check-in. */
		ATTENDANCE,
		/** A preparation step or a document. */
		PREPARATION,
		/** The text of the minutes or what they record (speeches, targets, tasks…). */
		MINUTES,
		/** The minutes were signed (by both, or by one). */
		SIGNED

	}

	public boolean signing() {
		return part == Part.SIGNED;
	}

}
