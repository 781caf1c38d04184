package vn.chibo.meeting.support;

import org.jspecify.annotations.Nullable;

import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * Text typed into a meeting's record, cleaned (NFC, no control characters) and held to a
 * length; too long is refused naming the field.
 */
public final class MeetingText {

	private MeetingText() {
	}

	/** Paragraphs, at most {@code max} characters. */
	public static @Nullable String text(@Nullable String value, String field, int max) {
		var text = VietnameseText.paragraphs(value);
		if (text != null && text.length() > max) {
			throw new BusinessRuleException(field, "meeting.text.max", max);
		}
		return text;
	}

	/** A name or a line, at most {@code max} characters. */
	public static @Nullable String line(@Nullable String value, String field, int max) {
		var line = VietnameseText.cleanOrNull(value);
		if (line != null && line.length() > max) {
			throw new BusinessRuleException(field, "meeting.text.max", max);
		}
		return line;
	}

}
