package vn.chibo.shared.replica;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Opens the replica's scope for a GET of a page marked {@link ReplicaReads}, with the
 * position of the reader's last write from their cookie ({@link WrittenPosition}).
 */
class ReplicaPages implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ReadScope.close();
		if (handler instanceof HandlerMethod method && isRead(request) && marked(method)) {
			ReadScope.open(WrittenPosition.of(request));
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		ReadScope.close();
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	private static boolean marked(HandlerMethod method) {
		return method.hasMethodAnnotation(ReplicaReads.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ReplicaReads.class);
	}

}
