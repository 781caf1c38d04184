package vn.chibo.inspection.discipline;

/** A complaint (khiếu nại) or a denunciation (tố cáo; docs/domain.md §10, 296-QĐ/TW). */
public enum ComplaintKind {

	COMPLAINT, DENUNCIATION

}
