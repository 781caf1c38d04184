package vn.chibo.recognition;

/**
 * The prizes of a contest, highest first (giải Nhất, Nhì, Ba, Khuyến khích, giải phụ).
 */
public enum ContestPrize {

	FIRST, SECOND, THIRD, CONSOLATION, SPECIAL

}
