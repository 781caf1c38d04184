package vn.chibo.study;

/** A member's attendance at a study session, as the roll call records it. */
public enum Presence {

	PRESENT, ABSENT_EXCUSED, ABSENT_UNEXCUSED

}
