package vn.chibo.member;

/** Age bands of the member list filter, in whole years on the day of the search. */
public enum AgeBand {

	UNDER_30(0, 29), FROM_30_TO_39(30, 39), FROM_40_TO_49(40, 49), FROM_50_TO_59(50, 59), FROM_60(60, 200);

	final int from;

	final int to;

	AgeBand(int from, int to) {
		this.from = from;
		this.to = to;
	}

}
