package vn.chibo.meeting;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A meeting document as its list shows it (without its content). */
public record DocumentRow(long id, DocumentKind kind, String fileName, String contentType, int sizeBytes,
		@Nullable OffsetDateTime sharedAt, String uploadedBy, OffsetDateTime uploadedAt) {

	public boolean shared() {
		return sharedAt != null;
	}

	/** Size in kB, at least 1. */
	public long kilobytes() {
		return Math.max(1, (sizeBytes + 1023) / 1024);
	}

}
