package vn.chibo.shared.config;

import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.StringUtils;

/**
 * The database: with no {@code spring.datasource.url} configured, chibo starts a real
 * PostgreSQL of its own whose data lives under {@code ./data/}, survives restarts and
 * crashes, and is reached with a password as a role that is not a superuser
 * ({@link EmbeddedServer}); with one, the pool reaches that server. One embedded server
 * per JVM, shared by every application context (tests build several).
 * <p>
 * Chosen when the data source is made, not by a condition on the configuration: a start
 * from the build's ahead-of-time processed configuration reads its settings then
 * (docs/operations.md, "A faster start").
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static @Nullable EmbeddedDatabase database;

	/** Started only when the data source asks for it. */
	@Bean
	@Lazy
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
		var database = start(Path.of(properties.dataDir()), properties.clean(), properties.durable());
		return properties.database().isBlank() ? database : EmbeddedServer.other(database, properties.database());
	}

	/**
	 * The pool of connections to the configured server or to the embedded one;
	 * {@code spring.datasource.hikari.*} tunes either, as Spring Boot's own pool.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties configured, ObjectProvider<EmbeddedDatabase> embedded) {
		if (StringUtils.hasText(configured.getUrl())) {
			var dataSource = configured.initializeDataSourceBuilder().type(HikariDataSource.class).build();
			if (StringUtils.hasText(configured.getName())) {
				dataSource.setPoolName(configured.getName());
			}
			return dataSource;
		}
		var database = embedded.getObject();
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("chibo-embedded");
		return dataSource;
	}

	private static synchronized EmbeddedDatabase start(Path dataDir, boolean clean, boolean durable) {
		if (database == null) {
			var started = EmbeddedServer.start(dataDir, clean, durable);
			// Stopped after every application context has closed (their last work — the
			// event registry's check of unfinished publications — still needs the
			// server), not in a JVM hook of its own that would race them.
			SpringApplication.getShutdownHandlers().add(() -> close(started.server()));
			database = started;
		}
		return database;
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
