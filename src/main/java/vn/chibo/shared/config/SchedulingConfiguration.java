package vn.chibo.shared.config;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Timed work: meeting reminders each morning, the mail outbox's retries. Off with
 * {@code chibo.scheduling.enabled=false}. What {@code @EnableScheduling} would do, but
 * read at each start rather than fixed by a condition, so that a start from the build's
 * ahead-of-time processed configuration reads it too (docs/operations.md, "A faster
 * start").
 */
@Configuration(proxyBeanMethods = false)
@Import(SchedulingConfiguration.TimedWork.class)
class SchedulingConfiguration {

	/** Finds the {@code @Scheduled} methods and runs them, when timed work is on. */
	static class TimedWork implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (Binder.get(environment).bindOrCreate("chibo.scheduling", SchedulingProperties.class).enabled()) {
				registry.registerBean(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME,
						ScheduledAnnotationBeanPostProcessor.class, (spec) -> spec.infrastructure());
			}
		}

	}

}
