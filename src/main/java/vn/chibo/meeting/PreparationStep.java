package vn.chibo.meeting;

/**
 * The preparation of a regular meeting, in order (docs/domain.md §5; 12-HD/BTCTW 2018,
 * 42-HD/BTCTW 2025).
 */
public enum PreparationStep {

	/** The chi ủy (or secretary and deputy) meets to agree the content. */
	EXECUTIVE_MEETING,
	/** Draft content and draft resolution are ready. */
	DRAFTS_READY,
	/**
	 * Every member and the superior committee member following the branch are notified.
	 */
	NOTICE_SENT,
	/**
	 * The documents are available to members, at least one day before the meeting
	 * (42-HD/BTCTW).
	 */
	DOCUMENTS_AVAILABLE

}
