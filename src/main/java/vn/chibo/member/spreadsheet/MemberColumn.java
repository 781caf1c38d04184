package vn.chibo.member.spreadsheet;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.shared.text.VietnameseText;

import vn.chibo.member.MemberForm;

/**
 * The columns of the member spreadsheet, in template order, with the headings committees'
 * own spreadsheets use for them (docs/domain.md §17: Mẫu 2-KNĐ, Lý lịch đảng viên, Phiếu
 * đảng viên, a university portal's import keys). Headings are matched after folding (no
 * diacritics, case, punctuation), so "NGÀY KẾT NẠP" and "Ngày kết nạp" both mean the
 * admission date. The column's label on screen is the message {@code member.<field>}.
 */
public enum MemberColumn {

	FULL_NAME("fullName", true, "ho va ten", "ho va ten dang dung", "ho ten", "ho va ten khai sinh"),
	GENDER("gender", true, "gioi tinh", "nam nu", "nam/nu", "phai"),
	DATE_OF_BIRTH("dateOfBirth", false, "ngay sinh", "sinh ngay", "ngay thang nam sinh"),
	BIRTH_PLACE("birthPlace", false, "noi sinh"), HOMETOWN("hometown", false, "que quan", "nguyen quan"),
	ETHNICITY("ethnicity", false, "dan toc"), RELIGION("religion", false, "ton giao"),
	CITIZEN_ID("citizenId", false, "so cccd", "cccd", "so dinh danh", "so can cuoc", "so can cuoc cong dan", "so cmnd"),
	PHONE("phone", false, "so dien thoai", "dien thoai", "sdt"), EMAIL("email", false, "email", "thu dien tu"),
	JOB_TITLE("jobTitle", false, "chuc vu chinh quyen", "chuc vu", "nghe nghiep hien nay", "chuc danh"),
	GENERAL_EDUCATION("generalEducation", false, "van hoa", "gdpt", "giao duc pho thong", "trinh do van hoa"),
	QUALIFICATION("qualification", false, "cmnv", "chuyen mon", "chuyen mon nghiep vu", "trinh do chuyen mon"),
	THEORY_LEVEL("theoryLevel", false, "ly luan", "trinh do llct", "llct", "ly luan chinh tri",
			"trinh do ly luan chinh tri"),
	CARD_NO("cardNo", false, "so the dang vien", "so the", "the dang vien"),
	DOSSIER_NO("dossierNo", false, "so ly lich", "so ly lich dang vien"),
	ADMISSION_DATE("admissionDate", true, "ngay vao dang", "ngay ket nap", "ngay ket nap dang"),
	OFFICIAL_DATE("officialDate", false, "ngay chinh thuc", "ngay cong nhan chinh thuc", "ngay chuyen chinh thuc"),
	BRANCH("branchId", true, "chi bo", "chi bo sinh hoat", "ten chi bo", "ma chi bo"), NOTES("notes", false, "ghi chu");

	private static final Set<String> IGNORED = Set.of("stt", "so tt", "tt");

	final String field;

	final boolean required;

	final List<String> aliases;

	MemberColumn(String field, boolean required, String... aliases) {
		this.field = field;
		this.required = required;
		this.aliases = List.of(aliases);
	}

	public String getField() {
		return field;
	}

	public boolean isRequired() {
		return required;
	}

	String labelKey() {
		return "member." + field;
	}

	/** Headings compare folded, with punctuation as spaces: "Nam, nữ" → "nam nu". */
	static String normalize(String heading) {
		return VietnameseText.fold(heading.replaceAll("[\\p{Punct}&&[^/]]", " "))
			.replace("/", " ")
			.strip()
			.replaceAll("\\s+", " ");
	}

	/** This column's value in a form. */
	@Nullable Object value(MemberForm form) {
		return switch (this) {
			case FULL_NAME -> form.getFullName();
			case GENDER -> form.getGender();
			case DATE_OF_BIRTH -> form.getDateOfBirth();
			case BIRTH_PLACE -> form.getBirthPlace();
			case HOMETOWN -> form.getHometown();
			case ETHNICITY -> form.getEthnicity();
			case RELIGION -> form.getReligion();
			case CITIZEN_ID -> form.getCitizenId();
			case PHONE -> form.getPhone();
			case EMAIL -> form.getEmail();
			case JOB_TITLE -> form.getJobTitle();
			case GENERAL_EDUCATION -> form.getGeneralEducation();
			case QUALIFICATION -> form.getQualification();
			case THEORY_LEVEL -> form.getTheoryLevel();
			case CARD_NO -> form.getCardNo();
			case DOSSIER_NO -> form.getDossierNo();
			case ADMISSION_DATE -> form.getAdmissionDate();
			case OFFICIAL_DATE -> form.getOfficialDate();
			case BRANCH -> form.getBranchId();
			case NOTES -> form.getNotes();
		};
	}

	/** Copies this column's value from one form to another. */
	void copy(MemberForm from, MemberForm to) {
		switch (this) {
			case FULL_NAME -> to.setFullName(from.getFullName());
			case GENDER -> to.setGender(from.getGender());
			case DATE_OF_BIRTH -> to.setDateOfBirth(from.getDateOfBirth());
			case BIRTH_PLACE -> to.setBirthPlace(from.getBirthPlace());
			case HOMETOWN -> to.setHometown(from.getHometown());
			case ETHNICITY -> to.setEthnicity(from.getEthnicity());
			case RELIGION -> to.setReligion(from.getReligion());
			case CITIZEN_ID -> to.setCitizenId(from.getCitizenId());
			case PHONE -> to.setPhone(from.getPhone());
			case EMAIL -> to.setEmail(from.getEmail());
			case JOB_TITLE -> to.setJobTitle(from.getJobTitle());
			case GENERAL_EDUCATION -> to.setGeneralEducation(from.getGeneralEducation());
			case QUALIFICATION -> to.setQualification(from.getQualification());
			case THEORY_LEVEL -> to.setTheoryLevel(from.getTheoryLevel());
			case CARD_NO -> to.setCardNo(from.getCardNo());
			case DOSSIER_NO -> to.setDossierNo(from.getDossierNo());
			case ADMISSION_DATE -> to.setAdmissionDate(from.getAdmissionDate());
			case OFFICIAL_DATE -> to.setOfficialDate(from.getOfficialDate());
			case BRANCH -> to.setBranchId(from.getBranchId());
			case NOTES -> to.setNotes(from.getNotes());
		}
	}

	static boolean ignored(String heading) {
		return IGNORED.contains(normalize(heading));
	}

}
