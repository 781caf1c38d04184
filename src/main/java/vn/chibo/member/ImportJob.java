package vn.chibo.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One import of a member spreadsheet as it runs in the background: what it is doing, how
 * far it is, and the row errors it found. Nothing is written unless every row is valid.
 */
public final class ImportJob {

	public enum Stage {

		/**
		 * READY: every row checked and valid, nothing written until the user confirms.
		 */
		READING, CHECKING, READY, SAVING, DONE, INVALID

	}

	/** A problem with one cell or row; row 0 is the file as a whole. */
	public record RowError(int row, String column, String message) {
	}

	private final UUID id = UUID.randomUUID();

	private final long userId;

	private final String filename;

	private final Instant startedAt = Instant.now();

	private final List<RowError> errors = new CopyOnWriteArrayList<>();

	private volatile Stage stage = Stage.READING;

	private volatile int total;

	private volatile int processed;

	private volatile int imported;

	ImportJob(long userId, String filename) {
		this.userId = userId;
		this.filename = filename;
	}

	public UUID id() {
		return id;
	}

	long userId() {
		return userId;
	}

	public String filename() {
		return filename;
	}

	Instant startedAt() {
		return startedAt;
	}

	public Stage stage() {
		return stage;
	}

	public int total() {
		return total;
	}

	public int processed() {
		return processed;
	}

	public int imported() {
		return imported;
	}

	public List<RowError> errors() {
		return List.copyOf(errors);
	}

	public boolean finished() {
		return stage == Stage.DONE || stage == Stage.INVALID;
	}

	/** Nothing runs: finished, or checked and waiting for the user's confirmation. */
	public boolean idle() {
		return finished() || stage == Stage.READY;
	}

	/** The rows to write once confirmed, by row number. */
	private volatile java.util.List<java.util.Map.Entry<Integer, MemberForm>> pending = java.util.List.of();

	void ready(java.util.List<java.util.Map.Entry<Integer, MemberForm>> rows) {
		this.pending = java.util.List.copyOf(rows);
		this.total = rows.size();
		this.stage = Stage.READY;
	}

	java.util.List<java.util.Map.Entry<Integer, MemberForm>> pending() {
		return pending;
	}

	/** Moves a checked import on to saving, once: a second confirmation finds it gone. */
	synchronized boolean claim() {
		if (stage != Stage.READY) {
			return false;
		}
		stage(Stage.SAVING, pending.size());
		return true;
	}

	/** Progress over both passes (checking, then saving) in percent. */
	public int percent() {
		if (stage == Stage.DONE) {
			return 100;
		}
		if (total == 0) {
			return 0;
		}
		var done = (stage == Stage.SAVING) ? total + processed : processed;
		return (int) Math.min(99, 100L * done / (2L * total));
	}

	void stage(Stage stage, int total) {
		this.total = total;
		this.processed = 0;
		this.stage = stage;
	}

	void progressed() {
		processed++;
	}

	void error(int row, String column, String message) {
		errors.add(new RowError(row, column, message));
	}

	void finish(int imported) {
		this.imported = imported;
		this.stage = errors.isEmpty() ? Stage.DONE : Stage.INVALID;
	}

	void invalid() {
		this.stage = Stage.INVALID;
	}

}
