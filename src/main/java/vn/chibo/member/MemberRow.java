package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A member as the list and the API list show it. */
public record MemberRow(long id, String fullName, long branchId, String branchName, Gender gender,
		@Nullable LocalDate dateOfBirth, MemberStatus status, TheoryLevel theoryLevel, LocalDate admissionDate,
		@Nullable LocalDate officialDate, boolean exempted, boolean temporaryIn, boolean temporaryOut) {

	/** Exempted or on a temporary transfer: the list marks such rows. */
	public boolean flagged() {
		return exempted || temporaryIn || temporaryOut;
	}

}
