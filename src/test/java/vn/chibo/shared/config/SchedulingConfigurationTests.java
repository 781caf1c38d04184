package vn.chibo.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * {@code chibo.scheduling.enabled=false} keeps a node from running timed work, read when
 * the tasks are scheduled rather than by a condition (docs/operations.md, "A faster
 * start").
 */
class SchedulingConfigurationTests {

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void timedWorkRunsOnlyWhenEnabled(boolean enabled) {
		try (var context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("chibo.scheduling.enabled", enabled)));
			context.register(SchedulingConfiguration.class, TimedWork.class);
			context.refresh();
			var scheduled = context.getBeansOfType(ScheduledTaskHolder.class)
				.values()
				.stream()
				.mapToInt(holder -> holder.getScheduledTasks().size())
				.sum();
			assertThat(scheduled).isEqualTo(enabled ? 3 : 0);
		}
	}

	static class TimedWork {

		@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
		void everyMinute() {
		}

		@Scheduled(fixedRate = 60_000, initialDelay = 60_000)
		void atAFixedRate() {
		}

		@Scheduled(cron = "0 0 6 * * *")
		void eachMorning() {
		}

	}

}
