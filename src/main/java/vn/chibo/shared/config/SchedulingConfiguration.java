package vn.chibo.shared.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Timed work: meeting reminders each morning, the mail outbox's retries. Off with
 * {@code chibo.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "chibo.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
