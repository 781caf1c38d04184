package vn.chibo.news.text;

import java.util.Locale;

import vn.chibo.shared.text.VietnameseText;

/**
 * Readable addresses from Vietnamese titles: diacritics folded, {@code đ} → {@code d},
 * words joined by hyphens ("Chú trọng nâng cao chất lượng" →
 * "chu-trong-nang-cao-chat-luong").
 */
public final class Slugs {

	private Slugs() {
	}

	public static String of(String title) {
		var folded = VietnameseText.fold(title).toLowerCase(Locale.ROOT);
		var slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 80) {
			slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
		}
		return slug.isEmpty() ? "bai-viet" : slug;
	}

}
