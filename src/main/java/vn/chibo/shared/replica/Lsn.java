package vn.chibo.shared.replica;

/**
 * A position in PostgreSQL's write-ahead log: written {@code 16/B374D848} by the server,
 * kept as the one number it stands for.
 */
final class Lsn {

	private Lsn() {
	}

	static long parse(String text) {
		var slash = text.indexOf('/');
		if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
			throw new IllegalArgumentException("Not a log position: " + text);
		}
		return (Long.parseLong(text, 0, slash, 16) << 32) | Long.parseLong(text, slash + 1, text.length(), 16);
	}

}
