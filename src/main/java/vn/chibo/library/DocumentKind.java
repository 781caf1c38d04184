package vn.chibo.library;

/**
 * The kinds of Party documents a committee keeps (docs/domain.md §2): the label is the
 * message {@code library.kind.<NAME>}.
 */
public enum DocumentKind {

	RESOLUTION, DIRECTIVE, CONCLUSION, GUIDANCE, REGULATION, DECISION, PLAN, REPORT, OTHER

}
