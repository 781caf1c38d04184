package vn.chibo.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.PageOf;

/**
 * Reading the library: search ranked by PostgreSQL's full-text search over the document's
 * number, title and summary and the text of its files, without diacritics (the "chibo"
 * configuration, V27), with the matching passage of the best page; the filters; a
 * document with its files. Internal documents are read by the committee only.
 */
@Service
@Transactional(readOnly = true)
public class LibraryQueries {

	static final int PAGE_SIZE = 20;

	/** How many of the most recent matches are ranked (and paged through). */
	static final int RANKED = 300;

	/** Marks ts_headline puts around a match: characters no document uses. */
	private static final String START = "\u27E6";

	private static final String STOP = "\u27E7";

	/** A result as the list shows it. */
	public record Result(long id, String number, String title, DocumentKind kind, String issuer, LocalDate issuedOn,
			boolean internal, boolean inForce, List<Passage> passages) {
	}

	/**
	 * The passage of a file (or of the summary: no file name) where the words were found.
	 */
	public record Passage(@Nullable String fileName, int page, List<Segment> segments) {
	}

	/** A piece of a passage, the words searched for marked. */
	public record Segment(String text, boolean match) {
	}

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
	private static final String IN_FORCE = """
			(coalesce(d.in_force_from, d.issued_on) <= :today
			and (d.in_force_until is null or d.in_force_until >= :today)
			and not exists (select 1 from library_document r where r.committee_id = d.committee_id
			and r.replaces_id = d.id and coalesce(r.in_force_from, r.issued_on) <= :today))
			""";

