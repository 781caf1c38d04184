package vn.chibo.member;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Imports members from a committee's spreadsheet (DOMAIN.md §17): headings matched
 * through {@link MemberColumn}, every row checked first — conversion, validation and the
 * same rules as the form — and then all rows saved in one transaction, or none. Runs in
 * the background so that a large file shows its progress.
 */
@Service
public class MemberImport {

	private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

	private static final List<DateTimeFormatter> DATES = List.of(
			DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT));

	private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();

	private final MemberService members;

	private final OrganizationQueries organizations;

	private final Validator validator;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	MemberImport(MemberService members, OrganizationQueries organizations, Validator validator, MessageSource messages,
			TransactionTemplate transaction, JdbcClient jdbc) {
		this.members = members;
		this.organizations = organizations;
		this.validator = validator;
		this.messages = messages;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	/**
	 * Starts an import; {@code defaultBranchId} is used for rows of a file that has no
	 * branch column.
	 */
	public ImportJob start(CurrentUser user, Locale locale, String filename, byte[] content,
			@Nullable Long defaultBranchId) {
		jobs.values().removeIf((job) -> job.startedAt().isBefore(Instant.now().minus(Duration.ofHours(2))));
		var job = new ImportJob(user.userId(), filename);
		jobs.put(job.id(), job);
		inBackground(job, locale, () -> run(job, user, locale, filename, content, defaultBranchId, false));
		return job;
	}

	/** Runs a step of an import in a thread of its own; a fault ends it as invalid. */
	private void inBackground(ImportJob job, Locale locale, Runnable step) {
		Thread.ofVirtual().name("member-import-" + job.id()).start(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				step.run();
			}
			catch (RuntimeException ex) {
				log.error("Import {} failed", job.id(), ex);
				job.error(0, "", text(locale, "member.import.failed"));
				job.invalid();
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		});
	}

	/** Runs an import to its end in the calling thread; for tests and scripts. */
	ImportJob runNow(CurrentUser user, Locale locale, String filename, byte[] content, @Nullable Long defaultBranchId) {
		var job = new ImportJob(user.userId(), filename);
		LocaleContextHolder.setLocale(locale);
		try {
			run(job, user, locale, filename, content, defaultBranchId, true);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		return job;
	}

	public Optional<ImportJob> job(CurrentUser user, UUID id) {
		return Optional.ofNullable(jobs.get(id)).filter((job) -> job.userId() == user.userId());
	}

	/**
	 * Writes an import the user has seen checked: every row, or none. Answers false when
	 * the import is not waiting for confirmation.
	 */
	public boolean confirm(CurrentUser user, UUID id, Locale locale) {
		var job = job(user, id).orElse(null);
		if (job == null || !job.claim()) {
			return false;
		}
		inBackground(job, locale, () -> save(job, user, locale, job.pending()));
		return true;
	}

	private void run(ImportJob job, CurrentUser user, Locale locale, String filename, byte[] content,
			@Nullable Long defaultBranchId, boolean confirmed) {
		Spreadsheet sheet;
		try {
			sheet = Spreadsheet.read(filename, content);
		}
		catch (Spreadsheet.TooLarge ex) {
			job.error(0, "", text(locale, ex.key(), ex.arguments()));
			job.invalid();
			return;
		}
		catch (IOException ex) {
			job.error(0, "", text(locale, "member.import.unreadable"));
			job.invalid();
			return;
		}
		var columns = mapHeadings(sheet.headings(), locale);
		for (var column : MemberColumn.values()) {
			if (column.required && !columns.containsKey(column)
					&& !(column == MemberColumn.BRANCH && defaultBranchId != null)) {
				job.error(1, label(locale, column), text(locale, "member.import.missingColumn"));
			}
		}
		if (sheet.rows().isEmpty()) {
			job.error(0, "", text(locale, "member.import.empty"));
		}
		if (!job.errors().isEmpty()) {
			job.invalid();
			return;
		}
		var branches = branchesByName(user);
		var existingCards = new HashSet<>(
				jdbc.sql("select card_no from member where committee_id = :c and card_no is not null")
					.param("c", user.committeeId())
					.query(String.class)
					.list());
		var seenCards = new HashMap<String, Integer>();
		// The same person is not imported twice: by citizen ID, or by full name and date
		// of birth, against the committee's members and within the file.
		var existingCitizens = new HashSet<>(
				jdbc.sql("select citizen_id from member where committee_id = :c and citizen_id is not null")
					.param("c", user.committeeId())
					.query(String.class)
					.list());
		var existingPeople = new HashSet<>(jdbc
			.sql("select full_name, date_of_birth from member where committee_id = :c and date_of_birth is not null")
			.param("c", user.committeeId())
			.query((rs, n) -> person(rs.getString(1), rs.getObject(2, java.time.LocalDate.class)))
			.list());
		var seenCitizens = new HashMap<String, Integer>();
		var seenPeople = new HashMap<String, Integer>();
		var forms = new ArrayList<Map.Entry<Integer, MemberForm>>();
		job.stage(ImportJob.Stage.CHECKING, sheet.rows().size());
		for (var row : sheet.rows()) {
			var form = toForm(job, row, columns, branches, defaultBranchId, locale);
			if (form != null) {
				check(job, row.number(), form, user, locale);
				var card = form.getCardNo();
				if (card != null) {
					if (existingCards.contains(card)) {
						job.error(row.number(), label(locale, MemberColumn.CARD_NO),
								text(locale, "member.cardNo.taken", card));
					}
					else if (seenCards.containsKey(card)) {
						job.error(row.number(), label(locale, MemberColumn.CARD_NO),
								text(locale, "member.import.duplicateInFile", card, seenCards.get(card)));
					}
					seenCards.putIfAbsent(card, row.number());
				}
				var citizen = form.getCitizenId();
				if (citizen != null && !citizen.isBlank()) {
					if (existingCitizens.contains(citizen)) {
						job.error(row.number(), label(locale, MemberColumn.CITIZEN_ID),
								text(locale, "member.import.citizenExists", citizen));
					}
					else if (seenCitizens.containsKey(citizen)) {
						job.error(row.number(), label(locale, MemberColumn.CITIZEN_ID),
								text(locale, "member.import.citizenInFile", citizen, seenCitizens.get(citizen)));
					}
					seenCitizens.putIfAbsent(citizen, row.number());
				}
				if (form.getFullName() != null && form.getDateOfBirth() != null) {
					var person = person(form.getFullName(), form.getDateOfBirth());
					var born = form.getDateOfBirth().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
					if (existingPeople.contains(person)) {
						job.error(row.number(), label(locale, MemberColumn.FULL_NAME),
								text(locale, "member.import.personExists", form.getFullName(), born));
					}
					else if (seenPeople.containsKey(person)) {
						job.error(row.number(), label(locale, MemberColumn.FULL_NAME), text(locale,
								"member.import.personInFile", form.getFullName(), born, seenPeople.get(person)));
					}
					seenPeople.putIfAbsent(person, row.number());
				}
				forms.add(Map.entry(row.number(), form));
			}
			job.progressed();
		}
		if (!job.errors().isEmpty()) {
			job.invalid();
			return;
		}
		// Shown to the user before anything is written.
		if (!confirmed) {
			job.ready(forms);
			return;
		}
		save(job, user, locale, forms);
	}

	private void save(ImportJob job, CurrentUser user, Locale locale, List<Map.Entry<Integer, MemberForm>> forms) {
		job.stage(ImportJob.Stage.SAVING, forms.size());
		try {
			transaction.executeWithoutResult((status) -> {
				for (var entry : forms) {
					try {
						members.create(user, entry.getValue());
					}
					catch (BusinessRuleException ex) {
						job.error(entry.getKey(), fieldLabel(locale, ex.field()),
								text(locale, ex.messageKey(), ex.arguments()));
						throw ex;
					}
					catch (org.springframework.dao.DataIntegrityViolationException
							| org.springframework.dao.PessimisticLockingFailureException ex) {
						// Someone else took the card number (or the same record) while
						// this
						// file was being written: say which, keep nothing.
						var card = entry.getValue().getCardNo();
						job.error(entry.getKey(), label(locale, MemberColumn.CARD_NO),
								text(locale, "member.import.takenMeanwhile", (card != null) ? card : ""));
						throw new BusinessRuleException("cardNo", "member.import.takenMeanwhile", String.valueOf(card));
					}
					job.progressed();
				}
			});
			job.finish(forms.size());
		}
		catch (BusinessRuleException ex) {
			job.invalid();
		}
	}

	/**
	 * A person as the import compares them: the name without diacritics, the birth date.
	 */
	private static String person(String fullName, java.time.LocalDate born) {
		return vn.chibo.shared.text.VietnameseText.fold(fullName) + "|" + born;
	}

	private Map<MemberColumn, Integer> mapHeadings(List<String> headings, Locale locale) {
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

	private @Nullable MemberForm toForm(ImportJob job, Spreadsheet.Row row, Map<MemberColumn, Integer> columns,
			Map<String, OrgNode> branches, @Nullable Long defaultBranchId, Locale locale) {
		var form = MemberForm.empty(defaultBranchId);
		var before = job.errors().size();
		for (var entry : columns.entrySet()) {
			var column = entry.getKey();
			var value = VietnameseText.cleanOrNull(row.cell(entry.getValue()));
			if (value == null) {
				continue;
			}
			var label = label(locale, column);
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
		return (job.errors().size() == before) ? form : null;
	}

	private void check(ImportJob job, int row, MemberForm form, CurrentUser user, Locale locale) {
		var violations = validator.validate(form);
		if (!violations.isEmpty()) {
			violations.stream()
				.sorted(java.util.Comparator.comparing((v) -> v.getPropertyPath().toString()))
				.forEach((v) -> job.error(row, fieldLabel(locale, v.getPropertyPath().toString()), v.getMessage()));
			return;
		}
		try {
			members.checkNew(user, form);
		}
		catch (BusinessRuleException ex) {
			job.error(row, fieldLabel(locale, ex.field()), text(locale, ex.messageKey(), ex.arguments()));
		}
	}

	private @Nullable LocalDate date(ImportJob job, int row, String label, String value, boolean yearAllowed,
			Locale locale) {
		// Birth dates in old records are sometimes a year alone (DOMAIN.md §17): taken as
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
	private Map<String, OrgNode> branchesByName(CurrentUser user) {
		var branches = new HashMap<String, OrgNode>();
		for (var branch : organizations.branches(user)) {
			branches.put(VietnameseText.fold(branch.name()), branch);
			branches.put(VietnameseText.fold(branch.code()), branch);
		}
		return branches;
	}

	private String label(Locale locale, MemberColumn column) {
		return text(locale, column.labelKey());
	}

	private String fieldLabel(Locale locale, String field) {
		return field.isEmpty() ? "" : messages.getMessage("member." + field, null, field, locale);
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
