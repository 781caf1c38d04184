package vn.chibo.shared.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A streaming replica of the tests' embedded PostgreSQL, made as an operator makes one
 * (docs/operations.md, "A read replica") but without {@code pg_basebackup}, which the
 * embedded binaries lack: a physical replication slot, a copy of the data folder between
 * {@code pg_backup_start} and {@code pg_backup_stop}, {@code standby.signal} and the
 * primary's address; then started from the same binaries.
 */
public final class TestStandby implements AutoCloseable {

	private static final String SLOT = "chibo_test_standby";

	/** What a copy of a running server's folder leaves out (as pg_basebackup does). */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"standby.signal", "backup_label");

	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "log");

	private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private final EmbeddedDatabase primary;

	private final EmbeddedPostgres server;

	private final Path dataDir;

	private TestStandby(EmbeddedDatabase primary, EmbeddedPostgres server, Path dataDir) {
		this.primary = primary;
		this.server = server;
		this.dataDir = dataDir;
	}

	/** A standby of {@code primary}, whose data folder is {@code primaryDataDir}. */
	public static TestStandby of(EmbeddedDatabase primary, Path primaryDataDir) throws IOException, SQLException {
		var superuserPassword = EmbeddedServer.Credentials.load(EmbeddedServer.Credentials.file(primaryDataDir))
			.superuserPassword();
		var admin = primary.server().getPostgresDatabase();
		Files.writeString(primaryDataDir.resolve("pg_hba.conf"), """
				host replication postgres 127.0.0.1/32 scram-sha-256
				host replication postgres ::1/128 scram-sha-256
				""", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		execute(admin, "select pg_reload_conf()");
		execute(admin, "select pg_create_physical_replication_slot('" + SLOT + "', true)");
		var copy = primaryDataDir.resolveSibling("standby");
		delete(copy);
		try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
			statement.execute("select pg_backup_start('chibo test standby', true)");
			copyFolder(primaryDataDir, copy);
			try (var result = statement.executeQuery("select labelfile from pg_backup_stop(false)")) {
				result.next();
				Files.writeString(copy.resolve("backup_label"), result.getString(1), StandardCharsets.UTF_8);
			}
		}
		Files.createDirectories(copy.resolve("pg_wal/archive_status"), OWNER_ONLY);
		Files.createFile(copy.resolve("standby.signal"));
		Files.writeString(copy.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=127.0.0.1 port=%d user=postgres password=%s application_name=chibo_test'
				primary_slot_name = '%s'
				hot_standby = on
				""".formatted(primary.port(), superuserPassword, SLOT), StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
		var server = EmbeddedPostgres.builder()
			.setDataDirectory(copy.toFile())
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setOverrideWorkingDirectory(primaryDataDir.toAbsolutePath().getParent().resolve("pg-binaries").toFile())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setServerConfig("listen_addresses", "localhost")
			.setConnectConfig("password", superuserPassword)
			.start();
		return new TestStandby(primary, server, copy);
	}

	/** chibo's database there, as chibo's role reaches it. */
	public String jdbcUrl() {
		return primary.jdbcUrl().replace(":" + primary.port() + "/", ":" + server.getPort() + "/");
	}

	/** Stops replaying what the primary sends (it still receives it). */
	public void pause() throws SQLException {
		execute(server.getPostgresDatabase(), "select pg_wal_replay_pause()");
	}

	public void resume() throws SQLException {
		execute(server.getPostgresDatabase(), "select pg_wal_replay_resume()");
	}

	@Override
	public void close() throws IOException, SQLException {
		server.close();
		execute(primary.server().getPostgresDatabase(), "select pg_drop_replication_slot('" + SLOT + "')");
		delete(dataDir);
	}

	private static void copyFolder(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				// The server starts only on a folder its owner alone may enter.
				Files.createDirectories(to.resolve(from.relativize(dir).toString()), OWNER_ONLY);
				return (dir.equals(from) || !EMPTIED.contains(dir.getFileName().toString())) ? FileVisitResult.CONTINUE
						: FileVisitResult.SKIP_SUBTREE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!LEFT_OUT.contains(file.getFileName().toString())) {
					try {
						Files.copy(file, to.resolve(from.relativize(file).toString()),
								StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (NoSuchFileException ex) {
						// Gone while copied (a temporary file): the log replays what
						// matters.
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (var walk = Files.walk(folder)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
