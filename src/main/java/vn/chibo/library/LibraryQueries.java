package vn.chibo.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * Reading the library: a document with its files, the references between documents, the
 * filters' values and the files' text; the search is {@link LibrarySearch}. Internal
 * documents are read by the committee only.
 */
@Service
@Transactional(readOnly = true)
public class LibraryQueries {

	/** A file's content to open or download. */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	LibraryQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** In force on a day: begun, not ended, not replaced by a document in force then. */
	static final String IN_FORCE = """
			(coalesce(d.in_force_from, d.issued_on) <= :today
			and (d.in_force_until is null or d.in_force_until >= :today)
			and not exists (select 1 from library_document r where r.committee_id = d.committee_id
			and r.replaces_id = d.id and coalesce(r.in_force_from, r.issued_on) <= :today))
			""";

	public LibraryDocument document(CurrentUser user, long id) {
		requireReader(user);
		return find(user, id).orElseThrow(NotFoundException::new);
	}

	Optional<LibraryDocument> find(CurrentUser user, long id) {
		return jdbc.sql("select d.*, " + IN_FORCE + """
				as in_force, r.number as replaces_number, r.title as replaces_title, r.issued_on as replaces_issued
				from library_document d left join library_document r
				on r.committee_id = d.committee_id and r.id = d.replaces_id
				where d.committee_id = :committee and d.id = :id and (:internal or not d.internal)
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.param("internal", user.role().readsInternalDocuments())
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> document(rs, user))
			.optional();
	}

	private LibraryDocument document(ResultSet rs, CurrentUser user) throws SQLException {
		var id = rs.getLong("id");
		var replacesId = rs.getObject("replaces_id", Long.class);
		var replacedBy = jdbc.sql("""
				select id, number, title, issued_on from library_document
				where committee_id = :committee and replaces_id = :id and (:internal or not internal) order by issued_on
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.param("internal", user.role().readsInternalDocuments())
			.query((r, n) -> new LibraryDocument.Reference(r.getLong(1), r.getString(2), r.getString(3),
					r.getObject(4, LocalDate.class)))
			.list();
		var files = jdbc.sql("""
				select id, file_name, content_type, size_bytes, pages, preview_html is not null from library_file
				where committee_id = :committee and document_id = :id order by id
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((r, n) -> new LibraryDocument.LibraryFile(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
					r.getInt(5), r.getBoolean(6)))
			.list();
		return new LibraryDocument(id, rs.getString("number"), rs.getString("title"),
				DocumentKind.valueOf(rs.getString("kind")), rs.getString("issuer"),
				rs.getObject("issued_on", LocalDate.class), rs.getObject("in_force_from", LocalDate.class),
				rs.getObject("in_force_until", LocalDate.class),
				(replacesId != null)
						? new LibraryDocument.Reference(replacesId, rs.getString("replaces_number"),
								rs.getString("replaces_title"), rs.getObject("replaces_issued", LocalDate.class))
						: null,
				replacedBy, rs.getString("summary"), rs.getBoolean("internal"), rs.getBoolean("in_force"), files,
				rs.getInt("version"));
	}

	/**
	 * The documents of these ids that the user may read, in the order given: what another
	 * record (a study session) names.
	 */
	public List<LibraryDocument.Reference> references(CurrentUser user, List<Long> ids) {
		if (ids.isEmpty() || !user.role().readsLibrary()) {
			return List.of();
		}
		var found = jdbc.sql("""
				select id, number, title, issued_on from library_document
				where committee_id = :committee and id = any(cast(:ids as bigint[])) and (:internal or not internal)
				""")
			.param("committee", user.committeeId())
			.param("ids", SqlArrays.ids(ids))
			.param("internal", user.role().readsInternalDocuments())
			.query((r, n) -> new LibraryDocument.Reference(r.getLong(1), r.getString(2), r.getString(3),
					r.getObject(4, LocalDate.class)))
			.list();
		return ids.stream().flatMap((id) -> found.stream().filter((d) -> d.id() == id)).toList();
	}

	/**
	 * The document a number names ("42-HD/BTCTW", or "12-HD/BTCTW (2018)" where the
	 * number was used more than once) among those the user may read; a broken rule on
	 * {@code field} if none or several.
	 */
	public LibraryDocument.Reference resolve(CurrentUser user, String reference, String field) {
		requireReader(user);
		try {
			var id = replaced(user.committeeId(), reference);
			return references(user, List.of(id)).stream()
				.findFirst()
				.orElseThrow(() -> new BusinessRuleException(field, "library.reference.notFound", reference));
		}
		catch (BusinessRuleException ex) {
			throw new BusinessRuleException(field, ex.messageKey().equals("library.replaces.notFound")
					? "library.reference.notFound" : ex.messageKey(), ex.arguments());
		}
	}

	/**
	 * The text of a document's files, page after page, up to {@code maxCharacters}: what
	 * a reflection is compared with.
	 */
	public String text(long committeeId, long documentId, int maxCharacters) {
		var text = new StringBuilder();
		jdbc.sql("""
				select p.text from library_page p join library_file f on f.committee_id = p.committee_id
				and f.id = p.file_id where f.committee_id = :committee and f.document_id = :document
				order by f.id, p.page_no
				""").param("committee", committeeId).param("document", documentId).query((rs) -> {
			if (text.length() < maxCharacters) {
				text.append(rs.getString(1)).append('\n');
			}
		});
		return (text.length() > maxCharacters) ? text.substring(0, maxCharacters) : text.toString();
	}

	/** The issuers the user's documents name, for the filter. */
	public List<String> issuers(CurrentUser user) {
		requireReader(user);
		// One index probe per issuer (a handful) rather than a pass over every document.
		return jdbc.sql("""
				with recursive issuers as (
					(select issuer from library_document where committee_id = :committee and (:internal or not internal)
					order by issuer limit 1)
					union all
					select (select d.issuer from library_document d where d.committee_id = :committee
						and d.issuer > i.issuer and (:internal or not d.internal) order by d.issuer limit 1)
					from issuers i where i.issuer is not null)
				select issuer from issuers where issuer is not null
				""")
			.param("committee", user.committeeId())
			.param("internal", user.role().readsInternalDocuments())
			.query(String.class)
			.list();
	}

	/** The years documents were issued in, newest first, for the filter. */
	public List<Integer> years(CurrentUser user) {
		requireReader(user);
		// One probe of the date index per year.
		return jdbc.sql("""
				with recursive years as (
					(select extract(year from issued_on)::int as year from library_document
					where committee_id = :committee and (:internal or not internal)
					order by issued_on desc, id desc limit 1)
					union all
					select (select extract(year from d.issued_on)::int from library_document d
						where d.committee_id = :committee and d.issued_on < make_date(y.year, 1, 1)
						and (:internal or not d.internal) order by d.issued_on desc, d.id desc limit 1)
					from years y where y.year is not null)
				select year from years where year is not null
				""")
			.param("committee", user.committeeId())
			.param("internal", user.role().readsInternalDocuments())
			.query(Integer.class)
			.list();
	}

	public Download file(CurrentUser user, long fileId) {
		requireReader(user);
		return jdbc.sql("""
				select f.file_name, f.content_type, f.content from library_file f
				join library_document d on d.committee_id = f.committee_id and d.id = f.document_id
				where f.committee_id = :committee and f.id = :id and (:internal or not d.internal)
				""")
			.param("committee", user.committeeId())
			.param("id", fileId)
			.param("internal", user.role().readsInternalDocuments())
			.query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * A file as read in the browser, with its document: the Word file's HTML, else none.
	 */
	public record Reading(long id, long documentId, String documentNumber, String fileName, String contentType,
			@Nullable String html) {

		public boolean pdf() {
			return contentType.equals(UploadedFiles.PDF);
		}

	}

	public Reading reading(CurrentUser user, long fileId) {
		requireReader(user);
		return jdbc.sql("""
				select f.id, d.id, d.number, f.file_name, f.content_type, f.preview_html from library_file f
				join library_document d on d.committee_id = f.committee_id and d.id = f.document_id
				where f.committee_id = :committee and f.id = :id and (:internal or not d.internal)
				""")
			.param("committee", user.committeeId())
			.param("id", fileId)
			.param("internal", user.role().readsInternalDocuments())
			.query((rs, n) -> new Reading(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * The document a "replaces" names, whoever may read it: its number, with the year in
	 * brackets when the number was used more than once ("12-HD/BTCTW (2018)").
	 */
	Long replaced(long committeeId, String reference) {
		var matcher = YEAR_SUFFIX.matcher(reference.strip());
		String number = reference;
		Integer year = null;
		if (matcher.matches() && !matcher.group(1).isBlank()) {
			number = matcher.group(1);
			year = Integer.valueOf(matcher.group(2));
		}
		record Candidate(long id, int year) {
		}
		var candidates = jdbc.sql("""
				select id, extract(year from issued_on)::int as year from library_document
				where committee_id = :committee and number_key = :key order by issued_on
				""").param("committee", committeeId).param("key", numberKey(number)).query(Candidate.class).list();
		var wanted = year;
		var chosen = (wanted == null) ? candidates
				: candidates.stream().filter((c) -> c.year() == wanted.intValue()).toList();
		if (chosen.isEmpty()) {
			throw new BusinessRuleException("replacesNumber", "library.replaces.notFound", reference);
		}
		if (chosen.size() > 1) {
			throw new BusinessRuleException("replacesNumber", "library.replaces.ambiguous", number.strip(),
					chosen.stream().map((c) -> String.valueOf(c.year())).collect(Collectors.joining(", ")));
		}
		return chosen.getFirst().id();
	}

	/** "12-HD/BTCTW (2018)", "12-HD/BTCTW 2018" or "12-HD/BTCTW (06/7/2018)". */
	private static final Pattern YEAR_SUFFIX = Pattern
		.compile("^(.*?)\\s*\\(?\\s*(?:\\d{1,2}/\\d{1,2}/)?(\\d{4})\\s*\\)?$");

	/**
	 * A number as it is compared: "42-HD/BTCTW", "42 hd/btctw" and "42-HĐ/BTCTW" alike.
	 */
	static String numberKey(String number) {
		return VietnameseText.fold(number).replaceAll("[\\s.\\-]", "");
	}

	static void requireReader(CurrentUser user) {
		if (!user.role().readsLibrary()) {
			throw new AccessDeniedException("library");
		}
	}

}
