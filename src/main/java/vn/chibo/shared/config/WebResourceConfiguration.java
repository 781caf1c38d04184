package vn.chibo.shared.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Webjar links stay version-free ({@code /webjars/bootstrap/dist/...}) and are resolved
 * when served, so the filter that would rewrite every link of every page into a versioned
 * one is switched off: it took a fifth of the time of rendering a list page.
 */
@Configuration(proxyBeanMethods = false)
class WebResourceConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterRegistration() {
		// Present but disabled: Thymeleaf's auto-configuration then registers none of its
		// own.
		var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
