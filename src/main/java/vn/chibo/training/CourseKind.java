package vn.chibo.training;

/**
 * What a course trains (docs/domain.md §9): political theory, state management,
 * party-work skills (tập huấn), a language, or something else.
 */
public enum CourseKind {

	THEORY, STATE_MANAGEMENT, PARTY_WORK, LANGUAGE, OTHER

}
