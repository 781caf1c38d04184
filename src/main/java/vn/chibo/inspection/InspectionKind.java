package vn.chibo.inspection;

/**
 * A thematic inspection (kiểm tra) or a thematic supervision (giám sát chuyên đề) of the
 * yearly programme (DOMAIN.md §10).
 */
public enum InspectionKind {

	INSPECTION, SUPERVISION

}
