package vn.chibo.library;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.files.DocumentPreview;
import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The office keeps the library: documents with their metadata and files. A file's text is
 * read (outside the transaction: reading a large PDF takes a while) and kept by page for
 * the search; every change is audited in the same transaction as the change.
 */
@Service
public class LibraryService {

	static final String AUDIT_TYPE = "library";

	static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final LibraryQueries queries;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	LibraryService(JdbcClient jdbc, LibraryQueries queries, AuditTrail audit, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
		this.transaction = transaction;
	}

	public long create(CurrentUser user, LibraryForm form) {
		requireManager(user);
		return inTransaction(() -> {
			var values = values(user, form, null);
			long id;
			try {
				id = jdbc.sql("""
						insert into library_document (committee_id, number, number_key, title, kind, issuer, issued_on,
						in_force_from, in_force_until, replaces_id, summary, internal, created_by)
						values (:committee, :number, :numberKey, :title, :kind, :issuer, :issuedOn, :from, :until,
						:replaces, :summary, :internal, :by) returning id
						""").params(values).param("by", user.username()).query(Long.class).single();
			}
			catch (DuplicateKeyException ex) {
				throw new BusinessRuleException("number", "library.number.taken", values.get("number"),
						DATE.format(issuedOn(values)));
			}
			index(user.committeeId(), id);
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, state(user, id));
			return id;
		});
	}

	public void update(CurrentUser user, long id, LibraryForm form) {
		requireManager(user);
		inTransaction(() -> {
			var before = state(user, id);
			var values = values(user, form, id);
			int updated;
			try {
				updated = jdbc.sql("""
						update library_document set number = :number, number_key = :numberKey, title = :title,
						kind = :kind, issuer = :issuer, issued_on = :issuedOn, in_force_from = :from,
						in_force_until = :until, replaces_id = :replaces, summary = :summary, internal = :internal,
						version = version + 1, updated_at = now()
						where committee_id = :committee and id = :id and version = :version
						""")
					.params(values)
					.param("id", id)
					.param("version", (form.getVersion() != null) ? form.getVersion() : before.get("version"))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new BusinessRuleException("number", "library.number.taken", values.get("number"),
						DATE.format(issuedOn(values)));
			}
			if (updated == 0) {
				throw new ConflictException("error.conflict");
			}
			index(user.committeeId(), id);
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "update", before, state(user, id));
			return id;
		});
	}

	/** A file checked and read, ready to be kept with a document. */
	public record Prepared(String name, String contentType, byte[] content, List<String> pages) {
	}

	/**
	 * Checks a PDF or DOCX — its type judged by its content — and reads its text by page
	 * for the search; nothing is written yet.
	 */
	public Prepared prepare(CurrentUser user, @Nullable String fileName, byte[] content) {
		requireManager(user);
		var name = UploadedFiles.cleanName(fileName, "file");
		if (content.length == 0) {
			throw new BusinessRuleException("file", "document.file.empty", name);
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new BusinessRuleException("file", "document.file.tooLarge", name, MAX_FILE_BYTES / 1024 / 1024);
		}
		var type = UploadedFiles.sniff(content, name);
		if (!UploadedFiles.PDF.equals(type) && !UploadedFiles.DOCX.equals(type)) {
			throw new BusinessRuleException("file", "library.file.type", name);
		}
		return new Prepared(name, type, content, TextExtraction.pages(content, type, name));
	}

	/** A new document with its first file, or none: both are kept, or neither. */
	public long create(CurrentUser user, LibraryForm form, @Nullable Prepared file) {
		return inTransaction(() -> {
			var id = create(user, form);
			if (file != null) {
				attach(user, id, file);
			}
			return id;
		});
	}

	public long attach(CurrentUser user, long documentId, Prepared file) {
		requireManager(user);
		return inTransaction(() -> {
			var document = queries.find(user, documentId).orElseThrow(NotFoundException::new);
			var fileId = jdbc.sql("""
					insert into library_file (committee_id, document_id, file_name, content_type, size_bytes, pages,
					content, preview_html, uploaded_by)
					values (:committee, :document, :name, :type, :size, :pages, :content, :preview, :by)
					returning id
					""")
				.param("committee", user.committeeId())
				.param("document", document.id())
				.param("name", file.name())
				.param("type", file.contentType())
				.param("size", file.content().length)
				.param("pages", file.pages().size())
				.param("content", file.content())
				.param("preview", DocumentPreview.of(file.content(), file.contentType()))
				.param("by", user.username())
				.query(Long.class)
				.single();
			for (var page = 0; page < file.pages().size(); page++) {
				jdbc.sql("""
						insert into library_page (committee_id, file_id, page_no, text, search)
						values (:committee, :file, :page, :text, to_tsvector('chibo', :text))
						""")
					.param("committee", user.committeeId())
					.param("file", fileId)
					.param("page", page + 1)
					.param("text", file.pages().get(page))
					.update();
			}
			index(user.committeeId(), document.id());
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, document.id(), "attach", null,
					Map.of("file", file.name(), "bytes", file.content().length, "pages", file.pages().size()));
			return fileId;
		});
	}

	public void removeFile(CurrentUser user, long documentId, long fileId) {
		requireManager(user);
		inTransaction(() -> {
			var document = queries.find(user, documentId).orElseThrow(NotFoundException::new);
			var name = jdbc.sql("""
					delete from library_file where committee_id = :committee and document_id = :document and id = :id
					returning file_name
					""")
				.param("committee", user.committeeId())
				.param("document", document.id())
				.param("id", fileId)
				.query(String.class)
				.optional()
				.orElseThrow(NotFoundException::new);
			index(user.committeeId(), document.id());
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, document.id(), "removeFile",
					Map.of("file", name), null);
			return fileId;
		});
	}

	/**
	 * Removes a document entered by mistake, with its files; not one another replaces.
	 */
	public void delete(CurrentUser user, long id) {
		requireManager(user);
		inTransaction(() -> {
			var before = state(user, id);
			var replacedBy = jdbc
				.sql("select count(*) from library_document where committee_id = :committee and replaces_id = :id")
				.param("committee", user.committeeId())
				.param("id", id)
				.query(Long.class)
				.single();
			if (replacedBy > 0) {
				throw new BusinessRuleException("", "library.delete.replaced", before.get("number"));
			}
			jdbc.sql("delete from library_file where committee_id = :committee and document_id = :id")
				.param("committee", user.committeeId())
				.param("id", id)
				.update();
			jdbc.sql("delete from library_document where committee_id = :committee and id = :id")
				.param("committee", user.committeeId())
				.param("id", id)
				.update();
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "delete", before, null);
			return id;
		});
	}

	/**
	 * The document's own words, weighted (number and title first, then summary, issuer),
	 * and with them the words of its files' pages, which the search matches on (V28).
	 */
	private void index(long committeeId, long id) {
		jdbc.sql("""
				update library_document set search = setweight(to_tsvector('chibo', number), 'A')
				|| setweight(to_tsvector('chibo', title), 'A')
				|| setweight(to_tsvector('chibo', coalesce(summary, '')), 'B')
				|| setweight(to_tsvector('chibo', issuer), 'C')
				where committee_id = :committee and id = :id
				""").param("committee", committeeId).param("id", id).update();
		jdbc.sql("""
				update library_document d set content = d.search || coalesce((
				select strip(tsvector_agg(p.search)) from library_page p
				join library_file f on f.committee_id = p.committee_id and f.id = p.file_id
				where f.committee_id = d.committee_id and f.document_id = d.id), ''::tsvector)
				where committee_id = :committee and id = :id
				""").param("committee", committeeId).param("id", id).update();
	}

	private Map<String, @Nullable Object> values(CurrentUser user, LibraryForm form, @Nullable Long id) {
		var number = required(form.getNumber(), "number");
		var from = form.getInForceFrom();
		var until = form.getInForceUntil();
		var issuedOn = form.getIssuedOn();
		if (issuedOn == null) {
			throw new BusinessRuleException("issuedOn", "library.issuedOn.required");
		}
		if (issuedOn.getYear() < 1930 || issuedOn.getYear() > 2100) {
			throw new BusinessRuleException("issuedOn", "library.date.range");
		}
		if (from != null && until != null && until.isBefore(from)) {
			throw new BusinessRuleException("inForceUntil", "library.inForceUntil.beforeFrom");
		}
		Long replaces = null;
		var replacesNumber = VietnameseText.cleanOrNull(form.getReplacesNumber());
		if (replacesNumber != null) {
			replaces = queries.replaced(user.committeeId(), replacesNumber);
			if (replaces.equals(id)) {
				throw new BusinessRuleException("replacesNumber", "library.replaces.self");
			}
		}
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "library.kind.required");
		}
		// Asked first, so that a number taken answers with its message; the unique index
		// still decides between two saves at once.
		var taken = jdbc.sql("""
				select exists (select 1 from library_document where committee_id = :committee and number_key = :key
				and issued_on = :issuedOn and id <> coalesce(:id, -1))
				""")
			.param("committee", user.committeeId())
			.param("key", LibraryQueries.numberKey(number))
			.param("issuedOn", issuedOn)
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new BusinessRuleException("number", "library.number.taken", number, DATE.format(issuedOn));
		}
		var values = new LinkedHashMap<String, @Nullable Object>();
		values.put("committee", user.committeeId());
		values.put("number", number);
		values.put("numberKey", LibraryQueries.numberKey(number));
		values.put("title", required(form.getTitle(), "title"));
		values.put("kind", form.getKind().name());
		values.put("issuer", required(form.getIssuer(), "issuer"));
		values.put("issuedOn", issuedOn);
		values.put("from", from);
		values.put("until", until);
		values.put("replaces", replaces);
		values.put("summary", VietnameseText.paragraphs(form.getSummary()));
		values.put("internal", form.isInternal());
		return values;
	}

	private static LocalDate issuedOn(Map<String, @Nullable Object> values) {
		return (LocalDate) Objects.requireNonNull(values.get("issuedOn"));
	}

	private Map<String, @Nullable Object> state(CurrentUser user, long id) {
		var document = queries.find(user, id).orElseThrow(NotFoundException::new);
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("number", document.number());
		state.put("title", document.title());
		state.put("kind", document.kind());
		state.put("issuer", document.issuer());
		state.put("issuedOn", document.issuedOn());
		state.put("inForceFrom", document.inForceFrom());
		state.put("inForceUntil", document.inForceUntil());
		state.put("replaces", (document.replaces() != null) ? document.replaces().number() : null);
		state.put("summary", document.summary());
		state.put("internal", document.internal());
		state.put("version", document.version());
		return state;
	}

	private <T> T inTransaction(Supplier<T> work) {
		return Objects.requireNonNull(transaction.execute((status) -> work.get()));
	}

	private static String required(@Nullable String value, String field) {
		var cleaned = VietnameseText.cleanOrNull(value);
		if (cleaned == null) {
			throw new BusinessRuleException(field, "library." + field + ".required");
		}
		return cleaned;
	}

	static void requireManager(CurrentUser user) {
		if (!user.role().managesLibrary()) {
			throw new AccessDeniedException("library");
		}
	}

}
