package vn.chibo.shared.replica;

import org.jspecify.annotations.Nullable;

/**
 * Whether the request on this thread is a replica page, and where its reader's last write
 * ended: set for the request by {@link ReplicaPages}, read when a read-only transaction
 * takes its connection.
 */
final class ReadScope {

	/** A replica page whose reader has no write the replica must have. */
	private static final long NO_WRITE = -1;

	private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

	private ReadScope() {
	}

	static void open(@Nullable Long written) {
		CURRENT.set((written == null) ? NO_WRITE : written);
	}

	static void close() {
		CURRENT.remove();
	}

	static boolean open() {
		return CURRENT.get() != null;
	}

	/** The reader's last write, {@code null} if none; only inside a replica page. */
	static @Nullable Long written() {
		var written = CURRENT.get();
		return (written == null || written == NO_WRITE) ? null : written;
	}

}
