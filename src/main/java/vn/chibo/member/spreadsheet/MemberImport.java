package vn.chibo.member.spreadsheet;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Validator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;

import vn.chibo.member.Gender;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberService;
import vn.chibo.member.TheoryLevel;

/**
 * Imports members from a committee's spreadsheet (docs/domain.md §17): headings matched
 * through {@link MemberColumn}, every row checked first — conversion, validation and the
 * same rules as the form — and shown as what it will add and update; once confirmed, all
 * rows are saved in one transaction, or none, as a batch that can be undone. Runs in the
 * background so that a large file shows its progress.
 */
@Service
public class MemberImport {

	private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();

	private final MemberQueries queries;

	private final AuditTrail audit;

	private final MemberService members;

	private final OrganizationQueries organizations;

	private final Validator validator;

	private final ImportRows reader;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final Counter imported;

	MemberImport(MemberService members, MemberQueries queries, OrganizationQueries organizations, Validator validator,
			ImportRows reader, TransactionTemplate transaction, JdbcClient jdbc, AuditTrail audit,
			MeterRegistry meters) {
		this.imported = meters.counter("chibo.imports", "outcome", "imported");
		this.queries = queries;
		this.audit = audit;
		this.members = members;
		this.organizations = organizations;
		this.validator = validator;
		this.reader = reader;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	/**
	 * Starts an import; {@code defaultBranchId} is used for rows of a file that has no
	 * branch column.
	 */
	public ImportJob start(CurrentUser user, Locale locale, String filename, byte[] content,
			@Nullable Long defaultBranchId, boolean updateExisting) {
		jobs.values().removeIf((job) -> job.startedAt().isBefore(Instant.now().minus(Duration.ofHours(2))));
		var job = new ImportJob(user.userId(), filename, updateExisting);
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
				job.error(0, "", reader.text(locale, "member.import.failed"));
				job.invalid();
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		});
	}

	/** Runs an import to its end in the calling thread; for tests and scripts. */
	public ImportJob runNow(CurrentUser user, Locale locale, String filename, byte[] content,
			@Nullable Long defaultBranchId) {
		return runNow(user, locale, filename, content, defaultBranchId, false);
	}

	public ImportJob runNow(CurrentUser user, Locale locale, String filename, byte[] content,
			@Nullable Long defaultBranchId, boolean updateExisting) {
		var job = new ImportJob(user.userId(), filename, updateExisting);
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
		inBackground(job, locale, () -> save(job, user, locale, job.toWrite()));
		return true;
	}

	/** A member already on the committee's list, as rows of a file are matched to it. */
	private record Known(long id, String fullName, @Nullable String cardNo, @Nullable String citizenId) {
	}

	private void run(ImportJob job, CurrentUser user, Locale locale, String filename, byte[] content,
			@Nullable Long defaultBranchId, boolean confirmed) {
		Spreadsheet sheet;
		try {
			sheet = Spreadsheet.read(filename, content);
		}
		catch (Spreadsheet.TooLarge ex) {
			job.error(0, "", reader.text(locale, ex.key(), ex.arguments()));
			job.invalid();
			return;
		}
		catch (IOException ex) {
			job.error(0, "", reader.text(locale, "member.import.unreadable"));
			job.invalid();
			return;
		}
		var columns = reader.mapHeadings(sheet.headings(), locale);
		// A file that updates existing members may carry only a key and the columns it
		// changes; a new member in it still needs every required cell.
		var updatesOnly = job.updatesExisting()
				&& (columns.containsKey(MemberColumn.CARD_NO) || columns.containsKey(MemberColumn.CITIZEN_ID));
		for (var column : MemberColumn.values()) {
			if (column.required && !updatesOnly && !columns.containsKey(column)
					&& !(column == MemberColumn.BRANCH && defaultBranchId != null)) {
				job.error(1, reader.label(locale, column), reader.text(locale, "member.import.missingColumn"));
			}
		}
		if (sheet.rows().isEmpty()) {
			job.error(0, "", reader.text(locale, "member.import.empty"));
		}
		if (!job.errors().isEmpty()) {
			job.invalid();
			return;
		}
		var branches = reader.branchesByName(user);
		// The same person is not imported twice (docs/domain.md §17, importer): by party
		// card,
		// citizen ID, or full name and date of birth, against the committee's members and
		// within the file. A match by card or citizen ID updates that member when the
		// user
		// asked for it.
		var byCard = new HashMap<String, Known>();
		var byCitizen = new HashMap<String, Known>();
		var people = new HashSet<String>();
		jdbc.sql("select id, full_name, card_no, citizen_id, date_of_birth from member where committee_id = :c")
			.param("c", user.committeeId())
			.query((rs) -> {
				var known = new Known(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
				if (known.cardNo() != null) {
					byCard.put(known.cardNo(), known);
				}
				if (known.citizenId() != null) {
					byCitizen.put(known.citizenId(), known);
				}
				var born = rs.getObject(5, LocalDate.class);
				if (born != null) {
					people.add(person(known.fullName(), born));
				}
			});
		var seenCards = new HashMap<String, Integer>();
		var seenCitizens = new HashMap<String, Integer>();
		var seenPeople = new HashMap<String, Integer>();
		var seenMembers = new HashMap<Long, Integer>();
		var planned = new ArrayList<ImportJob.Planned>();
		job.stage(ImportJob.Stage.CHECKING, sheet.rows().size());
		for (var row : sheet.rows()) {
			var parsed = reader.toForm(job, row, columns, branches, defaultBranchId, locale);
			if (parsed != null) {
				var form = parsed.form();
				var number = row.number();
				var before = job.errors().size();
				var card = form.getCardNo();
				var citizen = VietnameseText.cleanOrNull(form.getCitizenId());
				inFile(job, number, seenCards, card, MemberColumn.CARD_NO, "member.import.duplicateInFile", locale);
				inFile(job, number, seenCitizens, citizen, MemberColumn.CITIZEN_ID, "member.import.citizenInFile",
						locale);
				var cardOwner = (card != null) ? byCard.get(card) : null;
				var citizenOwner = (citizen != null) ? byCitizen.get(citizen) : null;
				var match = (cardOwner != null) ? cardOwner : citizenOwner;
				if (cardOwner != null && citizenOwner != null && cardOwner.id() != citizenOwner.id()) {
					job.error(number, reader.label(locale, MemberColumn.CITIZEN_ID), reader.text(locale,
							"member.import.twoMembers", card, cardOwner.fullName(), citizen, citizenOwner.fullName()));
				}
				else if (match == null) {
					samePerson(job, number, form, people, seenPeople, locale);
					if (job.errors().size() == before && check(job, number, form, null, user, locale)) {
						planned.add(new ImportJob.Planned(number, null, String.valueOf(form.getFullName()), form, null,
								List.of()));
					}
				}
				else if (!job.updatesExisting()) {
					if (match == cardOwner) {
						job.error(number, reader.label(locale, MemberColumn.CARD_NO),
								reader.text(locale, "member.import.cardExists", card, match.fullName()));
					}
					else {
						job.error(number, reader.label(locale, MemberColumn.CITIZEN_ID),
								reader.text(locale, "member.import.citizenExists", citizen, match.fullName()));
					}
				}
				else if (seenMembers.containsKey(match.id())) {
					job.error(number, reader.label(locale, MemberColumn.FULL_NAME), reader.text(locale,
							"member.import.memberTwice", match.fullName(), seenMembers.get(match.id())));
				}
				else {
					seenMembers.put(match.id(), number);
					var update = update(job, number, match, parsed, user, locale);
					if (update != null && job.errors().size() == before) {
						planned.add(update);
					}
				}
			}
			job.progressed();
		}
		job.plan(planned);
		if (!job.errors().isEmpty()) {
			job.invalid();
			return;
		}
		// Shown to the user before anything is written.
		if (!confirmed) {
			job.ready(planned);
			return;
		}
		job.ready(planned);
		job.claim();
		save(job, user, locale, job.toWrite());
	}

	/** A value that must be unique within the file: the row it repeats is named. */
	private void inFile(ImportJob job, int row, Map<String, Integer> seen, @Nullable String value, MemberColumn column,
			String key, Locale locale) {
		if (value == null) {
			return;
		}
		var first = seen.putIfAbsent(value, row);
		if (first != null) {
			job.error(row, reader.label(locale, column), reader.text(locale, key, value, first));
		}
	}

	/**
	 * A new row whose person (name and birth date) is already a member or in the file.
	 */
	private void samePerson(ImportJob job, int row, MemberForm form, Set<String> people, Map<String, Integer> seen,
			Locale locale) {
		if (form.getFullName() == null || form.getDateOfBirth() == null) {
			return;
		}
		var person = person(form.getFullName(), form.getDateOfBirth());
		var born = form.getDateOfBirth().format(MemberService.DATE);
		var first = seen.putIfAbsent(person, row);
		if (people.contains(person)) {
			job.error(row, reader.label(locale, MemberColumn.FULL_NAME),
					reader.text(locale,
							job.updatesExisting() ? "member.import.personExistsNoKey" : "member.import.personExists",
							form.getFullName(), born));
		}
		else if (first != null) {
			job.error(row, reader.label(locale, MemberColumn.FULL_NAME),
					reader.text(locale, "member.import.personInFile", form.getFullName(), born, first));
		}
	}

	/**
	 * A row that updates an existing member: the cells with a value replace the record's,
	 * empty cells keep it. Moving a member to another branch is a transfer
	 * (docs/domain.md §4), done on the member's page, not by a file.
	 */
	private ImportJob.@Nullable Planned update(ImportJob job, int row, Known match, ImportRows.Parsed parsed,
			CurrentUser user, Locale locale) {
		var existing = queries.find(user.committeeId(), match.id()).orElse(null);
		if (existing == null || !organizations.isVisible(user, existing.branchId())) {
			job.error(row, reader.label(locale, MemberColumn.BRANCH),
					reader.text(locale, "member.import.outOfScope", match.fullName()));
			return null;
		}
		var before = existing.toForm();
		var merged = existing.toForm();
		for (var column : parsed.filled()) {
			if (column != MemberColumn.BRANCH) {
				column.copy(parsed.form(), merged);
			}
		}
		if (parsed.filled().contains(MemberColumn.BRANCH)
				&& !Objects.equals(parsed.form().getBranchId(), existing.branchId())) {
			job.error(row, reader.label(locale, MemberColumn.BRANCH),
					reader.text(locale, "member.import.noTransfer", existing.fullName(), existing.branchName()));
			return null;
		}
		if (!check(job, row, merged, existing.id(), user, locale)) {
			return null;
		}
		var changes = new ArrayList<ImportJob.Change>();
		for (var column : MemberColumn.values()) {
			var was = display(column, before, locale);
			var now = display(column, merged, locale);
			if (!was.equals(now)) {
				changes.add(new ImportJob.Change(reader.label(locale, column), was, now));
			}
		}
		return new ImportJob.Planned(row, existing.id(), existing.fullName(), merged, before, changes);
	}

	private String display(MemberColumn column, MemberForm form, Locale locale) {
		var value = column.value(form);
		return switch (value) {
			case null -> "";
			case LocalDate date -> date.format(MemberService.DATE);
			case Gender gender -> reader.text(locale, "member.gender." + gender);
			case TheoryLevel level -> reader.text(locale, "member.theory." + level);
			default -> {
				var string = VietnameseText.cleanOrNull(value.toString());
				yield (string != null) ? string : "";
			}
		};
	}

	private void save(ImportJob job, CurrentUser user, Locale locale, List<ImportJob.Planned> rows) {
		job.stage(ImportJob.Stage.SAVING, rows.size());
		if (rows.isEmpty()) {
			// Nothing new in the file: no batch to keep.
			job.finish(0, null);
			return;
		}
		var added = (int) rows.stream().filter(ImportJob.Planned::added).count();
		try {
			var batch = transaction.execute((status) -> {
				var batchId = jdbc.sql("""
						insert into member_import_batch (committee_id, filename, imported_by, added, updated)
						values (:c, :file, :by, :added, :updated) returning id
						""")
					.param("c", user.committeeId())
					.param("file", job.filename())
					.param("by", user.username())
					.param("added", added)
					.param("updated", rows.size() - added)
					.query(Long.class)
					.single();
				for (var row : rows) {
					write(job, user, locale, batchId, row);
					job.progressed();
				}
				audit.record(user.committeeId(), user.username(), "member-import", batchId, "import", null,
						Map.of("file", job.filename(), "added", added, "updated", rows.size() - added));
				return batchId;
			});
			job.finish(rows.size(), batch);
			imported.increment();
		}
		catch (BusinessRuleException ex) {
			job.invalid();
		}
	}

	private void write(ImportJob job, CurrentUser user, Locale locale, long batchId, ImportJob.Planned row) {
		long memberId;
		try {
			if (row.added()) {
				memberId = members.create(user, row.form());
			}
			else {
				memberId = Objects.requireNonNull(row.memberId());
				members.update(user, memberId, row.form());
			}
		}
		catch (ConflictException ex) {
			// The member was changed by someone else after the preview: keep nothing.
			job.error(row.row(), reader.label(locale, MemberColumn.FULL_NAME),
					reader.text(locale, "member.import.changedMeanwhile", row.fullName()));
			throw ex;
		}
		catch (BusinessRuleException ex) {
			job.error(row.row(), reader.fieldLabel(locale, ex.field()),
					reader.text(locale, ex.messageKey(), ex.arguments()));
			throw ex;
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
			// Someone else took the card number (or the same record) while this file was
			// being written: say which, keep nothing.
			var card = row.form().getCardNo();
			job.error(row.row(), reader.label(locale, MemberColumn.CARD_NO),
					reader.text(locale, "member.import.takenMeanwhile", (card != null) ? card : ""));
			throw new BusinessRuleException("cardNo", "member.import.takenMeanwhile", String.valueOf(card));
		}
		jdbc.sql("""
				insert into member_import_change (committee_id, batch_id, row_number, member_id, kind, version_after,
				before) select :c, :batch, :row, :m, :kind, version, cast(:before as jsonb)
				from member where committee_id = :c and id = :m
				""")
			.param("c", user.committeeId())
			.param("batch", batchId)
			.param("row", row.row())
			.param("m", memberId)
			.param("kind", row.added() ? "ADDED" : "UPDATED")
			.param("before", (row.before() != null) ? JSON.writeValueAsString(row.before()) : null)
			.update();
	}

	/**
	 * A person as the import compares them: the name without diacritics, the birth date.
	 */
	private static String person(String fullName, LocalDate born) {
		return VietnameseText.fold(fullName) + "|" + born;
	}

	/**
	 * The form's validation and the rules of a new record or of an update of
	 * {@code updating}; answers whether the row passed.
	 */
	private boolean check(ImportJob job, int row, MemberForm form, @Nullable Long updating, CurrentUser user,
			Locale locale) {
		var violations = validator.validate(form);
		if (!violations.isEmpty()) {
			violations.stream()
				.sorted(Comparator.comparing((v) -> v.getPropertyPath().toString()))
				.forEach((v) -> job.error(row, reader.fieldLabel(locale, v.getPropertyPath().toString()),
						v.getMessage()));
			return false;
		}
		try {
			if (updating == null) {
				members.checkNew(user, form);
			}
			else {
				members.checkUpdate(user, updating, form);
			}
			return true;
		}
		catch (BusinessRuleException ex) {
			job.error(row, reader.fieldLabel(locale, ex.field()), reader.text(locale, ex.messageKey(), ex.arguments()));
			return false;
		}
	}

}
