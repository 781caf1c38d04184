package vn.chibo.shared.config;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url} configured, chibo starts a real PostgreSQL of its
 * own whose data lives under {@code ./data/}, survives restarts and crashes, and is
 * reached with a password as a role that is not a superuser ({@link EmbeddedServer}). One
 * server per JVM, shared by every application context (tests build several).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static @Nullable EmbeddedDatabase database;

	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
		var database = start(Path.of(properties.dataDir()), properties.clean(), properties.durable());
		return properties.database().isBlank() ? database : EmbeddedServer.other(database, properties.database());
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
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
			// event
			// registry's check of unfinished publications — still needs the server), not
			// in
			// a JVM hook of its own that would race them.
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

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
