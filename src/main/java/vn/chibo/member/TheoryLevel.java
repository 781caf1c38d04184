package vn.chibo.member;

/** Political theory level (trình độ lý luận chính trị, docs/domain.md §4). */
public enum TheoryLevel {

	NONE, ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR

}
