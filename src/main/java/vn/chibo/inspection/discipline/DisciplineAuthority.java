package vn.chibo.inspection.discipline;

/**
 * Who decides a discipline (docs/domain.md §10, 296-QĐ/TW): the branch, the committee's
 * standing body, its inspection committee, or the superior committee.
 */
public enum DisciplineAuthority {

	BRANCH, STANDING_COMMITTEE, INSPECTION_COMMITTEE, SUPERIOR

}
