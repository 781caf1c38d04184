package vn.chibo.inspection.supervision;

/**
 * How a regular supervision observes (docs/domain.md §10 on 22-QĐ/TW): directly,
 * attending a branch meeting or in a dialogue; indirectly, reading reports and documents.
 */
public enum ObservationKind {

	MEETING, REPORT, DIALOGUE

}
