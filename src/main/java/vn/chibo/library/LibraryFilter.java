package vn.chibo.library;

import org.jspecify.annotations.Nullable;

/**
 * A search of the library: words (without diacritics, or a document's number), issuer,
 * kind, year issued, in force only; and the page of results.
 */
public record LibraryFilter(@Nullable String q, @Nullable String issuer, @Nullable DocumentKind kind,
		@Nullable Integer year, @Nullable Boolean inForce, @Nullable Integer page) {

	public static LibraryFilter all() {
		return new LibraryFilter(null, null, null, null, false, null);
	}

	public static LibraryFilter search(String q) {
		return new LibraryFilter(q, null, null, null, false, null);
	}

	public boolean inForceOnly() {
		return Boolean.TRUE.equals(inForce);
	}

	/** The page asked for, from 0, within bounds. */
	public int pageNumber() {
		return (page == null) ? 0 : Math.max(0, Math.min(page, 10_000));
	}

}
