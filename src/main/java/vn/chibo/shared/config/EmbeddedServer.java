package vn.chibo.shared.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL so that it keeps a committee's records as safely as a
 * server of its own would (README "Running in production"):
 * <ul>
 * <li>durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on
 * (the embedded library switches the first two off for speed);</li>
 * <li>passwords only: the superuser and chibo's own role have generated passwords kept in
 * a file beside the data folder, readable by its owner alone, and {@code pg_hba.conf}
 * asks every connection for one (the library's {@code trust} lets any local user in as
 * superuser);</li>
 * <li>chibo connects as role {@code chibo}, owner of its database, not a superuser;</li>
 * <li>a server left running by a chibo that was killed ({@code kill -9}) still holds the
 * data folder: it is shut down before the new start instead of failing it.</li>
 * </ul>
 */
final class EmbeddedServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	static final String APP_ROLE = "chibo";

	private static final String HBA = """
			# Written by chibo at every start: every connection needs its password (scram-sha-256).
			local all all scram-sha-256
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private EmbeddedServer() {
	}

	/** The credentials kept beside the data folder. */
	record Credentials(String superuserPassword, String appPassword, String database, boolean secured) {

		static Path file(Path dataDir) {
			return dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".credentials");
		}

		static Credentials load(Path file) throws IOException {
			var properties = new Properties();
			try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(in);
			}
			return new Credentials(properties.getProperty("superuser.password"), properties.getProperty("app.password"),
					properties.getProperty("database", APP_ROLE),
					Boolean.parseBoolean(properties.getProperty("secured")));
		}

		static Credentials fresh() {
			return new Credentials(secret(), secret(), APP_ROLE, false);
		}

		Credentials secured(String database) {
			return new Credentials(superuserPassword, appPassword, database, true);
		}

		void save(Path file) throws IOException {
			var properties = new Properties();
			properties.setProperty("superuser.password", superuserPassword);
			properties.setProperty("app.user", APP_ROLE);
			properties.setProperty("app.password", appPassword);
			properties.setProperty("database", database);
			properties.setProperty("secured", String.valueOf(secured));
			var written = file.resolveSibling(file.getFileName() + ".new");
			Files.deleteIfExists(written);
			Files.createFile(written,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (var out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
				properties.store(out, "The embedded PostgreSQL's passwords (chibo); keep with the data folder");
			}
			Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}

		private static String secret() {
			var bytes = new byte[24];
			new SecureRandom().nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

	/**
	 * Starts the server on {@code dataDir} ({@code clean}: from an empty folder);
	 * {@code durable} false only for throw-away test databases.
	 */
	static EmbeddedDatabase start(Path dataDir, boolean clean, boolean durable) {
		var file = Credentials.file(dataDir);
		try {
			stopOrphan(dataDir);
			var binaries = dataDir.toAbsolutePath().getParent().resolve("pg-binaries");
			Files.createDirectories(binaries);
			var credentials = credentials(dataDir, clean);
			var secured = credentials.secured();
			var on = durable ? "on" : "off";
			log.info("Starting embedded PostgreSQL with data in {}", dataDir.toAbsolutePath());
			var server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir.toFile())
				.setCleanDataDirectory(clean)
				// Whoever starts it stops it: the application after its contexts have
				// closed.
				.setRegisterShutdownHook(false)
				.setOverrideWorkingDirectory(new File(binaries.toString()))
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("timezone", "Asia/Ho_Chi_Minh")
				.setServerConfig("max_connections", "100")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("fsync", on)
				.setServerConfig("synchronous_commit", on)
				.setServerConfig("full_page_writes", on)
				// Its own log in <data>/log, a file a weekday, each overwritten a week
				// later, as a server keeps one (docs/operations.md): what it writes
				// after starting (a crash's recovery, a refused connection, a slow
				// checkpoint) would otherwise be lost.
				.setServerConfig("logging_collector", "on")
				.setServerConfig("log_directory", "log")
				.setServerConfig("log_filename", "postgresql-%a.log")
				.setServerConfig("log_truncate_on_rotation", "on")
				.setServerConfig("log_rotation_age", "1d")
				.setServerConfig("log_rotation_size", "0")
				.setConnectConfig("password", credentials.superuserPassword())
				// Before every start but the first, which has no passwords yet.
				.setDataDirectoryCustomizer((dir) -> {
					if (secured) {
						writeHba(dir.toPath());
					}
				})
				.start();
			if (!secured) {
				credentials = secure(server, credentials);
				credentials.save(file);
				writeHba(dataDir);
				execute(server.getPostgresDatabase(), "select pg_reload_conf()");
			}
			var url = "jdbc:postgresql://localhost:%d/%s".formatted(server.getPort(), credentials.database());
			return new EmbeddedDatabase(server, url, APP_ROLE, credentials.appPassword());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	/**
	 * The passwords to start with: those kept beside the data folder, or new ones (saved)
	 * for a clean start, a first start, or a data folder deleted while its passwords were
	 * kept — they belonged to a database that is gone, and the new one would refuse its
	 * own first connection (docs/operations.md, "Starting again").
	 */
	static Credentials credentials(Path dataDir, boolean clean) throws IOException {
		var file = Credentials.file(dataDir);
		if (clean) {
			Files.deleteIfExists(file);
		}
		else if (!Files.exists(dataDir.resolve("PG_VERSION")) && Files.deleteIfExists(file)) {
			log.warn("No database in {}: the passwords kept for an earlier one are replaced", dataDir);
		}
		if (Files.exists(file)) {
			return Credentials.load(file);
		}
		var fresh = Credentials.fresh();
		fresh.save(file);
		return fresh;
	}

	/**
	 * Another database of chibo's role on the same server, created empty the first time:
	 * a test context that starts only some modules migrates its own schema there.
	 */
	static EmbeddedDatabase other(EmbeddedDatabase database, String name) {
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Not a database name: " + name);
		}
		var admin = database.server().getPostgresDatabase();
		if (!Boolean.TRUE
			.equals(query(admin, "select exists (select from pg_database where datname = '" + name + "')"))) {
			execute(admin, "create database " + name + " owner " + APP_ROLE + " encoding 'UTF8'");
		}
		var url = "jdbc:postgresql://localhost:%d/%s".formatted(database.port(), name);
		return new EmbeddedDatabase(database.server(), url, database.username(), database.password());
	}

	/**
	 * Gives the superuser its password and creates chibo's own role, owner of its
	 * database. A data folder from before (its tables in database {@code postgres}, owned
	 * by the superuser) is kept where it is and handed to chibo's role.
	 */
	private static Credentials secure(EmbeddedPostgres server, Credentials credentials) {
		var admin = server.getPostgresDatabase();
		execute(admin, "alter role postgres password '" + credentials.superuserPassword() + "'");
		execute(admin, """
				do $$ begin
				if exists (select from pg_roles where rolname = '%1$s') then
					alter role %1$s login nosuperuser nocreatedb nocreaterole password '%2$s';
				else
					create role %1$s login nosuperuser nocreatedb nocreaterole password '%2$s';
				end if; end $$
				""".formatted(APP_ROLE, credentials.appPassword()));
		var earlier = Boolean.TRUE
			.equals(query(admin, "select to_regclass('public.flyway_schema_history') is not null"));
		if (earlier) {
			log.info("Handing the existing chibo tables in database postgres to role {}", APP_ROLE);
			execute(admin,
					"""
							do $$ declare r record; begin
							execute 'alter schema public owner to %1$s';
							for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
								where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') loop
								execute format('alter table %%s owner to %1$s', r.name);
							end loop;
							for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
								where n.nspname = 'public' and c.relkind = 'S' and not exists (select from pg_depend d
								where d.objid = c.oid and d.deptype in ('a', 'i')) loop
								execute format('alter sequence %%s owner to %1$s', r.name);
							end loop;
							for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
								where n.nspname = 'public' and not exists (select from pg_depend d
								where d.objid = p.oid and d.deptype = 'e') loop
								execute format('alter routine %%s owner to %1$s', r.name);
							end loop;
							end $$
							"""
						.formatted(APP_ROLE));
			return credentials.secured("postgres");
		}
		if (!Boolean.TRUE
			.equals(query(admin, "select exists (select from pg_database where datname = '" + APP_ROLE + "')"))) {
			execute(admin, "create database " + APP_ROLE + " owner " + APP_ROLE + " encoding 'UTF8'");
		}
		return credentials.secured(APP_ROLE);
	}

	/**
	 * A PostgreSQL still running on this data folder — its chibo was killed before it
	 * could stop it — is asked to shut down (and stopped if it will not), so that the
	 * start that follows finds the folder free.
	 */
	static void stopOrphan(Path dataDir) throws IOException {
		var pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
		}
		catch (RuntimeException ex) {
			return;
		}
		var process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((p) -> p.info().command().map((c) -> c.endsWith("postgres")).orElse(false));
		if (process.isEmpty()) {
			return;
		}
		log.warn("A PostgreSQL (pid {}) left running on {} by an earlier chibo is shut down first", pid, dataDir);
		process.get().destroy();
		try {
			process.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			// Safe with fsync on: the next start recovers from the write-ahead log.
			process.get().destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void writeHba(Path dataDir) {
		try {
			Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void execute(DataSource dataSource, String sql) {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	private static Object query(DataSource dataSource, String sql) {
		try (var connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getObject(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

}
