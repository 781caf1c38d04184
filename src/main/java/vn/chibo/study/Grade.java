package vn.chibo.study;

/**
 * The grade of a reflection (DOMAIN.md §8 [R]): Xuất sắc, Tốt, Đạt, Chưa đạt.
 */
public enum Grade {

	EXCELLENT, GOOD, PASS, FAIL

}
