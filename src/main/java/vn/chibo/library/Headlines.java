package vn.chibo.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.chibo.shared.text.VietnameseText;

/**
 * The passage shown under a search result: up to two windows of a page's text around the
 * words searched for, the words marked. It matches as the "chibo" text search
 * configuration does (V27: lower case, without diacritics, whole words), in the
 * application rather than with ts_headline, which parses every page again for each result
 * (bench/library-search.sh).
 */
final class Headlines {

	/**
	 * A word of text: letters and digits, as the parser of the configuration splits them.
	 */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	static final int WINDOW = 30;

	static final int FRAGMENTS = 2;

	/** Words before the first match of a window, for context. */
	private static final int LEAD = 6;

	/**
	 * Each character up to U+1FFF folded as {@link VietnameseText#fold} folds it (ă, ắ, Ắ
	 * → a; đ → d), so that folding the words of a page is a table lookup per letter.
	 */
	private static final char[] FOLDED = new char[0x2000];

	/**
	 * Which characters up to U+1FFF belong to words, looked up rather than classified
	 * each time.
	 */
	private static final boolean[] WORD_CHARS = new boolean[0x2000];

	static {
		for (var c = 0; c < FOLDED.length; c++) {
			var folded = VietnameseText.fold(String.valueOf((char) c));
			FOLDED[c] = (folded.length() == 1) ? folded.charAt(0) : (char) c;
			WORD_CHARS[c] = classify((char) c);
		}
	}

	private Headlines() {
	}

	/** A letter, a digit or a mark of a word, as {@link #WORD} reads them. */
	private static boolean wordChar(char c) {
		return (c < WORD_CHARS.length) ? WORD_CHARS[c] : classify(c);
	}

	private static boolean classify(char c) {
		if (Character.isLetterOrDigit(c)) {
			return true;
		}
		var type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	/** A word folded: lower case, without diacritics; combining marks left out. */
	static String fold(CharSequence word) {
		var folded = new StringBuilder(word.length());
		for (var i = 0; i < word.length(); i++) {
			var c = word.charAt(i);
			if (c >= 0x300 && c <= 0x36F) {
				continue;
			}
			folded.append((c < FOLDED.length) ? FOLDED[c] : Character.toLowerCase(c));
		}
		return folded.toString();
	}

	/**
	 * The words of a search as the configuration folds them, leaving out the operators of
	 * web search syntax ("or") and the excluded words ("-word").
	 */
	static Set<String> terms(String search) {
		var terms = new HashSet<String>();
		for (var token : search.split("\\s+")) {
			if (token.startsWith("-") || token.equalsIgnoreCase("or")) {
				continue;
			}
			var matcher = WORD.matcher(token);
			while (matcher.find()) {
				terms.add(fold(matcher.group()));
			}
		}
		return terms;
	}

	/**
	 * The passage of {@code text} for the terms, as plain and matching segments (shown
	 * escaped, never as HTML); empty when no term occurs.
	 */
	static List<LibrarySearch.Segment> passage(String text, Set<String> terms) {
		var wanted = terms.toArray(String[]::new);
		// Word boundaries and whether each matched, read in one pass that stops once the
		// windows are full: WINDOW words each, opening LEAD words before a match the
		// previous window did not hold. Words are scanned by hand: a regular expression
		// costs several times more per page.
		var starts = new int[64];
		var ends = new int[64];
		var matched = new boolean[64];
		var count = 0;
		var windows = new ArrayList<int[]>();
		var next = 0;
		var word = new StringBuilder(32);
		var start = -1;
		for (var i = 0; i <= text.length(); i++) {
			var c = (i < text.length()) ? text.charAt(i) : ' ';
			if (wordChar(c)) {
				if (start < 0) {
					start = i;
					word.setLength(0);
				}
				if (c < 0x300 || c > 0x36F) {
					word.append((c < FOLDED.length) ? FOLDED[c] : Character.toLowerCase(c));
				}
				continue;
			}
			if (start < 0) {
				continue;
			}
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
				ends = Arrays.copyOf(ends, count * 2);
				matched = Arrays.copyOf(matched, count * 2);
			}
			starts[count] = start;
			ends[count] = i;
			matched[count] = contains(wanted, word);
			if (matched[count] && count >= next && windows.size() < FRAGMENTS) {
				var from = Math.max(next, count - LEAD);
				windows.add(new int[] { from, from + WINDOW });
				next = from + WINDOW;
			}
			count++;
			start = -1;
			if (windows.size() == FRAGMENTS && count >= next) {
				break;
			}
		}
		var segments = new ArrayList<LibrarySearch.Segment>();
		for (var w = 0; w < windows.size(); w++) {
			if (w > 0) {
				plain(segments, " … ");
			}
			var from = windows.get(w)[0];
			var to = Math.min(count, windows.get(w)[1]);
			var at = starts[from];
			for (var k = from; k < to; k++) {
				if (!matched[k]) {
					continue;
				}
				// Matches side by side ("đảng viên") make one marked piece.
				var last = k;
				while (last + 1 < to && matched[last + 1] && text.substring(ends[last], starts[last + 1]).isBlank()) {
					last++;
				}
				plain(segments, text.substring(at, starts[k]));
				segments.add(new LibrarySearch.Segment(
						SPACES.matcher(text.substring(starts[k], ends[last])).replaceAll(" "), true));
				at = ends[last];
				k = last;
			}
			plain(segments, text.substring(at, ends[to - 1]));
		}
		return segments;
	}

	/** Whether the folded word is one of the terms, without making a string of it. */
	private static boolean contains(String[] terms, StringBuilder word) {
		var length = word.length();
		if (length == 0) {
			return false;
		}
		for (var term : terms) {
			if (term.length() != length || term.charAt(0) != word.charAt(0)) {
				continue;
			}
			var same = true;
			for (var c = 1; c < length && same; c++) {
				same = term.charAt(c) == word.charAt(c);
			}
			if (same) {
				return true;
			}
		}
		return false;
	}

	private static void plain(List<LibrarySearch.Segment> segments, String text) {
		var spaced = SPACES.matcher(text).replaceAll(" ");
		if (spaced.isEmpty()) {
			return;
		}
		if (!segments.isEmpty() && !segments.getLast().match()) {
			var last = segments.removeLast();
			segments.add(new LibrarySearch.Segment(last.text() + spaced, false));
		}
		else {
			segments.add(new LibrarySearch.Segment(spaced, false));
		}
	}

}
