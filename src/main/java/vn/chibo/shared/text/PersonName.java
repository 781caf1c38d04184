package vn.chibo.shared.text;

import java.util.Arrays;
import java.util.Comparator;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * A Vietnamese full name split as the lists need it: the first word is the family name
 * (họ), the last the given name (tên), the rest the middle name (tên đệm). Lists sort by
 * given name, then middle, then family, each compared by the Vietnamese collation
 * (docs/domain.md §18: ICU {@code vi}; letters decide across the whole syllable, tone
 * marks only break ties).
 */
public record PersonName(String full, String family, String middle, String given) {

	// ICU collators are not thread-safe until frozen; a frozen one is.
	private static final Collator COLLATOR = vietnameseCollator();

	/** Names of things (committees, branches) in Vietnamese alphabetical order. */
	public static final Comparator<String> TEXT_ORDER = COLLATOR::compare;

	public static final Comparator<PersonName> LIST_ORDER = Comparator.comparing(PersonName::given, COLLATOR::compare)
		.thenComparing(PersonName::middle, COLLATOR::compare)
		.thenComparing(PersonName::family, COLLATOR::compare);

	public static PersonName parse(String fullName) {
		var cleaned = VietnameseText.clean(fullName);
		if (cleaned == null || cleaned.isEmpty()) {
			throw new IllegalArgumentException("empty name");
		}
		var words = cleaned.split(" ");
		if (words.length == 1) {
			return new PersonName(cleaned, "", "", cleaned);
		}
		var middle = String.join(" ", Arrays.copyOfRange(words, 1, words.length - 1));
		return new PersonName(cleaned, words[0], middle, words[words.length - 1]);
	}

	/**
	 * Collation key of one name part: byte order of the keys is the Vietnamese order of
	 * the parts.
	 */
	public static byte[] sortKey(String part) {
		return COLLATOR.getCollationKey(part).toByteArray();
	}

	private static Collator vietnameseCollator() {
		var collator = Collator.getInstance(new ULocale("vi"));
		collator.setStrength(Collator.TERTIARY);
		return collator.freeze();
	}

}
