package vn.chibo.evaluation;

/**
 * A meeting's quality level (docs/domain.md §6): Tốt ≥ 90, Khá 70–89, Trung bình 50–69,
 * Kém &lt; 50 by default; Đạt / Không đạt under the 12-HD framework. Higher rank is
 * better; a cap lowers a level to at most its own.
 */
public enum Level {

	GOOD(4), FAIR(3), AVERAGE(2), WEAK(1), PASS(2), FAIL(1);

	private final int rank;

	Level(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return rank;
	}

	/** The lower of this level and {@code cap}. */
	public Level atMost(Level cap) {
		return (cap.rank < rank) ? cap : this;
	}

}
