package vn.chibo.library;

import java.util.ArrayList;
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

	static {
		for (var c = 0; c < FOLDED.length; c++) {
			var folded = VietnameseText.fold(String.valueOf((char) c));
			FOLDED[c] = (folded.length() == 1) ? folded.charAt(0) : (char) c;
		}
	}

	private Headlines() {
	}

	/** A letter, a digit or a mark of a word, as {@link #WORD} reads them. */
	private static boolean wordChar(char c) {
		if (c < 0x80) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
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
	static List<LibraryQueries.Segment> passage(String text, Set<String> terms) {
		var wanted = terms.toArray(String[]::new);
		var starts = new ArrayList<Integer>();
		var ends = new ArrayList<Integer>();
		var matched = new ArrayList<Boolean>();
		var any = false;
		// Words scanned by hand: a regular expression costs several times more per page.
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
			}
			else if (start >= 0) {
				starts.add(start);
				ends.add(i);
				var hit = contains(wanted, word);
				matched.add(hit);
				any |= hit;
				start = -1;
			}
		}
		if (!any) {
			return List.of();
		}
		// Windows of WINDOW words, each opening a little before a match the previous
		// window did not hold.
		var windows = new ArrayList<int[]>();
		var next = 0;
		while (windows.size() < FRAGMENTS) {
			var first = -1;
			for (var i = next; i < matched.size(); i++) {
				if (matched.get(i)) {
					first = i;
					break;
				}
			}
			if (first < 0) {
				break;
			}
			var from = Math.max(next, first - LEAD);
			var to = Math.min(matched.size(), from + WINDOW);
			windows.add(new int[] { from, to });
			next = to;
		}
		var segments = new ArrayList<LibraryQueries.Segment>();
		for (var w = 0; w < windows.size(); w++) {
			if (w > 0) {
				plain(segments, " … ");
			}
			var window = windows.get(w);
			var at = starts.get(window[0]);
			for (var i = window[0]; i < window[1]; i++) {
				if (matched.get(i)) {
					plain(segments, text.substring(at, starts.get(i)));
					segments.add(new LibraryQueries.Segment(text.substring(starts.get(i), ends.get(i)), true));
					at = ends.get(i);
				}
			}
			plain(segments, text.substring(at, ends.get(window[1] - 1)));
		}
		return segments;
	}

	/** Whether the folded word is one of the terms, without making a string of it. */
	private static boolean contains(String[] terms, CharSequence word) {
		for (var term : terms) {
			if (term.length() == word.length() && term.contentEquals(word)) {
				return true;
			}
		}
		return false;
	}

	private static void plain(List<LibraryQueries.Segment> segments, String text) {
		var spaced = SPACES.matcher(text).replaceAll(" ");
		if (spaced.isEmpty()) {
			return;
		}
		if (!segments.isEmpty() && !segments.getLast().match()) {
			var last = segments.removeLast();
			segments.add(new LibraryQueries.Segment(last.text() + spaced, false));
		}
		else {
			segments.add(new LibraryQueries.Segment(spaced, false));
		}
	}

}
