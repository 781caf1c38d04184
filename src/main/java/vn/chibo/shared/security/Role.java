package vn.chibo.shared.security;

/**
 * Who a user is in the committee (docs/domain.md §3 roles). What each may do is decided
 * here, in one place, and every screen and API asks these questions rather than testing
 * roles itself.
 */
public enum Role {

	/** System administrator: accounts, audit, everything of the committee. */
	ADMIN,
	/**
	 * Committee office (văn phòng đảng ủy): keeps the organisation tree and every member
	 * record.
	 */
	OFFICE,
	/** Committee member (đảng ủy viên): reads the whole subtree it follows. */
	COMMITTEE_MEMBER,
	/**
	 * Branch secretary or deputy (bí thư, phó bí thư chi bộ): keeps its own branch's
	 * records.
	 */
	SECRETARY,
	/** Ordinary member (đảng viên): its own record and its branch's roster. */
	MEMBER,
	/**
	 * Superior-committee observer (docs/domain.md §3 roles): an account of the superior
	 * committee that reads, and only reads, the meeting quality of the grassroots
	 * committees under it.
	 */
	OBSERVER;

	/** The roles of a grassroots committee's own people (all but the observer). */
	public static final String[] COMMITTEE_ROLES = { "ADMIN", "OFFICE", "COMMITTEE_MEMBER", "SECRETARY", "MEMBER" };

	public boolean managesStructure() {
		return this == ADMIN || this == OFFICE;
	}

	public boolean editsMembers() {
		return this == ADMIN || this == OFFICE || this == SECRETARY;
	}

	/**
	 * Branch secretaries and deputies plan their branch's meetings; the office plans any
	 * (docs/domain.md §5).
	 */
	public boolean plansMeetings() {
		return this == ADMIN || this == OFFICE || this == SECRETARY;
	}

	/**
	 * The committee answers members' proposals forwarded from the branches' minutes: its
	 * office, administrator and members.
	 */
	public boolean answersProposals() {
		return this == ADMIN || this == OFFICE || this == COMMITTEE_MEMBER;
	}

	/**
	 * The committee's library of Party documents: every person of the committee reads it.
	 */
	public boolean readsLibrary() {
		return this != OBSERVER;
	}

	/**
	 * Documents marked internal are read by the committee (its members and office) only
	 * (docs/domain.md §3 roles), not by branches and ordinary members.
	 */
	public boolean readsInternalDocuments() {
		return this == ADMIN || this == OFFICE || this == COMMITTEE_MEMBER;
	}

	/** The office keeps the library. */
	public boolean managesLibrary() {
		return this == ADMIN || this == OFFICE;
	}

	/**
	 * Study sessions (docs/domain.md §8): the office organises the committee's, a
	 * secretary its branch's; both take the roll call of their own part of the audience.
	 */
	public boolean organizesStudy() {
		return this == ADMIN || this == OFFICE || this == SECRETARY;
	}

	/**
	 * Reflections are graded by the branch executive (docs/domain.md §8 "graded by the
	 * branch committee"), and by the office for the committee.
	 */
	public boolean gradesReflections() {
		return this == ADMIN || this == OFFICE || this == SECRETARY;
	}

	/** Every person of the committee reads the study sessions of its part of the tree. */
	public boolean readsStudy() {
		return this != OBSERVER;
	}

	/**
	 * The committee follows its inspection programme and the year's figures
	 * (docs/domain.md §10): its office, administrator and members. The confidential
	 * records go by post, not by role (the inspection module's access).
	 */
	public boolean followsInspection() {
		return this == ADMIN || this == OFFICE || this == COMMITTEE_MEMBER;
	}

	public boolean readsAudit() {
		return this == ADMIN || this == OFFICE;
	}

	/** Every member record in scope, not only one's own and the roster. */
	public boolean readsMemberRecords() {
		return this != MEMBER && this != OBSERVER;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
