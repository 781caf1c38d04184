package vn.chibo.member.spreadsheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;

import vn.chibo.member.Gender;
import vn.chibo.member.MemberForm;
import vn.chibo.member.TheoryLevel;

/**
 * The rows of a member file read into forms (docs/domain.md §17): its headings matched to
 * {@link MemberColumn}s in Vietnamese or English, each cell converted — dates as
 * Vietnamese records write them, genders, theory levels, branches by name or code — and
 * what cannot be read reported on its row and column, in the user's language.
 */
@Component
class ImportRows {

	private static final List<DateTimeFormatter> DATES = List.of(
			DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT));

	private final MessageSource messages;

	private final OrganizationQueries organizations;

	ImportRows(MessageSource messages, OrganizationQueries organizations) {
		this.messages = messages;
		this.organizations = organizations;
	}

	/** A row read into a form, with the columns that had a value. */
	record Parsed(MemberForm form, Set<MemberColumn> filled) {
	}

	Map<MemberColumn, Integer> mapHeadings(List<String> headings, Locale locale) {
		var byHeading = new HashMap<String, MemberColumn>();
		for (var column : MemberColumn.values()) {
			column.aliases.forEach((alias) -> byHeading.put(alias, column));
			byHeading.putIfAbsent(MemberColumn.normalize(label(Locale.forLanguageTag("vi"), column)), column);
			byHeading.putIfAbsent(MemberColumn.normalize(label(Locale.ENGLISH, column)), column);
			byHeading.putIfAbsent(MemberColumn.normalize(label(locale, column)), column);
		}
		var columns = new EnumMap<MemberColumn, Integer>(MemberColumn.class);
		for (var i = 0; i < headings.size(); i++) {
			var column = byHeading.get(MemberColumn.normalize(headings.get(i)));
			if (column != null) {
				columns.putIfAbsent(column, i);
			}
		}
		return columns;
	}

	@Nullable Parsed toForm(ImportJob job, Spreadsheet.Row row, Map<MemberColumn, Integer> columns, Map<String, OrgNode> branches,
			@Nullable Long defaultBranchId, Locale locale) {
		var form = MemberForm.empty(defaultBranchId);
		var filled = EnumSet.noneOf(MemberColumn.class);
		var before = job.errors().size();
		for (var entry : columns.entrySet()) {
			var column = entry.getKey();
			var value = VietnameseText.cleanOrNull(row.cell(entry.getValue()));
			if (value == null) {
				continue;
			}
			var label = label(locale, column);
			filled.add(column);
			switch (column) {
				case FULL_NAME -> form.setFullName(value);
				case GENDER -> {
					var folded = VietnameseText.fold(value);
					if (folded.equals("nam") || folded.equals("male") || folded.equals("m")) {
						form.setGender(Gender.MALE);
					}
					else if (folded.equals("nu") || folded.equals("female") || folded.equals("f")) {
						form.setGender(Gender.FEMALE);
					}
					else {
						job.error(row.number(), label, text(locale, "member.import.gender", value));
					}
				}
				case DATE_OF_BIRTH -> form.setDateOfBirth(date(job, row.number(), label, value, true, locale));
				case ADMISSION_DATE -> form.setAdmissionDate(date(job, row.number(), label, value, false, locale));
				case OFFICIAL_DATE -> form.setOfficialDate(date(job, row.number(), label, value, false, locale));
				case THEORY_LEVEL -> form.setTheoryLevel(theory(job, row.number(), label, value, locale));
				case BRANCH -> {
					var branch = branches.get(VietnameseText.fold(value));
					if (branch == null) {
						job.error(row.number(), label, text(locale, "member.import.branch", value));
					}
					else {
						form.setBranchId(branch.id());
					}
				}
				case BIRTH_PLACE -> form.setBirthPlace(value);
				case HOMETOWN -> form.setHometown(value);
				case ETHNICITY -> form.setEthnicity(value);
				case RELIGION -> form.setReligion(value);
				case CITIZEN_ID -> form.setCitizenId(value);
				case PHONE -> form.setPhone(value);
				case EMAIL -> form.setEmail(value);
				case JOB_TITLE -> form.setJobTitle(value);
				case GENERAL_EDUCATION -> form.setGeneralEducation(value);
				case QUALIFICATION -> form.setQualification(value);
				case CARD_NO -> form.setCardNo(value);
				case DOSSIER_NO -> form.setDossierNo(value);
				case NOTES -> form.setNotes(value);
			}
		}
		return (job.errors().size() == before) ? new Parsed(form, filled) : null;
	}

	private @Nullable LocalDate date(ImportJob job, int row, String label, String value, boolean yearAllowed,
			Locale locale) {
		// Birth dates in old records are sometimes a year alone (docs/domain.md §17):
		// taken as
		// 1 January.
		if (yearAllowed && value.matches("\\d{4}")) {
			return LocalDate.of(Integer.parseInt(value), 1, 1);
		}
		for (var format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// try the next pattern
			}
		}
		job.error(row, label, text(locale, "member.import.date", value));
		return null;
	}

	private @Nullable TheoryLevel theory(ImportJob job, int row, String label, String value, Locale locale) {
		var folded = VietnameseText.fold(value);
		for (var level : TheoryLevel.values()) {
			if (folded.equals(VietnameseText.fold(text(Locale.forLanguageTag("vi"), "member.theory." + level)))
					|| folded.equals(VietnameseText.fold(text(Locale.ENGLISH, "member.theory." + level)))) {
				return level;
			}
		}
		if (folded.equals("khong") || folded.equals("chua") || folded.equals("-")) {
			return TheoryLevel.NONE;
		}
		// "Cử nhân chính trị" and "Cao cấp lý luận chính trị" appear in real records.
		if (folded.startsWith("cu nhan")) {
			return TheoryLevel.BACHELOR;
		}
		for (var prefix : Map
			.of("so cap", TheoryLevel.ELEMENTARY, "trung cap", TheoryLevel.INTERMEDIATE, "cao cap",
					TheoryLevel.ADVANCED)
			.entrySet()) {
			if (folded.startsWith(prefix.getKey())) {
				return prefix.getValue();
			}
		}
		job.error(row, label, text(locale, "member.import.theory", value));
		return null;
	}

	/** Branches the user may import into, by folded name and by code. */
	Map<String, OrgNode> branchesByName(CurrentUser user) {
		var branches = new HashMap<String, OrgNode>();
		for (var branch : organizations.branches(user)) {
			branches.put(VietnameseText.fold(branch.name()), branch);
			branches.put(VietnameseText.fold(branch.code()), branch);
		}
		return branches;
	}

	String label(Locale locale, MemberColumn column) {
		return text(locale, column.labelKey());
	}

	String fieldLabel(Locale locale, String field) {
		return field.isEmpty() ? "" : messages.getMessage("member." + field, null, field, locale);
	}

	String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
