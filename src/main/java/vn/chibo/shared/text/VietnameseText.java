package vn.chibo.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Vietnamese text on its way in and for search. Input arrives as NFC or NFD (macOS, some
 * IMEs); it is stored as NFC, and search compares the folded form: no diacritics,
 * {@code đ} as {@code d}, lower case.
 */
public final class VietnameseText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private VietnameseText() {
	}

	/**
	 * NFC with runs of white space collapsed and the ends trimmed; {@code null} stays
	 * {@code null}.
	 */
	public static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
	}

	/** Like {@link #clean}, but blank becomes {@code null}. */
	public static @Nullable String cleanOrNull(@Nullable String text) {
		var cleaned = clean(text);
		return (cleaned == null || cleaned.isEmpty()) ? null : cleaned;
	}

	/**
	 * Multi-line text as typed in a text area: NFC, line ends unified, spaces at line
	 * ends and blank lines at both ends dropped, paragraphs kept; blank becomes
	 * {@code null}.
	 */
	public static @Nullable String paragraphs(@Nullable String text) {
		if (text == null) {
			return null;
		}
		var lines = Normalizer.normalize(text, Normalizer.Form.NFC).split("\\R", -1);
		var out = new StringBuilder();
		for (var line : lines) {
			out.append(line.stripTrailing()).append('\n');
		}
		var result = out.toString().strip();
		return result.isEmpty() ? null : result;
	}

	/**
	 * The search form: "Nguyễn Văn Ân" and "NGUYEN VAN AN" both fold to "nguyen van an".
	 */
	public static String fold(@Nullable String text) {
		if (text == null) {
			return "";
		}
		var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		var stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
		stripped = stripped.replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

}
