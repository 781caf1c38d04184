package vn.chibo.member.spreadsheet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberForm;

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

	/** One field an update changes, as the preview shows it. */
	public record Change(String field, String before, String after) {
	}

	/**
	 * One row as it will be written: a new member ({@code memberId} null) or an update of
	 * an existing one with the fields it changes; an update that changes nothing is left
	 * out of the writing.
	 */
	public record Planned(int row, @Nullable Long memberId, String fullName, MemberForm form,
			@Nullable MemberForm before, List<Change> changes) {

		public boolean added() {
			return memberId == null;
		}

		public boolean unchanged() {
			return memberId != null && changes.isEmpty();
		}

	}

	private final UUID id = UUID.randomUUID();

	private final long userId;

	private final String filename;

	private final boolean updatesExisting;

	private final Instant startedAt = Instant.now();

	private final List<RowError> errors = new CopyOnWriteArrayList<>();

	private volatile Stage stage = Stage.READING;

	private volatile int total;

	private volatile int processed;

	private volatile int imported;

	private volatile @Nullable Long batchId;

	ImportJob(long userId, String filename, boolean updatesExisting) {
		this.userId = userId;
		this.filename = filename;
		this.updatesExisting = updatesExisting;
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

	/** Rows matching an existing member by card or citizen ID update it. */
	public boolean updatesExisting() {
		return updatesExisting;
	}

	/** The batch the import was written as, once done: what "undo" takes back. */
	public @Nullable Long batchId() {
		return batchId;
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

	/** The rows checked valid, in file order: written once confirmed. */
	private volatile List<Planned> planned = List.of();

	void plan(List<Planned> rows) {
		this.planned = List.copyOf(rows);
	}

	void ready(List<Planned> rows) {
		plan(rows);
		this.total = rows.size();
		this.stage = Stage.READY;
	}

	/** The rows checked valid so far (all of them once READY). */
	public List<Planned> planned() {
		return planned;
	}

	public List<Planned> additions() {
		return planned.stream().filter(Planned::added).toList();
	}

	public List<Planned> updates() {
		return planned.stream().filter((p) -> !p.added() && !p.unchanged()).toList();
	}

	public long unchanged() {
		return planned.stream().filter(Planned::unchanged).count();
	}

	/** Rows of the file refused, each with at least one error. */
	public long refused() {
		return errors.stream().mapToInt(RowError::row).filter((row) -> row > 0).distinct().count();
	}

	/** What a confirmation writes: additions and updates that change something. */
	List<Planned> toWrite() {
		return planned.stream().filter((p) -> !p.unchanged()).toList();
	}

	/** Moves a checked import on to saving, once: a second confirmation finds it gone. */
	synchronized boolean claim() {
		if (stage != Stage.READY) {
			return false;
		}
		stage(Stage.SAVING, toWrite().size());
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

	void finish(int imported, @Nullable Long batchId) {
		this.imported = imported;
		this.batchId = batchId;
		this.stage = errors.isEmpty() ? Stage.DONE : Stage.INVALID;
	}

	void invalid() {
		this.stage = Stage.INVALID;
	}

}
