package vn.chibo.meeting;

/**
 * A task assigned in the minutes: open, done (by the member), verified (by the branch at
 * a later meeting). "Overdue" is an open task past its due date.
 */
public enum TaskStatus {

	OPEN, DONE, VERIFIED

}
