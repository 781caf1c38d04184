package vn.chibo.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A parameter holding a NUL character (which PostgreSQL's text cannot hold, and no one
 * types) is refused before any handler runs, naming the field.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacters implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (var parameter : request.getParameterMap().entrySet()) {
			for (var value : parameter.getValue()) {
				if (value != null && value.indexOf('\u0000') >= 0) {
					throw new BusinessRuleException(parameter.getKey(), "error.400.nul", parameter.getKey());
				}
			}
		}
		return true;
	}

}
