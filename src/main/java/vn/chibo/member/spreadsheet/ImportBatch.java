package vn.chibo.member.spreadsheet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A confirmed import as the import page lists it: what it added and updated, and whether
 * it was undone, by whom and when.
 */
public record ImportBatch(long id, String filename, String importedBy, Instant importedAt, int added, int updated,
		@Nullable String undoneBy, @Nullable Instant undoneAt) {

	public boolean undone() {
		return undoneAt != null;
	}

}
