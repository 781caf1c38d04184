package vn.chibo.shared.replica;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The replica on the health page ({@code /actuator/health}, its details for an
 * administrator): up while it streams, with how far behind it is; down when it does not
 * answer or is not a standby — chibo then reads from the primary and goes on.
 */
class ReplicaHealth extends AbstractHealthIndicator {

	private final Replica replica;

	ReplicaHealth(Replica replica) {
		this.replica = replica;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var state = replica.state();
		if (!state.reachable() || !state.standby()) {
			builder.down().withDetail("standby", state.standby()).withDetail("reachable", state.reachable());
			return;
		}
		builder.up().withDetail("lagBytes", state.lagBytes()).withDetail("replayPaused", state.paused());
		if (Double.isFinite(state.lagSeconds())) {
			builder.withDetail("lagSeconds", state.lagSeconds());
		}
	}

}
