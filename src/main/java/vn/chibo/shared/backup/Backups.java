package vn.chibo.shared.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Writes and restores backups (docs/operations.md): one zip holding a manifest (format,
 * the schema's version, each table's columns and rows, the sequences), every table of the
 * schema as PostgreSQL's COPY text, ordered by its key, parents before the tables that
 * refer to them, and the folders of files the modules keep ({@link BackedUpFolder}). The
 * tables are read in one repeatable-read transaction: a consistent picture while chibo
 * keeps working. A restore goes into a database of the same schema version that no one
 * has used yet (its audit trail is empty), all of it in one transaction, or nothing.
 */
@Service
public class Backups {

	/** The zip's first entry. */
	static final String MANIFEST = "chibo-backup.json";

	static final int FORMAT = 1;

	/**
	 * The tables a backup leaves out: Flyway's own and the sessions (people log in
	 * again).
	 */
	private static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "spring_session",
			"spring_session_attributes");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final List<BackedUpFolder> folders;

	private final Clock clock;

	Backups(DataSource dataSource, List<BackedUpFolder> folders, Clock clock) {
		this.dataSource = dataSource;
		this.folders = folders;
		this.clock = clock;
	}

	/** What a backup holds, written first in it. */
	public record Manifest(int format, String schemaVersion, OffsetDateTime takenAt, List<Table> tables,
			List<Sequence> sequences, List<String> folders) {

		public long rows() {
			return tables.stream().mapToLong(Table::rows).sum();
		}

	}

	/** A table as saved: its columns in the order of the data, and how many rows. */
	public record Table(String name, List<String> columns, long rows) {
	}

	/** A sequence's position. */
	public record Sequence(String name, long value, boolean called) {
	}

	/** A backup that cannot be restored here: what stands in the way. */
	public static class RestoreRefused extends RuntimeException {

		RestoreRefused(String message) {
			super(message);
		}

	}

	/** Writes a backup of the database and the folders to {@code out}, left open. */
	public Manifest write(OutputStream out) throws IOException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				var manifest = write(connection, out);
				connection.commit();
				return manifest;
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("Backup failed: " + ex.getMessage(), ex);
		}
	}

	private Manifest write(Connection connection, OutputStream out) throws SQLException, IOException {
		var tables = new ArrayList<Table>();
		for (var name : tablesInOrder(connection)) {
			tables.add(new Table(name, columns(connection, name), count(connection, name)));
		}
		var manifest = new Manifest(FORMAT, schemaVersion(connection), OffsetDateTime.now(clock), tables,
				sequences(connection), folders.stream().map(BackedUpFolder::name).toList());
		var zip = new ZipOutputStream(new FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				out.flush();
			}
		});
		// Fast compression: the tables' text shrinks well at the first level already, and
		// a nightly backup should not hold a core for long.
		zip.setLevel(Deflater.BEST_SPEED);
		zip.putNextEntry(new ZipEntry(MANIFEST));
		zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.closeEntry();
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (var table : tables) {
			zip.putNextEntry(new ZipEntry("tables/" + table.name() + ".copy"));
			var order = key(connection, table.name());
			var written = copy.copyOut("copy (select " + list(table.columns()) + " from " + quote(table.name())
					+ (order.isEmpty() ? "" : " order by " + list(order)) + ") to stdout", zip);
			zip.closeEntry();
			if (written != table.rows()) {
				throw new IllegalStateException("Rows of " + table.name() + " changed during the backup");
			}
		}
		for (var folder : folders) {
			if (!Files.isDirectory(folder.path())) {
				continue;
			}
			var files = new TreeSet<Path>();
			try (var walk = Files.walk(folder.path())) {
				walk.filter(Files::isRegularFile).forEach(files::add);
			}
			for (var file : files) {
				var relative = folder.path().relativize(file).toString().replace('\\', '/');
				zip.putNextEntry(new ZipEntry("files/" + folder.name() + "/" + relative));
				Files.copy(file, zip);
				zip.closeEntry();
			}
		}
		zip.finish();
		zip.close();
		return manifest;
	}

	/**
	 * Restores a backup into this database, which must be of the backup's schema version
	 * and unused; the folders must be empty. Answers the backup's manifest.
	 */
	public Manifest restore(InputStream in) throws IOException {
		var zip = new ZipInputStream(in);
		var first = zip.getNextEntry();
		if (first == null || !first.getName().equals(MANIFEST)) {
			throw new RestoreRefused("Not a chibo backup: it does not start with " + MANIFEST);
		}
		var manifest = JSON.readValue(zip.readNBytes(16 * 1024 * 1024), Manifest.class);
		if (manifest.format() != FORMAT) {
			throw new RestoreRefused("A backup of format " + manifest.format() + "; this chibo reads " + FORMAT);
		}
		var written = new ArrayList<Path>();
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				restore(connection, manifest, zip, written);
				connection.commit();
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				for (var file : written.reversed()) {
					Files.deleteIfExists(file);
				}
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IOException("Restore failed: " + ex.getMessage(), ex);
		}
		return manifest;
	}

	private void restore(Connection connection, Manifest manifest, ZipInputStream zip, List<Path> written)
			throws SQLException, IOException {
		var version = schemaVersion(connection);
		if (!version.equals(manifest.schemaVersion())) {
			throw new RestoreRefused("The backup is of schema version " + manifest.schemaVersion()
					+ ", this database is at " + version + ": restore with the chibo that took it");
		}
		try (var statement = connection.createStatement();
				var used = statement.executeQuery("select exists (select 1 from audit_event)")) {
			used.next();
			if (used.getBoolean(1)) {
				throw new RestoreRefused(
						"This database is in use (its audit trail has entries): restore into a new one");
			}
		}
		var present = new TreeSet<>(tablesInOrder(connection));
		var byName = new HashMap<String, Table>();
		for (var table : manifest.tables()) {
			if (!present.contains(table.name())) {
				throw new RestoreRefused("The backup has a table this database lacks: " + table.name());
			}
			byName.put(table.name(), table);
		}
		// What the migrations put in (reference data) gives way to the backup's copy.
		try (var statement = connection.createStatement()) {
			statement.execute("truncate " + list(List.copyOf(present)));
		}
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		var restored = new HashSet<String>();
		ZipEntry entry;
		while ((entry = zip.getNextEntry()) != null) {
			var name = entry.getName();
			if (name.startsWith("tables/") && name.endsWith(".copy")) {
				var table = byName.get(name.substring("tables/".length(), name.length() - ".copy".length()));
				if (table == null) {
					throw new RestoreRefused("The manifest does not name " + name);
				}
				try (var statement = connection.createStatement()) {
					// The backup holds the aggregates the triggers kept: copied as they
					// are.
					statement.execute("alter table " + quote(table.name()) + " disable trigger user");
					var rows = copy.copyIn(
							"copy " + quote(table.name()) + " (" + list(table.columns()) + ") from stdin",
							unclosed(zip));
					statement.execute("alter table " + quote(table.name()) + " enable trigger user");
					if (rows != table.rows()) {
						throw new RestoreRefused(
								table.name() + " holds " + rows + " rows, the manifest says " + table.rows());
					}
				}
				restored.add(table.name());
			}
			else if (name.startsWith("files/")) {
				written.add(restoreFile(name, zip));
			}
			else {
				throw new RestoreRefused("Not part of a chibo backup: " + name);
			}
		}
		for (var table : manifest.tables()) {
			if (!restored.contains(table.name())) {
				throw new RestoreRefused("The backup is cut short: " + table.name() + " is missing");
			}
		}
		try (var statement = connection.prepareStatement("select setval(cast(? as regclass), ?, ?)")) {
			for (var sequence : manifest.sequences()) {
				statement.setString(1, sequence.name());
				statement.setLong(2, sequence.value());
				statement.setBoolean(3, sequence.called());
				statement.execute();
			}
		}
	}

	private Path restoreFile(String name, ZipInputStream zip) throws IOException {
		var parts = name.split("/", 3);
		var folder = folders.stream()
			.filter((f) -> parts.length == 3 && f.name().equals(parts[1]))
			.findFirst()
			.orElseThrow(() -> new RestoreRefused("No folder here for " + name));
		var root = folder.path().toAbsolutePath().normalize();
		var target = root.resolve(parts[2]).normalize();
		if (!target.startsWith(root) || target.equals(root)) {
			throw new RestoreRefused("A file outside its folder: " + name);
		}
		if (Files.exists(target)) {
			throw new RestoreRefused("The folder " + root + " is not empty: " + target + " is there");
		}
		Files.createDirectories(target.getParent());
		Files.copy(zip, target);
		return target;
	}

	/** The schema's tables, each after the tables it refers to. */
	private static List<String> tablesInOrder(Connection connection) throws SQLException {
		var tables = new TreeSet<String>();
		try (var statement = connection.createStatement();
				var rows = statement
					.executeQuery("select tablename from pg_tables where schemaname = current_schema()")) {
			while (rows.next()) {
				if (!LEFT_OUT.contains(rows.getString(1))) {
					tables.add(rows.getString(1));
				}
			}
		}
		var parents = new TreeMap<String, Set<String>>();
		tables.forEach((t) -> parents.put(t, new TreeSet<>()));
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select child.relname, parent.relname from pg_constraint c
				join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
				join pg_namespace n on n.oid = c.connamespace
				where c.contype = 'f' and n.nspname = current_schema() and c.conrelid <> c.confrelid
				""")) {
			while (rows.next()) {
				if (tables.contains(rows.getString(1)) && tables.contains(rows.getString(2))) {
					parents.get(rows.getString(1)).add(rows.getString(2));
				}
			}
		}
		var ordered = new ArrayList<String>();
		var done = new HashSet<String>();
		var waiting = new ArrayDeque<>(tables);
		var stalled = 0;
		while (!waiting.isEmpty()) {
			var table = waiting.poll();
			if (done.containsAll(parents.get(table))) {
				ordered.add(table);
				done.add(table);
				stalled = 0;
			}
			else {
				waiting.add(table);
				if (++stalled > waiting.size()) {
					throw new IllegalStateException("Tables that refer to each other: " + waiting);
				}
			}
		}
		return ordered;
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		return names(connection, """
				select attname from pg_attribute where attrelid = cast(? as regclass) and attnum > 0
				and not attisdropped and attgenerated = '' order by attnum
				""", table);
	}

	/** The primary key's columns, in order; none for a table without one. */
	private static List<String> key(Connection connection, String table) throws SQLException {
		return names(connection, """
				select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid
				and a.attnum = any(i.indkey) where i.indrelid = cast(? as regclass) and i.indisprimary
				order by array_position(cast(i.indkey as int2[]), a.attnum)
				""", table);
	}

	/** The names a catalog query answers for a table. */
	private static List<String> names(Connection connection, String sql, String table) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			statement.setString(1, quote(table));
			var names = new ArrayList<String>();
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			return names;
		}
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("select count(*) from " + quote(table))) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static List<Sequence> sequences(Connection connection) throws SQLException {
		var sequences = new ArrayList<Sequence>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select sequencename, coalesce(last_value, start_value), last_value is not null from pg_sequences
				where schemaname = current_schema() order by sequencename
				""")) {
			while (rows.next()) {
				sequences.add(new Sequence(rows.getString(1), rows.getLong(2), rows.getBoolean(3)));
			}
		}
		return sequences;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select version from flyway_schema_history where success and version is not null
				order by installed_rank desc limit 1
				""")) {
			return rows.next() ? rows.getString(1) : "";
		}
	}

	private static String list(List<String> names) {
		var joined = new StringBuilder();
		for (var name : names) {
			joined.append((joined.length() > 0) ? ", " : "").append(quote(name));
		}
		return joined.toString();
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static InputStream unclosed(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public void close() {
				// the zip's next entry follows
			}
		};
	}

}
