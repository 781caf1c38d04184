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

	public static int clampSize(int size) {
		return Math.clamp(size, 1, 200);
	}

}
