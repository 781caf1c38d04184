package vn.chibo.inspection;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of a thematic inspection or supervision in their order (docs/domain.md §10,
 * the procedure of 296-QĐ/TW): preparation (decision, plan, notice, the subject's
 * self-report), conduct (documents, working sessions, draft report, discussion with the
 * subject), then the conclusion and its notification.
 */
public enum InspectionStep {

	DECISION, PLAN, NOTICE, SELF_REPORT, DOCUMENTS, WORKING_SESSION, DRAFT_REPORT, DISCUSSION, CONCLUSION, NOTIFICATION;

	/**
	 * The steps recorded with a date, a note and a file, between decision and conclusion.
	 */
	public static final Set<InspectionStep> WORK = EnumSet.range(PLAN, DISCUSSION);

	/** Documents are gathered and the team meets people more than once. */
	public boolean repeatable() {
		return this == DOCUMENTS || this == WORKING_SESSION;
	}

}
