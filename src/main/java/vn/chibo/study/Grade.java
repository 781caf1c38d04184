package vn.chibo.study;

/**
 * The grade of a reflection (docs/domain.md §8 [R]): Xuất sắc, Tốt, Đạt, Chưa đạt.
 */
public enum Grade {

	EXCELLENT, GOOD, PASS, FAIL

}
