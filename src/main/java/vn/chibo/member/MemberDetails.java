package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The whole member record as the detail page and the API show it. */
public record MemberDetails(long id, String fullName, String familyName, String middleName, String givenName,
		Gender gender, @Nullable LocalDate dateOfBirth, @Nullable String birthPlace, @Nullable String hometown,
		@Nullable String ethnicity, @Nullable String religion, @Nullable String citizenId, @Nullable String phone,
		@Nullable String email, @Nullable String jobTitle, @Nullable String generalEducation,
		@Nullable String qualification, TheoryLevel theoryLevel, @Nullable String cardNo, @Nullable String dossierNo,
		LocalDate admissionDate, @Nullable LocalDate officialDate, MemberStatus status, long branchId,
		String branchName, @Nullable LocalDate exemptedSince, @Nullable String exemptionReason,
		@Nullable LocalDate leftOn, @Nullable String leftReason, @Nullable String notes, int version) {

	public boolean exempted() {
		return exemptedSince != null;
	}

	/**
	 * Probation lasts 12 months from admission (Party Charter Art. 5, docs/domain.md §4).
	 */
	public LocalDate probationEnds() {
		return admissionDate.plusMonths(12);
	}

	public MemberForm toForm() {
		return new MemberForm(fullName, gender, dateOfBirth, birthPlace, hometown, ethnicity, religion, citizenId,
				phone, email, jobTitle, generalEducation, qualification, theoryLevel, cardNo, dossierNo, admissionDate,
				officialDate, branchId, notes, version);
	}

}
