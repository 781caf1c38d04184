package vn.chibo.study;

/**
 * Where a reflection stands: written but kept back, submitted, returned for rework, or
 * graded.
 */
public enum ReflectionStatus {

	DRAFT, SUBMITTED, RETURNED, GRADED;

	/** What the member can still change. */
	public boolean editable() {
		return this != GRADED;
	}

	public boolean handedIn() {
		return this == SUBMITTED || this == GRADED;
	}

}
