package vn.chibo.shared.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one node at a time: the node that takes PostgreSQL's advisory lock named
 * after the job runs it, the others skip their turn. The lock is held by a connection of
 * its own for as long as the job runs and is released with it, also when the node dies
 * (its connection closes). Jobs stay idempotent: a node whose turn comes after another's
 * finds the work done.
 */
@Component
public class ClusterLocks {

	private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

	private final DataSource dataSource;

	ClusterLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs the job unless another node runs it now; answers whether it ran here. */
	public boolean runAlone(String job, Runnable work) {
		try (Connection connection = dataSource.getConnection()) {
			if (!call(connection, "select pg_try_advisory_lock(hashtext(?))", job)) {
				log.debug("{} runs on another node", job);
				return false;
			}
			try {
				work.run();
				return true;
			}
			finally {
				call(connection, "select pg_advisory_unlock(hashtext(?))", job);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cluster lock " + job, ex);
		}
	}

	private static boolean call(Connection connection, String sql, String job) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			statement.setString(1, job);
			try (var result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

}
