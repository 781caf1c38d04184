package vn.chibo.study;

/** Who a session is for: the whole committee, chosen branches or chosen members. */
public enum Audience {

	COMMITTEE, BRANCHES, MEMBERS

}
