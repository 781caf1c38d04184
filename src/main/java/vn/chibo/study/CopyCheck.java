package vn.chibo.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.library.LibraryQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.similarity.Shingles;

/**
 * The copy check of reflections (docs/domain.md §8 "bài thu hoạch"): a reflection handed
 * in is kept as its shingles and joined in PostgreSQL with the other reflections of its
 * session and compared with the text of the studied documents; what it shares is kept for
 * the grader, who sees the texts side by side with the shared words marked.
 */
@Service
@Transactional
public class CopyCheck {

	private final JdbcClient jdbc;

	private final StudyQueries queries;

	private final LibraryQueries library;

	CopyCheck(JdbcClient jdbc, StudyQueries queries, LibraryQueries library) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.library = library;
	}

	/**
	 * Keeps the reflection's shingles and what it shares with the other reflections of
	 * its session (both ways: the earlier one copied is flagged too) and with the studied
	 * documents' text.
	 */
	void compare(long committeeId, long sessionId, long id, Shingles.Words words) {
		jdbc.sql("delete from study_shingle where committee_id = :committee and reflection_id = :id")
			.param("committee", committeeId)
			.param("id", id)
			.update();
		jdbc.sql("""
				delete from study_similarity where committee_id = :committee
				and (reflection_id = :id or other_reflection_id = :id)
				""").param("committee", committeeId).param("id", id).update();
		var hashes = words.hashes();
		jdbc.sql("update study_reflection set shingles = :count where committee_id = :committee and id = :id")
			.param("count", hashes.length)
			.param("committee", committeeId)
			.param("id", id)
			.update();
		if (hashes.length == 0) {
			return;
		}
		// One statement for all of them: the hashes as one array, numbered by their
		// position.
		jdbc.sql("""
				insert into study_shingle (committee_id, session_id, reflection_id, position, hash)
				select :committee, :session, :id, t.p - 1, t.h from unnest(cast(:hashes as bigint[]))
				with ordinality as t(h, p)
				""")
			.param("committee", committeeId)
			.param("session", sessionId)
			.param("id", id)
			.param("hashes", hashes)
			.update();
		// What this reflection shares with each other one handed in: a join on the
		// shingles' hashes (by index), counted once per position on each side; then the
		// share of this one found in the other, and of the other found in this.
		jdbc.sql(
				"""
						insert into study_similarity (committee_id, reflection_id, other_reflection_id, share)
						with found as (
							select o.reflection_id as other, count(distinct s.position) as mine, count(distinct o.position) as theirs
							from study_shingle s join study_shingle o on o.committee_id = s.committee_id
								and o.session_id = s.session_id and o.hash = s.hash and o.reflection_id <> s.reflection_id
							where s.committee_id = :committee and s.session_id = :session and s.reflection_id = :id
							group by o.reflection_id),
						counted as (
							select f.other, f.mine, f.theirs, r.shingles as total
							from found f join study_reflection r on r.committee_id = :committee and r.id = f.other
								and r.status in ('SUBMITTED', 'GRADED'))
						select :committee, :id, other, round(mine::numeric / :total, 3) from counted
						where mine::numeric / :total >= :floor
						union all
						select :committee, other, :id, round(theirs::numeric / total, 3) from counted
						where total > 0 and theirs::numeric / total >= :floor
						""")
			.param("committee", committeeId)
			.param("session", sessionId)
			.param("id", id)
			.param("total", hashes.length)
			.param("floor", Shingles.FLOOR)
			.update();
		var mine = Shingles.set(hashes);
		for (var document : queries.documentIds(committeeId, sessionId)) {
			var text = library.text(committeeId, document, Shingles.MAX_WORDS * 8);
			var theirs = Shingles.set(Shingles.words(text, Shingles.MAX_WORDS).hashes());
			var share = Shingles.share(hashes, theirs);
			if (share >= Shingles.FLOOR && !mine.isEmpty()) {
				jdbc.sql("""
						insert into study_similarity (committee_id, reflection_id, document_id, share)
						values (:committee, :id, :document, round(cast(:share as numeric), 3))
						""")
					.param("committee", committeeId)
					.param("id", id)
					.param("document", document)
					.param("share", share)
					.update();
			}
		}
	}

	/** The reflection's words and its file's, as compared. */
	static String joined(@Nullable String body, @Nullable String fileText) {
		return ((body != null) ? body : "") + "\n" + ((fileText != null) ? fileText : "");
	}

	/**
	 * The side-by-side view of a reflection and what it shares with another reflection or
	 * a studied document: each text with the overlapping words marked (of a long document
	 * only the marked passages, with a little around them).
	 */
	public record Comparison(StudyQueries.Match match, List<Shingles.Segment> mine, List<Shingles.Segment> theirs) {
	}

	@Transactional(readOnly = true)
	public List<Comparison> comparisons(CurrentUser user, long reflectionId) {
		var view = queries.reflection(user, reflectionId);
		var matches = queries.matches(user, reflectionId);
		if (matches.isEmpty()) {
			return List.of();
		}
		var mine = Shingles.words(joined(view.body(), fileText(user.committeeId(), view.id())));
		var myHashes = Shingles.set(mine.hashes());
		var comparisons = new ArrayList<Comparison>();
		for (var match : matches.subList(0, Math.min(3, matches.size()))) {
			Shingles.Words theirs;
			if (match.reflectionId() != null) {
				var other = queries.reflectionRow(user.committeeId(), match.reflectionId()).orElseThrow();
				theirs = Shingles.words(joined(other.body(), fileText(user.committeeId(), other.id())));
			}
			else {
				theirs = Shingles.words(library.text(user.committeeId(), match.documentId(), Shingles.MAX_WORDS * 8),
						Shingles.MAX_WORDS);
			}
			var theirHashes = Shingles.set(theirs.hashes());
			var theirSegments = theirs.marked(myHashes);
			if (match.documentId() != null) {
				theirSegments = around(theirSegments);
			}
			comparisons.add(new Comparison(match, mine.marked(theirHashes), theirSegments));
		}
		return comparisons;
	}

	/** Of a long text, the marked runs with a few words either side. */
	private static List<Shingles.Segment> around(List<Shingles.Segment> segments) {
		var out = new ArrayList<Shingles.Segment>();
		for (var i = 0; i < segments.size(); i++) {
			var segment = segments.get(i);
			if (segment.match()) {
				out.add(segment);
			}
			else {
				var words = segment.text().split(" ");
				var before = (i + 1 < segments.size())
						? String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - 8), words.length)) : "";
				var after = (i > 0) ? String.join(" ", Arrays.copyOfRange(words, 0, Math.min(8, words.length))) : "";
				var gap = (words.length > 16) ? after + " … " + before : segment.text();
				if (i == 0) {
					gap = "… " + before;
				}
				else if (i == segments.size() - 1) {
					gap = after + " …";
				}
				out.add(new Shingles.Segment(gap.strip(), false));
			}
		}
		return out;
	}

	private @Nullable String fileText(long committeeId, long id) {
		return jdbc.sql("select file_text from study_reflection where committee_id = :committee and id = :id")
			.param("committee", committeeId)
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
