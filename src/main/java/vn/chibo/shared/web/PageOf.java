package vn.chibo.shared.web;

import java.util.List;

/** One page of a list with the total, as screens and the API return it. */
public record PageOf<T>(List<T> items, long total, int page, int size) {

	public int totalPages() {
		return (size == 0) ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	/**
	 * The page of a list held in memory, the page asked for moved to the nearest there
	 * is.
	 */
	public static <T> PageOf<T> of(List<T> all, int page, int size) {
		var shown = Math.clamp(page, 0, Math.max(0, (all.size() - 1) / size));
		return new PageOf<>(all.subList(shown * size, Math.min(all.size(), (shown + 1) * size)), all.size(), shown,
				size);
	}

	public static int clampSize(int size) {
		return Math.clamp(size, 1, 200);
	}

	/**
	 * A page number asked for, from 0 to 10,000: a negative or huge one is not an offset
	 * the database has to count up to.
	 */
	public static int clampPage(int page) {
		return Math.clamp(page, 0, 10_000);
	}

}
