package vn.chibo.shared.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Present as a bean only when chibo runs on its own embedded PostgreSQL (the demo
 * default).
 */
public record EmbeddedDatabase(EmbeddedPostgres server) {

	public int port() {
		return server.getPort();
	}

}
