package vn.chibo.meeting;

public enum MeetingStatus {

	PLANNED, HELD, CANCELLED

}
