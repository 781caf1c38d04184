package vn.chibo.shared.backup;

import java.nio.file.Files;
import java.nio.file.Path;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A backup before an upgrade (docs/operations.md): the administrator takes one into the
 * server's folder and lists those kept; the action is in the audit trail; every other
 * role — office, committee member, secretary, member, the superior's observer — and a
 * visitor are refused, and no backup's content is ever sent.
 */
@ChiboTest
class BackupApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Value("${chibo.backup.dir}")
	String dir;

	@Test
	void theAdministratorTakesABackupNowAndListsThem() throws Exception {
		var taken = mvc.post().uri("/api/v1/backups").with(httpBasic("admin", DemoUsers.PASSWORD)).exchange();
		assertThat(taken).hasStatus(HttpStatus.CREATED);
		String name = JsonPath.read(taken.getResponse().getContentAsString(), "$.name");
		assertThat(name).matches("chibo-[0-9-]+\\.zip");
		var file = Path.of(dir).resolve(name);
		assertThat(file).exists();
		assertThat(Files.size(file)).isPositive();
		assertThat(mvc.get().uri("/api/v1/backups").with(httpBasic("admin", DemoUsers.PASSWORD))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.contains(name);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where entity_type = 'backup' and actor = 'admin'
				and after_state ->> 'file' = :name
				""").param("name", name).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void noOtherRoleAndNoVisitorTakesOrListsBackups() {
		for (var login : new String[] { "vanphong", "ubkt", "bithu.cb01", "dangvien.cb01", "captren" }) {
			assertThat(mvc.post().uri("/api/v1/backups").with(httpBasic(login, DemoUsers.PASSWORD))).as(login)
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/backups").with(httpBasic(login, DemoUsers.PASSWORD))).as(login)
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.post().uri("/api/v1/backups")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/backups")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

}
