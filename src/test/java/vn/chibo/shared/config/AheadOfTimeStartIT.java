package vn.chibo.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as built, started from the configuration Spring processed ahead of time at
 * package ({@code -Dspring.aot.enabled=true}), still makes the choices a deployment
 * configures when it starts: here a configured database (not the embedded default), a
 * read replica and timed work (docs/operations.md, "A faster start"). Run by
 * {@code mvn verify} after the jar is packaged.
 */
@Tag("application")
class AheadOfTimeStartIT {

	@TempDir
	Path folder;

	@Test
	void theProcessedJarStartsOnTheConfiguredDatabaseWithItsReplica() throws Exception {
		var database = EmbeddedServer.start(folder.resolve("server"), true, false);
		var log = folder.resolve("chibo.log");
		var embeddedDefault = folder.resolve("embedded-default");
		var port = freePort();
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var chibo = new ProcessBuilder(List.of(java, "-Xmx512m", "-Dspring.aot.enabled=true", "-jar",
				System.getProperty("chibo.jar"), "--server.port=" + port, "--chibo.demo.enabled=false",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--chibo.replica.url=" + database.jdbcUrl(),
				"--chibo.replica.username=" + database.username(), "--chibo.replica.password=" + database.password(),
				"--chibo.embedded-db.data-dir=" + embeddedDefault,
				"--chibo.news.image-dir=" + folder.resolve("news-images")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			try {
				await().atMost(Duration.ofSeconds(180))
					.pollInterval(Duration.ofMillis(250))
					.failFast("chibo stopped", () -> !chibo.isAlive())
					.until(() -> answersLogin(client, port));
			}
			catch (ConditionTimeoutException | TerminalFailureException ex) {
				throw new AssertionError("chibo did not answer /login; its log:%n%s".formatted(text(log)), ex);
			}
			assertThat(text(log)).contains("Starting AOT-processed Application");
			// The configured database holds chibo's schema; the embedded default never
			// started.
			try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
					database.password());
					var result = connection.createStatement()
						.executeQuery("select count(*) from flyway_schema_history where success")) {
				result.next();
				assertThat(result.getInt(1)).isGreaterThan(50);
			}
			assertThat(embeddedDefault).doesNotExist();
			// The replica's beans are there and its timed look ran: the server is a
			// primary, so it reads nothing from it.
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(text(log)).contains("Read replica: not a standby"));
		}
		finally {
			chibo.destroy();
			if (!chibo.waitFor(30, TimeUnit.SECONDS)) {
				chibo.destroyForcibly();
			}
			database.server().close();
		}
	}

	private static boolean answersLogin(HttpClient client, int port) throws InterruptedException {
		var login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build();
		try {
			return client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			// not listening yet
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String text(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

}
