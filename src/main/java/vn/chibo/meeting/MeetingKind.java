package vn.chibo.meeting;

/** Kinds of branch meeting (docs/domain.md §5). */
public enum MeetingKind {

	/** Thường kỳ: once a month (Party Charter). */
	REGULAR,
	/**
	 * Chuyên đề: at least once a quarter, never instead of the regular one (12-HD/BTCTW
	 * 2018, 42-HD/BTCTW).
	 */
	THEMATIC,
	/** Bất thường: when needed. */
	EXTRAORDINARY,
	/** Đại hội chi bộ. */
	CONGRESS,
	/**
	 * Kiểm điểm, đánh giá, xếp loại cuối năm: the branch hears each member's self-review
	 * and votes on the level it proposes (docs/domain.md §7 step 2).
	 */
	YEAR_REVIEW

}
