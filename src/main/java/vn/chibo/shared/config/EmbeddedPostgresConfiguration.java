package vn.chibo.shared.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url} configured, chibo starts a real PostgreSQL of its
 * own whose data lives under {@code ./data/} and survives restarts (stack.md). One server
 * per JVM, shared by every application context (tests build several).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static @Nullable EmbeddedPostgres server;

	@Bean
	EmbeddedDatabase embeddedDatabase(@Value("${chibo.embedded-db.data-dir:data/postgres}") String dataDir,
			@Value("${chibo.embedded-db.clean:false}") boolean clean) {
		return new EmbeddedDatabase(start(Path.of(dataDir), clean));
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.server().getJdbcUrl("postgres", "postgres"));
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("chibo-embedded");
		return dataSource;
	}

	private static synchronized EmbeddedPostgres start(Path dataDir, boolean clean) {
		if (server == null) {
			try {
				var binaries = dataDir.toAbsolutePath().getParent().resolve("pg-binaries");
				Files.createDirectories(binaries);
				log.info("Starting embedded PostgreSQL with data in {}", dataDir.toAbsolutePath());
				var started = EmbeddedPostgres.builder()
					.setDataDirectory(dataDir.toFile())
					.setCleanDataDirectory(clean)
					.setOverrideWorkingDirectory(new File(binaries.toString()))
					.setServerConfig("timezone", "Asia/Ho_Chi_Minh")
					.setServerConfig("max_connections", "100")
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
				server = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
			}
		}
		return server;
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
