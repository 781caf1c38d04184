package vn.chibo.shared.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The replica: its pool, how far behind the primary it is (looked up every second, on
 * every node), and whether it may serve a reader who last wrote at a given position of
 * the primary's write-ahead log (docs/architecture.md, "Read replica").
 */
public class Replica implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Replica.class);

	private final HikariDataSource pool;

	private final ObjectProvider<DataSource> primary;

	private final Duration maxLag;

	private final Counter servedByReplica;

	private final Counter servedByPrimary;

	private volatile State state = State.UNKNOWN;

	Replica(ReplicaProperties properties, ObjectProvider<DataSource> primary, MeterRegistry meters) {
		this.primary = primary;
		this.maxLag = properties.maxLag();
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(properties.url());
		this.pool.setUsername(properties.username());
		this.pool.setPassword(properties.password());
		this.pool.setMaximumPoolSize(properties.poolSize());
		this.pool.setMinimumIdle(1);
		this.pool.setReadOnly(true);
		this.pool.setPoolName("chibo-replica");
		// A replica that does not answer must not hold a page for long: it goes to the
		// primary.
		this.pool.setConnectionTimeout(2000);
		this.pool.setInitializationFailTimeout(-1);
		this.servedByReplica = Counter.builder("chibo.replica.reads")
			.tag("served.by", "replica")
			.description("Read-only transactions of replica pages, by the server that ran them")
			.register(meters);
		this.servedByPrimary = Counter.builder("chibo.replica.reads")
			.tag("served.by", "primary")
			.description("Read-only transactions of replica pages, by the server that ran them")
			.register(meters);
		Gauge.builder("chibo.replica.lag.bytes", this, (r) -> r.state.lagBytes())
			.description("How much of the primary's write-ahead log the replica has not replayed yet")
			.baseUnit("bytes")
			.register(meters);
		Gauge.builder("chibo.replica.lag.seconds", this, (r) -> r.state.lagSeconds())
			.description("How old the replica's view is while it is behind")
			.baseUnit("seconds")
			.register(meters);
	}

	/** What the last look at both servers found. */
	public State state() {
		return state;
	}

	/**
	 * Looks at both servers: the primary's write position, the replica's replay position
	 * and the time of the last transaction it replayed.
	 */
	@Scheduled(fixedDelay = 1000, initialDelay = 0)
	public void refresh() {
		long written;
		try (var connection = primary.getObject().getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery("select pg_current_wal_insert_lsn()::text")) {
			result.next();
			written = Lsn.parse(result.getString(1));
		}
		catch (SQLException | RuntimeException ex) {
			return;
		}
		try (var connection = pool.getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery("""
						select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,
							extract(epoch from now() - pg_last_xact_replay_timestamp()),
							pg_is_in_recovery() and pg_is_wal_replay_paused()
						""")) {
			result.next();
			if (!result.getBoolean(1)) {
				changed(State.notAStandby());
				return;
			}
			var replayed = Lsn.parse(result.getString(2));
			var lagBytes = Math.max(0, written - replayed);
			var sinceLastReplay = result.getObject(3) == null ? Double.POSITIVE_INFINITY : result.getDouble(3);
			changed(new State(true, true, replayed, lagBytes, (lagBytes == 0) ? 0 : Math.max(0, sinceLastReplay),
					result.getBoolean(4)));
		}
		catch (SQLException | RuntimeException ex) {
			changed(State.unreachable());
		}
	}

	private void changed(State next) {
		if (next.reachable() != state.reachable() || next.standby() != state.standby()) {
			log.info("Read replica: {}", next.describe());
		}
		state = next;
	}

	/**
	 * Whether the replica may serve a reader whose last write ended at {@code written}
	 * ({@code null}: no write of theirs it must show).
	 */
	boolean serves(@Nullable Long written) {
		var now = state;
		return now.reachable() && now.standby() && now.lagSeconds() <= maxLag.toSeconds()
				&& (written == null || Long.compareUnsigned(now.replayed(), written) >= 0);
	}

	/** A connection to the replica, counted; {@code null} when it cannot give one now. */
	@Nullable Connection connection() {
		try {
			var connection = pool.getConnection();
			servedByReplica.increment();
			return connection;
		}
		catch (SQLException ex) {
			changed(State.unreachable());
			return null;
		}
	}

	void servedByPrimary() {
		servedByPrimary.increment();
	}

	@Override
	public void destroy() {
		pool.close();
	}

	/**
	 * The replica as last seen.
	 *
	 * @param reachable it answered
	 * @param standby it is a standby (a promoted or wrong server serves nobody)
	 * @param replayed its replay position in the primary's write-ahead log
	 * @param lagBytes how much of the primary's log it has not replayed
	 * @param lagSeconds how old its view is (0 when it has replayed everything)
	 * @param paused its replay is paused
	 */
	public record State(boolean reachable, boolean standby, long replayed, long lagBytes, double lagSeconds,
			boolean paused) {

		static final State UNKNOWN = unreachable();

		static State unreachable() {
			return new State(false, false, 0, 0, Double.POSITIVE_INFINITY, false);
		}

		static State notAStandby() {
			return new State(true, false, 0, 0, Double.POSITIVE_INFINITY, false);
		}

		String describe() {
			if (!reachable) {
				return "unreachable";
			}
			return standby ? "streaming, " + lagBytes + " bytes behind" : "not a standby, not used";
		}

	}

}
