package vn.chibo.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;

/**
 * Searching the library: ranked by PostgreSQL's full-text search over the document's
 * number, title and summary and the text of its files, without diacritics (the "chibo"
 * configuration, V27), with the matching passage of the best page; without words, every
 * document by date. Internal documents are found by the committee only.
 */
@Service
@Transactional(readOnly = true)
public class LibrarySearch {

	static final int PAGE_SIZE = 20;

	/** How many of the most recent matches are ranked (and paged through). */
	static final int RANKED = 300;

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

	private final JdbcClient jdbc;

	private final Clock clock;

	LibrarySearch(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A page of results. A search by words ranks the most recent {@link #RANKED} of the
	 * documents that match; {@code more} says that more than those match (the page says
	 * so and suggests narrowing), so that a word every document holds costs no more than
	 * a rare one.
	 */
	public record Results(List<Result> items, long total, boolean more, int page, int size) {

		public int totalPages() {
			return (int) ((total + size - 1) / size);
		}

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < totalPages();
		}

	}

	public Results search(CurrentUser user, LibraryFilter filter) {
		return search(user, filter, true);
	}

	/** Results without their passages, for the export. */
	Results search(CurrentUser user, LibraryFilter filter, boolean passages) {
		LibraryQueries.requireReader(user);
		var words = VietnameseText.cleanOrNull(filter.q());
		if (words != null && words.length() > 200) {
			words = words.substring(0, 200);
		}
		if (words == null) {
			return browse(user, filter);
		}
		var numberKey = words.matches(".*\\d.*") ? LibraryQueries.numberKey(words) : null;
		var page = Math.min(filter.pageNumber(), RANKED / PAGE_SIZE);
		// Planned for the words at hand: PostgreSQL's statistics of the words tell
		// whether
		// walking the documents newest first stops soon (a common word) or the index
		// finds the few (a rare one); a plan cached for any words could not.
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		var sql = new StringBuilder("""
				with candidates as materialized (
					select d.id, d.issued_on from library_document d
					where d.committee_id = :committee and (:internal or not d.internal)
					and (d.content @@ websearch_to_tsquery('chibo', :words)
						or (cast(:numberKey as text) is not null
							and d.number_key like '%' || cast(:numberKey as text) || '%'))
					and (cast(:issuer as text) is null or d.issuer = cast(:issuer as text))
					and (cast(:kind as text) is null or d.kind = cast(:kind as text))
					and (cast(:year as integer) is null or extract(year from d.issued_on) = cast(:year as integer))
				""");
		if (filter.inForceOnly()) {
			sql.append(" and ").append(LibraryQueries.IN_FORCE);
		}
		sql.append("""
					order by d.issued_on desc, d.id desc limit :ranked + 1)
				select d.id, d.number, d.title, d.kind, d.issuer, d.issued_on, d.internal, d.summary,
				""").append(LibraryQueries.IN_FORCE).append("""
				as in_force, (select count(*) from candidates) as total
				from library_document d where d.committee_id = :committee
				and d.id = any(array(select id from candidates order by issued_on desc, id desc limit :ranked))
				order by (case when cast(:numberKey as text) is not null and d.number_key = cast(:numberKey as text)
				then 100 else 0 end) + ts_rank(d.search, websearch_to_tsquery('chibo', :words)) desc,
				d.issued_on desc, d.id desc
				limit :size offset :offset
				""");
		var total = new long[] { 0 };
		var summaries = new HashMap<Long, String>();
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
				var summary = rs.getString("summary");
				if (summary != null) {
					summaries.put(rs.getLong("id"), summary);
				}
				return result(rs, List.of());
			})
			.list();
		// The passages' query is the same for any words: its cached plan serves.
		jdbc.sql("set local plan_cache_mode = auto").update();
		if (passages && !rows.isEmpty()) {
			var found = passages(user, rows.stream().map(Result::id).toList(), words, summaries);
			rows = rows.stream()
				.map((r) -> new Result(r.id(), r.number(), r.title(), r.kind(), r.issuer(), r.issuedOn(), r.internal(),
						r.inForce(), found.getOrDefault(r.id(), List.of())))
				.toList();
		}
		return new Results(rows, Math.min(total[0], RANKED), total[0] > RANKED, page, PAGE_SIZE);
	}

	/** Without words: every document by date, newest first, every page reachable. */
	private Results browse(CurrentUser user, LibraryFilter filter) {
		var where = new StringBuilder("""
				where d.committee_id = :committee and (:internal or not d.internal)
				and (cast(:issuer as text) is null or d.issuer = cast(:issuer as text))
				and (cast(:kind as text) is null or d.kind = cast(:kind as text))
				and (cast(:year as integer) is null or extract(year from d.issued_on) = cast(:year as integer))
				""");
		if (filter.inForceOnly()) {
			where.append(" and ").append(LibraryQueries.IN_FORCE);
		}
		var page = filter.pageNumber();
		var params = new HashMap<String, @Nullable Object>();
		params.put("committee", user.committeeId());
		params.put("internal", user.role().readsInternalDocuments());
		params.put("issuer", VietnameseText.cleanOrNull(filter.issuer()));
		params.put("kind", (filter.kind() != null) ? filter.kind().name() : null);
		params.put("year", filter.year());
		params.put("today", LocalDate.now(clock));
		var total = jdbc.sql("select count(*) from library_document d " + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("size", PAGE_SIZE);
		params.put("offset", (long) page * PAGE_SIZE);
		var rows = jdbc
			.sql("select d.id, d.number, d.title, d.kind, d.issuer, d.issued_on, d.internal, " + LibraryQueries.IN_FORCE
					+ " as in_force from library_document d " + where
					+ " order by d.issued_on desc, d.id desc limit :size offset :offset")
			.params(params)
			.query((rs, n) -> result(rs, List.of()))
			.list();
		return new Results(rows, total, false, page, PAGE_SIZE);
	}

	private static Result result(ResultSet rs, List<Passage> passages) throws SQLException {
		return new Result(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
				DocumentKind.valueOf(rs.getString("kind")), rs.getString("issuer"),
				rs.getObject("issued_on", LocalDate.class), rs.getBoolean("internal"), rs.getBoolean("in_force"),
				passages);
	}

	/**
	 * The passage of each document: from the page of its files that matches best, else
	 * from its summary ({@link Headlines}).
	 */
	private Map<Long, List<Passage>> passages(CurrentUser user, List<Long> ids, String words,
			Map<Long, String> summaries) {
		var terms = Headlines.terms(words);
		var byDocument = new HashMap<Long, List<Passage>>();
		jdbc.sql("""
				select distinct on (f.document_id) f.document_id, f.file_name, p.page_no, p.text
				from library_file f join library_page p on p.committee_id = f.committee_id and p.file_id = f.id
				where f.committee_id = :committee and f.document_id = any(:ids)
				and p.search @@ websearch_to_tsquery('chibo', :words)
				order by f.document_id, ts_rank(p.search, websearch_to_tsquery('chibo', :words)) desc, p.page_no
				""")
			.param("words", words)
			.param("committee", user.committeeId())
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				var segments = Headlines.passage(rs.getString(4), terms);
				if (!segments.isEmpty()) {
					byDocument.put(rs.getLong(1), List.of(new Passage(rs.getString(2), rs.getInt(3), segments)));
				}
			});
		for (var id : ids) {
			var summary = summaries.get(id);
			if (!byDocument.containsKey(id) && summary != null) {
				var segments = Headlines.passage(summary, terms);
				if (!segments.isEmpty()) {
					byDocument.put(id, List.of(new Passage(null, 0, segments)));
				}
			}
		}
		return byDocument;
	}

}
