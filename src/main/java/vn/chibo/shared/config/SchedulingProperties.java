package vn.chibo.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timed work ({@code chibo.scheduling.*}).
 *
 * @param enabled whether this node runs the timed work at all (on by default; with
 * several nodes each task still runs on one node at a time)
 */
@ConfigurationProperties("chibo.scheduling")
public record SchedulingProperties(@DefaultValue("true") boolean enabled) {

}
