package vn.chibo.organization;

public enum OrgStatus {

	ACTIVE, CLOSED

}