	public PageOf<Result> search(CurrentUser user, LibraryFilter filter) {
		requireReader(user);
		var words = VietnameseText.cleanOrNull(filter.q());
		if (words != null && words.length() > 200) {
			words = words.substring(0, 200);
		}
		var numberKey = (words != null && words.matches(".*\\d.*")) ? numberKey(words) : null;
		var page = filter.pageNumber();
		// The documents that match, through one GIN index; ranked only among the most
		// recent RANKED of them, so that a word every document holds costs no more than
		// a rare one.
		var sql = new StringBuilder("""
				with q as (select websearch_to_tsquery('chibo', coalesce(cast(:words as text), '')) as query),
				matches as (
					select d.id, d.issued_on from library_document d, q
					where d.committee_id = :committee and (:internal or not d.internal)
					and (cast(:words as text) is null or d.content @@ q.query
						or (cast(:numberKey as text) is not null
							and d.number_key like '%' || cast(:numberKey as text) || '%'))
					and (cast(:issuer as text) is null or d.issuer = cast(:issuer as text))
					and (cast(:kind as text) is null or d.kind = cast(:kind as text))
					and (cast(:year as integer) is null or extract(year from d.issued_on) = cast(:year as integer))
				""");
		if (filter.inForceOnly()) {
			sql.append(" and ").append(IN_FORCE);
		}
		sql.append("""
				),
				recent as (select id from matches order by issued_on desc, id desc limit :ranked)
				select d.id, d.number, d.title, d.kind, d.issuer, d.issued_on, d.internal,
				""").append(IN_FORCE).append("""
				as in_force, (select count(*) from matches) as total
				from recent r join library_document d on d.committee_id = :committee and d.id = r.id cross join q
				order by (case when cast(:numberKey as text) is not null and d.number_key = cast(:numberKey as text)
				then 100 else 0 end) + 2 * ts_rank(d.search, q.query) + ts_rank(d.content, q.query) desc,
				d.issued_on desc, d.id desc
				limit :size offset :offset
				""");
		var total = new long[] { 0 };
		var rows = jdbc.sql(sql.toString())
			.param("words", words)
			.param("numberKey", numberKey)
			.param("committee", user.committeeId())
			.param("internal", user.role().readsInternalDocuments())
			.param("issuer", VietnameseText.cleanOrNull(filter.issuer()))
			.param("kind", (filter.kind() != null) ? filter.kind().name() : null)
			.param("year", filter.year())
			.param("today", LocalDate.now(clock))
			.param("size", PAGE_SIZE)
			.param("offset", page * PAGE_SIZE)
			.param("ranked", RANKED)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new Result(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
						DocumentKind.valueOf(rs.getString("kind")), rs.getString("issuer"),
						rs.getObject("issued_on", LocalDate.class), rs.getBoolean("internal"),
						rs.getBoolean("in_force"), List.of());
			})
			.list();
		if (words != null && !rows.isEmpty()) {
			var passages = passages(user, rows.stream().map(Result::id).toList(), words);
			rows = rows.stream()
				.map((r) -> new Result(r.id(), r.number(), r.title(), r.kind(), r.issuer(), r.issuedOn(), r.internal(),
						r.inForce(), passages.getOrDefault(r.id(), List.of())))
				.toList();
		}
		return new PageOf<>(rows, total[0], page, PAGE_SIZE);
	}

	/** The best page of each document's files for the words, else its summary. */
	private Map<Long, List<Passage>> passages(CurrentUser user, List<Long> ids, String words) {
		var options = "StartSel=" + START + ", StopSel=" + STOP
				+ ", MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \"";
		var byDocument = new HashMap<Long, List<Passage>>();
		jdbc.sql("""
				with q as (select websearch_to_tsquery('chibo', :words) as query),
				files as materialized (select id, document_id, file_name from library_file
					where committee_id = :committee and document_id = any(:ids)),
				best as materialized (
					select distinct on (f.document_id) f.document_id, f.file_name, p.page_no, p.text
					from files f join library_page p on p.committee_id = :committee and p.file_id = f.id, q
					where p.search @@ q.query
					order by f.document_id, ts_rank(p.search, q.query) desc, p.page_no)
				select b.document_id, b.file_name, b.page_no, ts_headline('chibo', b.text, q.query, :options)
				from best b, q
				""")
			.param("words", words)
			.param("options", options)
			.param("committee", user.committeeId())
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				byDocument.put(rs.getLong(1),
						List.of(new Passage(rs.getString(2), rs.getInt(3), segments(rs.getString(4)))));
			});
		jdbc.sql("""
				with q as (select websearch_to_tsquery('chibo', :words) as query)
				select d.id, ts_headline('chibo', d.summary, q.query, :options)
				from library_document d, q
				where d.committee_id = :committee and d.id = any(:ids) and d.summary is not null
				and to_tsvector('chibo', d.summary) @@ q.query
				""")
			.param("words", words)
			.param("options", options)
			.param("committee", user.committeeId())
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				byDocument.putIfAbsent(rs.getLong(1), List.of(new Passage(null, 0, segments(rs.getString(2)))));
			});
		return byDocument;
	}

	/** A headline cut into plain and matching pieces: shown escaped, never as HTML. */
	static List<Segment> segments(String headline) {
		var segments = new ArrayList<Segment>();
		var rest = headline.replaceAll("\\s+", " ").strip();
		while (!rest.isEmpty()) {
			var start = rest.indexOf(START);
			if (start < 0) {
				segments.add(new Segment(rest, false));
				break;
			}
			if (start > 0) {
				segments.add(new Segment(rest.substring(0, start), false));
			}
			var stop = rest.indexOf(STOP, start);
			if (stop < 0) {
				stop = rest.length();
			}
			segments.add(new Segment(rest.substring(start + 1, stop), true));
			rest = (stop < rest.length()) ? rest.substring(stop + 1) : "";
		}
		return segments;
	}

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
				select id, file_name, content_type, size_bytes, pages from library_file
				where committee_id = :committee and document_id = :id order by id
				""")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((r, n) -> new LibraryDocument.LibraryFile(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
					r.getInt(5)))
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
				where committee_id = :committee and id in (:ids) and (:internal or not internal)
				""")
			.param("committee", user.committeeId())
			.param("ids", ids)
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
		return jdbc.sql("""
				select distinct issuer from library_document where committee_id = :committee
				and (:internal or not internal) order by issuer
				""")
			.param("committee", user.committeeId())
			.param("internal", user.role().readsInternalDocuments())
			.query(String.class)
			.list();
	}

	/** The years documents were issued in, newest first, for the filter. */
	public List<Integer> years(CurrentUser user) {
		requireReader(user);
		return jdbc.sql("""
				select distinct extract(year from issued_on)::int from library_document where committee_id = :committee
				and (:internal or not internal) order by 1 desc
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
