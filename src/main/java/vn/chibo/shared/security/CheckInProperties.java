package vn.chibo.shared.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The QR check-in's settings ({@code chibo.meetings.*}; docs/domain.md §5).
 *
 * @param checkInLifetime how long a shown code stays valid
 */
@ConfigurationProperties("chibo.meetings")
public record CheckInProperties(@DefaultValue("5m") Duration checkInLifetime) {

}
