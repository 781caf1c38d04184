package vn.chibo.shared.backup;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.Application;
import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup restored into a new database gives back the same deployment
 * (docs/operations.md): a second chibo started on an empty database with
 * {@code chibo.backup.restore-from} serves, byte for byte, the same signed minutes (PDF
 * and DOCX) and the same member list as the chibo the backup was taken from, and the news
 * pictures' folder is back. A restore into a database in use is refused, changing
 * nothing.
 */
@ChiboTest
class BackupRoundTripTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Backups backups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoUsers demo;

	@Value("${chibo.news.image-dir}")
	String imageDir;

	@TempDir
	Path folder;

	@Test
	void aRestoredBackupServesTheSameDocumentsByteForByte() throws Exception {
		var signed = jdbc.sql("""
				select n.meeting_id from meeting_minutes n join meeting g on g.committee_id = n.committee_id
				and g.id = n.meeting_id where n.chair_signed_at is not null and n.taker_signed_at is not null
				and g.branch_id = :branch order by g.scheduled_on desc limit 1
				""").param("branch", demo.branchId("CB01")).query(Long.class).single();
		var paths = List.of("/meetings/" + signed + "/minutes.pdf", "/meetings/" + signed + "/minutes.docx",
				"/members/export.xlsx");
		var before = documents(port, paths);

		var backup = folder.resolve("chibo.zip");
		try (var out = Files.newOutputStream(backup)) {
			var manifest = backups.write(out);
			assertThat(manifest.rows()).isPositive();
		}
		var pictures = folder.resolve("pictures");
		try (var restored = new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--chibo.embedded-db.database=chibo_restored", "--chibo.demo.enabled=false",
				"--chibo.backup.restore-from=" + backup, "--chibo.news.image-dir=" + pictures,
				"--spring.main.banner-mode=off")) {
			var restoredPort = restored.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			var after = documents(restoredPort, paths);
			for (var path : paths) {
				assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
			}
		}
		assertThat(files(pictures)).isEqualTo(files(Path.of(imageDir)));
	}

	@Test
	void aDatabaseInUseIsNotOverwritten() throws Exception {
		var backup = folder.resolve("chibo.zip");
		try (var out = Files.newOutputStream(backup)) {
			backups.write(out);
		}
		var members = jdbc.sql("select count(*) from member").query(Long.class).single();
		try (var in = Files.newInputStream(backup)) {
			assertThatThrownBy(() -> backups.restore(in)).isInstanceOf(Backups.RestoreRefused.class)
				.hasMessageContaining("in use");
		}
		assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(members);
	}

	/** The files under a folder, by relative name, with their bytes' hash. */
	private static Map<String, Integer> files(Path root) throws IOException {
		var files = new LinkedHashMap<String, Integer>();
		if (Files.isDirectory(root)) {
			try (var walk = Files.walk(root)) {
				for (var file : walk.filter(Files::isRegularFile).sorted().toList()) {
					files.put(root.relativize(file).toString(), Arrays.hashCode(Files.readAllBytes(file)));
				}
			}
		}
		return files;
	}

	/** The documents as the office downloads them from the chibo on that port. */
	private static Map<String, byte[]> documents(int port, List<String> paths) throws Exception {
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		var token = CSRF.matcher(login.body());
		assertThat(token.find()).isTrue();
		var form = "username=vanphong&password=" + DemoUsers.PASSWORD + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		var documents = new LinkedHashMap<String, byte[]>();
		for (var path : paths) {
			var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			documents.put(path, response.body());
		}
		return documents;
	}

}
