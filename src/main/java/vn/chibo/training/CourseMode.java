package vn.chibo.training;

/** How a course is attended: full time, part time, online, or a short training. */
public enum CourseMode {

	FULL_TIME, PART_TIME, ONLINE, SHORT

}
