package vn.chibo.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * A parameter or an uploaded file's name holding a NUL character (which PostgreSQL's text
 * cannot hold, and no one types) is refused before any handler runs, naming the field.
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
		var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			for (var file : multipart.getMultiFileMap().entrySet()) {
				for (var part : file.getValue()) {
					var name = part.getOriginalFilename();
					if (name != null && name.indexOf('\u0000') >= 0) {
						throw new BusinessRuleException(file.getKey(), "error.400.nul", file.getKey());
					}
				}
			}
		}
		return true;
	}

}
