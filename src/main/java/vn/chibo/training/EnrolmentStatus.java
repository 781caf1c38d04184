package vn.chibo.training;

/**
 * A member's place in the year's training plan: proposed, approved, enrolled, completed
 * (with its certificate) or withdrawn.
 */
public enum EnrolmentStatus {

	PROPOSED, APPROVED, ENROLLED, COMPLETED, WITHDRAWN

}
