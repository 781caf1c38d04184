package vn.chibo.shared.config;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default keeps data as a server of its own would: durable settings, a
 * password for every connection, chibo's role not a superuser, and a committed row that
 * survives {@code kill -9} of the chibo that wrote it — whose PostgreSQL, still running,
 * does not stop the next start.
 */
class EmbeddedServerTests {

	@TempDir
	Path folder;

	/** The chibo that gets killed: starts the server, commits a row, says so, waits. */
	public static void main(String[] args) throws Exception {
		var database = EmbeddedServer.start(Path.of(args[0]), false, true);
		try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
				var statement = connection.createStatement()) {
			statement.execute("create table kept (note text)");
			statement.execute("insert into kept values ('đã ghi trước khi bị tắt')");
		}
		System.out.println("written");
		System.out.flush();
		// Until killed: the test holds this end of the pipe open.
		System.in.read();
	}

	@Test
	void dataSurvivesKillingChiboAndTheServerIsDurableAndAsksForPasswords() throws Exception {
		var dataDir = folder.resolve("postgres");
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedServerTests.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			var written = false;
			while (!written && (line = out.readLine()) != null) {
				written = line.equals("written");
			}
			assertThat(written).as("the child committed its row").isTrue();
			// kill -9: no shutdown hook runs, the child's PostgreSQL stays up holding the
			// folder.
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(dataDir.resolve("postmaster.pid")).exists();

		var database = EmbeddedServer.start(dataDir, false, true);
		try {
			try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
					database.password()); var statement = connection.createStatement()) {
				var kept = statement.executeQuery("select note from kept");
				assertThat(kept.next()).isTrue();
				assertThat(kept.getString(1)).isEqualTo("đã ghi trước khi bị tắt");
				for (var setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
					var shown = statement.executeQuery("show " + setting);
					shown.next();
					assertThat(shown.getString(1)).as(setting).isEqualTo("on");
				}
				var role = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user");
				role.next();
				assertThat(role.getBoolean(1)).as("chibo's role is a superuser").isFalse();
			}
			var local = "jdbc:postgresql://localhost:" + database.port() + "/postgres";
			assertThatThrownBy(() -> DriverManager.getConnection(local, "postgres", ""))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(local, "postgres", "chibo"))
				.isInstanceOf(SQLException.class);
			var credentials = EmbeddedServer.Credentials.file(dataDir);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
				.isEqualTo("rw-------");
			// The server keeps its own log: what it says once started is in it.
			try (var logs = Files.list(dataDir.resolve("log"))) {
				var text = new StringBuilder();
				for (var log : logs.toList()) {
					text.append(Files.readString(log));
				}
				assertThat(text).contains("database system was shut down", "ready to accept connections");
			}
		}
		finally {
			database.server().close();
		}
	}

	@Test
	void aDeletedDataFolderStartsWithNewPasswordsThoughTheOldOnesWereKept() throws Exception {
		var dataDir = folder.resolve("again");
		var kept = EmbeddedServer.Credentials.fresh().secured("chibo");
		kept.save(EmbeddedServer.Credentials.file(dataDir));
		// The database's folder as the server leaves it: its passwords are used.
		Files.createDirectories(dataDir);
		Files.writeString(dataDir.resolve("PG_VERSION"), "17");
		assertThat(EmbeddedServer.credentials(dataDir, false)).isEqualTo(kept);

		Files.delete(dataDir.resolve("PG_VERSION"));
		Files.delete(dataDir);
		var fresh = EmbeddedServer.credentials(dataDir, false);
		assertThat(fresh.secured()).as("the new server starts unsecured, to be given its passwords").isFalse();
		assertThat(fresh.superuserPassword()).isNotEqualTo(kept.superuserPassword());
		assertThat(EmbeddedServer.Credentials.load(EmbeddedServer.Credentials.file(dataDir))).isEqualTo(fresh);
	}

	@Test
	void aDataFolderFromBeforeIsHandedToChibosRoleWhereItIs() throws Exception {
		var dataDir = folder.resolve("earlier");
		// As chibo kept it before: everything in database postgres, owned by the
		// superuser, reached without a password.
		try (var earlier = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.toFile())
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(folder.resolve("pg-binaries").toFile())
			.start();
				var connection = earlier.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create table flyway_schema_history (version text)");
			statement.execute("create table member (id bigint generated by default as identity, name text)");
			statement.execute("create sequence minutes_number");
			statement.execute("create function shout(text) returns text language sql as 'select upper($1)'");
			statement.execute("insert into member (name) values ('Nguyễn Văn An')");
		}
		var database = EmbeddedServer.start(dataDir, false, true);
		try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
				var statement = connection.createStatement()) {
			assertThat(database.jdbcUrl()).endsWith("/postgres");
			statement.execute("insert into member (name) values ('Trần Thị Bình')");
			statement.execute("alter table member add column note text");
			var rows = statement
				.executeQuery("select count(*), max(shout(name)), nextval('minutes_number') from member");
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
		}
		finally {
			database.server().close();
		}
	}

}
