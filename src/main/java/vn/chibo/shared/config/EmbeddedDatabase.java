package vn.chibo.shared.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Present as a bean only when chibo runs on its own embedded PostgreSQL (the demo
 * default): the server, and how chibo's own role reaches its database.
 */
public record EmbeddedDatabase(EmbeddedPostgres server, String jdbcUrl, String username, String password) {

	public int port() {
		return server.getPort();
	}

}
