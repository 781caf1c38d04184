package vn.chibo.member;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the member screens and the API bind; the record itself is never bound directly. A
 * bean rather than a record so that a date typed wrongly still lets every other field be
 * validated and shown at once. Pages send dates as dd/MM/yyyy, the JSON API as ISO dates.
 */
public class MemberForm {

	@NotBlank(message = "{member.fullName.required}")
	@Size(max = 100, message = "{member.fullName.size}")
	private @Nullable String fullName;

	@NotNull(message = "{member.gender.required}")
	private @Nullable Gender gender;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	@Past(message = "{member.dateOfBirth.past}")
	private @Nullable LocalDate dateOfBirth;

	@Size(max = 200, message = "{member.text.size}")
	private @Nullable String birthPlace;

	@Size(max = 200, message = "{member.text.size}")
	private @Nullable String hometown;

	@Size(max = 50, message = "{member.text.size}")
	private @Nullable String ethnicity;

	@Size(max = 50, message = "{member.text.size}")
	private @Nullable String religion;

	@Pattern(regexp = "^$|^[0-9]{12}$", message = "{member.citizenId.pattern}")
	private @Nullable String citizenId;

	@Pattern(regexp = "^$|^[0-9+ .()-]{8,20}$", message = "{member.phone.pattern}")
	private @Nullable String phone;

	@Email(message = "{member.email.invalid}")
	@Size(max = 200, message = "{member.text.size}")
	private @Nullable String email;

	@Size(max = 200, message = "{member.text.size}")
	private @Nullable String jobTitle;

	@Size(max = 50, message = "{member.text.size}")
	private @Nullable String generalEducation;

	@Size(max = 200, message = "{member.text.size}")
	private @Nullable String qualification;

	private @Nullable TheoryLevel theoryLevel;

	@Size(max = 30, message = "{member.text.size}")
	private @Nullable String cardNo;

	@Size(max = 30, message = "{member.text.size}")
	private @Nullable String dossierNo;

	@NotNull(message = "{member.admissionDate.required}")
	@PastOrPresent(message = "{member.admissionDate.past}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate admissionDate;

	@PastOrPresent(message = "{member.officialDate.past}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate officialDate;

	@NotNull(message = "{member.branchId.required}")
	private @Nullable Long branchId;

	@Size(max = 2000, message = "{member.text.size}")
	private @Nullable String notes;

	private @Nullable Integer version;

	public MemberForm() {
	}

	public MemberForm(@Nullable String fullName, @Nullable Gender gender, @Nullable LocalDate dateOfBirth,
			@Nullable String birthPlace, @Nullable String hometown, @Nullable String ethnicity,
			@Nullable String religion, @Nullable String citizenId, @Nullable String phone, @Nullable String email,
			@Nullable String jobTitle, @Nullable String generalEducation, @Nullable String qualification,
			@Nullable TheoryLevel theoryLevel, @Nullable String cardNo, @Nullable String dossierNo,
			@Nullable LocalDate admissionDate, @Nullable LocalDate officialDate, @Nullable Long branchId,
			@Nullable String notes, @Nullable Integer version) {
		this.fullName = fullName;
		this.gender = gender;
		this.dateOfBirth = dateOfBirth;
		this.birthPlace = birthPlace;
		this.hometown = hometown;
		this.ethnicity = ethnicity;
		this.religion = religion;
		this.citizenId = citizenId;
		this.phone = phone;
		this.email = email;
		this.jobTitle = jobTitle;
		this.generalEducation = generalEducation;
		this.qualification = qualification;
		this.theoryLevel = theoryLevel;
		this.cardNo = cardNo;
		this.dossierNo = dossierNo;
		this.admissionDate = admissionDate;
		this.officialDate = officialDate;
		this.branchId = branchId;
		this.notes = notes;
		this.version = version;
	}

	public static MemberForm empty(@Nullable Long branchId) {
		var form = new MemberForm();
		form.theoryLevel = TheoryLevel.NONE;
		form.branchId = branchId;
		return form;
	}

	public @Nullable String getFullName() {
		return fullName;
	}

	public void setFullName(@Nullable String fullName) {
		this.fullName = fullName;
	}

	public @Nullable Gender getGender() {
		return gender;
	}

	public void setGender(@Nullable Gender gender) {
		this.gender = gender;
	}

	public @Nullable LocalDate getDateOfBirth() {
		return dateOfBirth;
	}

	public void setDateOfBirth(@Nullable LocalDate dateOfBirth) {
		this.dateOfBirth = dateOfBirth;
	}

	public @Nullable String getBirthPlace() {
		return birthPlace;
	}

	public void setBirthPlace(@Nullable String birthPlace) {
		this.birthPlace = birthPlace;
	}

	public @Nullable String getHometown() {
		return hometown;
	}

	public void setHometown(@Nullable String hometown) {
		this.hometown = hometown;
	}

	public @Nullable String getEthnicity() {
		return ethnicity;
	}

	public void setEthnicity(@Nullable String ethnicity) {
		this.ethnicity = ethnicity;
	}

	public @Nullable String getReligion() {
		return religion;
	}

	public void setReligion(@Nullable String religion) {
		this.religion = religion;
	}

	public @Nullable String getCitizenId() {
		return citizenId;
	}

	public void setCitizenId(@Nullable String citizenId) {
		this.citizenId = citizenId;
	}

	public @Nullable String getPhone() {
		return phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getJobTitle() {
		return jobTitle;
	}

	public void setJobTitle(@Nullable String jobTitle) {
		this.jobTitle = jobTitle;
	}

	public @Nullable String getGeneralEducation() {
		return generalEducation;
	}

	public void setGeneralEducation(@Nullable String generalEducation) {
		this.generalEducation = generalEducation;
	}

	public @Nullable String getQualification() {
		return qualification;
	}

	public void setQualification(@Nullable String qualification) {
		this.qualification = qualification;
	}

	public @Nullable TheoryLevel getTheoryLevel() {
		return theoryLevel;
	}

	public void setTheoryLevel(@Nullable TheoryLevel theoryLevel) {
		this.theoryLevel = theoryLevel;
	}

	public @Nullable String getCardNo() {
		return cardNo;
	}

	public void setCardNo(@Nullable String cardNo) {
		this.cardNo = cardNo;
	}

	public @Nullable String getDossierNo() {
		return dossierNo;
	}

	public void setDossierNo(@Nullable String dossierNo) {
		this.dossierNo = dossierNo;
	}

	public @Nullable LocalDate getAdmissionDate() {
		return admissionDate;
	}

	public void setAdmissionDate(@Nullable LocalDate admissionDate) {
		this.admissionDate = admissionDate;
	}

	public @Nullable LocalDate getOfficialDate() {
		return officialDate;
	}

	public void setOfficialDate(@Nullable LocalDate officialDate) {
		this.officialDate = officialDate;
	}

	public @Nullable Long getBranchId() {
		return branchId;
	}

	public void setBranchId(@Nullable Long branchId) {
		this.branchId = branchId;
	}

	public @Nullable String getNotes() {
		return notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

}
