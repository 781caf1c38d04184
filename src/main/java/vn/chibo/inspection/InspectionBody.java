package vn.chibo.inspection;

/**
 * Who adopts and carries out a programme item: the committee (đảng ủy, its standing body)
 * or its inspection committee (ủy ban kiểm tra; docs/domain.md §10).
 */
public enum InspectionBody {

	COMMITTEE, INSPECTION_COMMITTEE

}
