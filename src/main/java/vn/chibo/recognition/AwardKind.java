package vn.chibo.recognition;

/**
 * The forms of commendation (docs/domain.md §11): praise (tuyên dương), certificate of
 * merit (giấy khen), diploma of merit (bằng khen), a contest prize, a title ("trong sạch,
 * vững mạnh"…), the Party membership badge, or another.
 */
public enum AwardKind {

	PRAISE, MERIT_CERTIFICATE, MERIT_DIPLOMA, PRIZE, TITLE, BADGE, OTHER

}
