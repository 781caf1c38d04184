package vn.chibo.shared.files;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

/**
 * What every upload does with the file it is given: a clean name (no path, at most 200
 * characters) and a type judged by the first bytes.
 */
public final class UploadedFiles {

	public static final String PDF = "application/pdf";

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private UploadedFiles() {
	}

	/** The name as sent, without any path, at most 200 characters; required. */
	public static String cleanName(@Nullable String fileName, String field) {
		var name = VietnameseText.cleanOrNull(fileName);
		if (name == null) {
			throw new BusinessRuleException(field, "document.file.required");
		}
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.isBlank()) {
			throw new BusinessRuleException(field, "document.file.required");
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	/**
	 * The type of a document judged by its first bytes, never by its name alone: PDF,
	 * Office files (OOXML and the older binary format, OpenDocument), PNG and JPEG.
	 */
	public static @Nullable String sniff(byte[] content, String name) {
		var lower = name.toLowerCase(Locale.ROOT);
		if (startsWith(content, 0x25, 0x50, 0x44, 0x46)) {
			return PDF;
		}
		if (startsWith(content, 0x89, 0x50, 0x4E, 0x47)) {
			return "image/png";
		}
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
			return lower.endsWith(".xls") ? "application/vnd.ms-excel" : "application/msword";
		}
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
			if (lower.endsWith(".docx")) {
				return DOCX;
			}
			if (lower.endsWith(".xlsx")) {
				return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			}
			if (lower.endsWith(".pptx")) {
				return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
			}
			if (lower.endsWith(".odt")) {
				return "application/vnd.oasis.opendocument.text";
			}
		}
		return null;
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (var i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
