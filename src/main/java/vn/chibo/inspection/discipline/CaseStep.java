package vn.chibo.inspection.discipline;

/**
 * The steps of a discipline case in their order (docs/domain.md §10, 296-QĐ/TW): the
 * subject's self-review, the branch meeting with its vote, the proposal to the deciding
 * authority, the decision, an appeal and its outcome.
 */
public enum CaseStep {

	SELF_REVIEW, MEETING, PROPOSAL, DECISION, APPEAL, APPEAL_DECISION

}
