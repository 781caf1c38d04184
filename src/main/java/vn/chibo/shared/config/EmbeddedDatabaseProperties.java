package vn.chibo.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL's settings ({@code chibo.embedded-db.*}), used when no database
 * is configured (docs/decisions/0001).
 *
 * @param dataDir where its data lives
 * @param clean whether to start from an empty database (tests)
 * @param durable whether every commit reaches the disk before it is answered, as on a
 * server; only throw-away test databases turn it off
 * @param database another database of the same server (blank: chibo's own), for a test
 * that starts only some modules and migrates a schema of their own
 */
@ConfigurationProperties("chibo.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") String dataDir,
		@DefaultValue("false") boolean clean, @DefaultValue("true") boolean durable,
		@DefaultValue("") String database) {

}
