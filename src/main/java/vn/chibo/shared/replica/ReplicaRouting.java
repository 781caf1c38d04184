package vn.chibo.shared.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where a read-only transaction gets its connection: from the replica inside a replica
 * page when the replica is close enough and has the reader's own last write; from the
 * primary otherwise (and whenever the replica does not answer).
 */
class ReplicaRouting extends DelegatingDataSource {

	private final Replica replica;

	ReplicaRouting(DataSource primary, Replica replica) {
		super(primary);
		this.replica = replica;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (ReadScope.open()) {
			if (replica.serves(ReadScope.written())) {
				var connection = replica.connection();
				if (connection != null) {
					return connection;
				}
			}
			replica.servedByPrimary();
		}
		return obtainTargetDataSource().getConnection();
	}

}
