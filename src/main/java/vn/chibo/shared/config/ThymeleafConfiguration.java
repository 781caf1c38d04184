package vn.chibo.shared.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import vn.chibo.shared.web.DirectAttributesView;

/**
 * Pages rendered by {@link DirectAttributesView}: their variables read and written on the
 * request that keeps them, not through each of its wrappers (docs/architecture.md, "Fast
 * pages").
 */
@Configuration(proxyBeanMethods = false)
class ThymeleafConfiguration {

	@Bean
	static BeanPostProcessor directAttributesViews() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(DirectAttributesView.class);
				}
				return bean;
			}

		};
	}

}
