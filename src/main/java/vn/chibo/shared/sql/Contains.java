package vn.chibo.shared.sql;

import java.util.regex.Pattern;

/**
 * A condition that a folded text column contains the folded words of a search, written so
 * that its plan does not depend on the words (docs/scale.md, "Searching one committee").
 * The text indexes are trigram indexes led by the committee key: words with three letters
 * or digits in a row are looked up in the committee's part of the index. Shorter words
 * ("an", a given name) give the index nothing to look up, and a plan cached for any words
 * would then read every entry of the index — every committee's — to find one committee's
 * rows. Such words are matched with {@code strpos}, which no index serves, so the
 * committee's rows are read through its own B-tree indexes.
 *
 * @param sql the condition, naming the parameter
 * @param value the parameter's value
 */
public record Contains(String sql, String value) {

	private static final Pattern THREE_IN_A_ROW = Pattern.compile("[\\p{L}\\p{N}]{3}");

	/**
	 * The condition that {@code column} contains {@code folded}, bound as
	 * {@code :parameter}; both names are the caller's constants, never input.
	 */
	public static Contains of(String column, String parameter, String folded) {
		if (THREE_IN_A_ROW.matcher(folded).find()) {
			return new Contains(column + " like :" + parameter, "%" + escaped(folded) + "%");
		}
		return new Contains("strpos(" + column + ", :" + parameter + ") > 0", folded);
	}

	/** The words as a literal part of a {@code like} pattern. */
	private static String escaped(String words) {
		return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
