package vn.chibo.meeting;

/** What a meeting document is (docs/domain.md §5 preparation and after the meeting). */
public enum DocumentKind {

	/** Dự thảo nội dung sinh hoạt. */
	DRAFT_CONTENT,
	/** Dự thảo nghị quyết (kết luận). */
	DRAFT_RESOLUTION,
	/** Biên bản họp chi ủy. */
	EXECUTIVE_RECORD,
	/** Chuyên đề (thematic meeting). */
	TOPIC_PAPER,
	/** Tài liệu hoàn thiện sau buổi sinh hoạt. */
	FINAL, OTHER

}
