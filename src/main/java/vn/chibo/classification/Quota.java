package vn.chibo.classification;

import java.util.Collection;

/**
 * The quota of the top level (docs/domain.md §7, 21-HD/BTCTW and after): within an
 * organisation, those rated "hoàn thành xuất sắc nhiệm vụ" are at most the rule set's
 * share (20%) of those rated "hoàn thành tốt nhiệm vụ" — 10 at the second level allow 2
 * at the top, 9 allow 1.
 */
public record Quota(int excellent, int good, int percent) {

	public static Quota of(Collection<ReviewLevel> levels, int percent) {
		var excellent = (int) levels.stream().filter((l) -> l == ReviewLevel.EXCELLENT).count();
		var good = (int) levels.stream().filter((l) -> l == ReviewLevel.GOOD).count();
		return new Quota(excellent, good, percent);
	}

	/** The most the top level may hold: the share of the second level, rounded down. */
	public int allowed() {
		return good * percent / 100;
	}

	public boolean kept() {
		return excellent <= allowed();
	}

}
