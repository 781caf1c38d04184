package vn.chibo.library;

/**
 * The text of a PDF or DOCX that another record keeps (a member's reflection), read as
 * the library reads its files: bounded in pages and characters, two files at a time, an
 * unreadable file refused by name on the field {@code file}.
 */
public final class DocumentText {

	private DocumentText() {
	}

	public static String read(byte[] content, String contentType, String name) {
		return String.join("\n", TextExtraction.pages(content, contentType, name));
	}

}
