package vn.chibo.shared.replica;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read replica ({@code chibo.replica.*}); none unless {@code url} is set
 * (docs/operations.md, "A read replica").
 *
 * @param url the replica's JDBC address, e.g.
 * {@code jdbc:postgresql://replica:5432/chibo}
 * @param username chibo's role there (the primary's, replicated with it)
 * @param password its password
 * @param maxLag a replica further behind the primary than this serves nobody
 * @param poolSize connections to the replica a node keeps at most
 */
@ConfigurationProperties("chibo.replica")
public record ReplicaProperties(@DefaultValue("") String url, @DefaultValue("chibo") String username,
		@DefaultValue("") String password, @DefaultValue("30s") Duration maxLag, @DefaultValue("10") int poolSize) {

}
