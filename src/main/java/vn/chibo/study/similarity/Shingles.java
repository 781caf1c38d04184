package vn.chibo.study.similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.chibo.shared.text.VietnameseText;
import vn.chibo.study.Reflections;

/**
 * A text as runs of {@link #SIZE} words (shingles), compared without diacritics, case or
 * punctuation: the share of one text's shingles found in another says how much of it was
 * copied, and the words those shingles cover are the overlapping passages. Six words: a
 * stock phrase ("tư tưởng, đạo đức, phong cách Hồ Chí Minh") is shared by honest texts on
 * the same topic, a copied sentence is not.
 */
public final class Shingles {

	static final int SIZE = 6;

	/**
	 * Reflections sharing at least this much of their shingles with another text are
	 * flagged to the grader [R: our threshold; an honest text shares under a tenth].
	 */
	public static final double FLAG = 0.4;

	/** Shares below this are not kept at all. */
	public static final double FLOOR = 0.1;

	/** At most this many words of a studied document are compared. */
	public static final int MAX_WORDS = 200_000;

	private static final Pattern WHITE = Pattern.compile("\\s+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * The words of a text as typed, and for those that hold a letter or a digit their
	 * folded form and where they stand.
	 */
	public record Words(List<String> tokens, List<Integer> positions, List<String> folded) {

		public long[] hashes() {
			var count = Math.max(0, folded.size() - SIZE + 1);
			var hashes = new long[count];
			for (var i = 0; i < count; i++) {
				hashes[i] = hash(folded.subList(i, i + SIZE));
			}
			return hashes;
		}

		/**
		 * The text in runs, marking the words covered by a shingle that {@code other}
		 * holds.
		 */
		public List<Segment> marked(Set<Long> other) {
			var covered = new boolean[tokens.size()];
			var hashes = hashes();
			for (var i = 0; i < hashes.length; i++) {
				if (other.contains(hashes[i])) {
					for (var j = i; j < i + SIZE; j++) {
						covered[positions.get(j)] = true;
					}
				}
			}
			var segments = new ArrayList<Segment>();
			var run = new StringBuilder();
			var match = false;
			for (var i = 0; i < tokens.size(); i++) {
				if (i > 0 && covered[i] != match) {
					segments.add(new Segment(run.toString(), match));
					run.setLength(0);
				}
				if (!run.isEmpty()) {
					run.append(' ');
				}
				match = covered[i];
				run.append(tokens.get(i));
			}
			if (!run.isEmpty()) {
				segments.add(new Segment(run.toString(), match));
			}
			return segments;
		}

	}

	/** A run of words, marked when it overlaps the other text. */
	public record Segment(String text, boolean match) {
	}

	private Shingles() {
	}

	public static Words words(String text) {
		return words(text, Integer.MAX_VALUE);
	}

	public static Words words(String text, int maxWords) {
		var tokens = new ArrayList<String>();
		var positions = new ArrayList<Integer>();
		var folded = new ArrayList<String>();
		for (var token : WHITE.split(text.strip())) {
			if (token.isEmpty() || tokens.size() >= maxWords) {
				continue;
			}
			var word = NOT_WORD.matcher(VietnameseText.fold(token)).replaceAll("");
			if (!word.isEmpty()) {
				positions.add(tokens.size());
				folded.add(word);
			}
			tokens.add(token);
		}
		return new Words(tokens, positions, folded);
	}

	public static Set<Long> set(long[] hashes) {
		var set = new HashSet<Long>(hashes.length * 2);
		for (var hash : hashes) {
			set.add(hash);
		}
		return set;
	}

	/** The share of {@code mine} found in {@code other}; 0 for a text too short. */
	public static double share(long[] mine, Set<Long> other) {
		if (mine.length == 0) {
			return 0;
		}
		var found = 0;
		for (var hash : mine) {
			if (other.contains(hash)) {
				found++;
			}
		}
		return (double) found / mine.length;
	}

	/**
	 * FNV-1a over the folded words, 64 bits: collisions among a session's texts are
	 * negligible.
	 */
	private static long hash(List<String> words) {
		var hash = 0xcbf29ce484222325L;
		for (var word : words) {
			for (var i = 0; i < word.length(); i++) {
				hash ^= word.charAt(i);
				hash *= 0x100000001b3L;
			}
			hash ^= ' ';
			hash *= 0x100000001b3L;
		}
		return hash;
	}

}
