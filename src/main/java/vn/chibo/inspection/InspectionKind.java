package vn.chibo.inspection;

/**
 * A thematic inspection (kiểm tra) or a thematic supervision (giám sát chuyên đề) of the
 * yearly programme (docs/domain.md §10).
 */
public enum InspectionKind {

	INSPECTION, SUPERVISION

}
