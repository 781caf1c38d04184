package vn.chibo.shared.web;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DatabindException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input answers 4xx with a message, never the error page of a fault: a broken rule on
 * a page (the API's are {@link ApiErrors}'), a parameter that is not what it should be
 * (named, with what was typed), an unreadable body, an upload over the limit, text the
 * database refuses. Pages get {@code error/4xx}, the API a problem detail.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInput {

	private final MessageSource messages;

	BadInput(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BusinessRuleException.class)
	Object rule(BusinessRuleException ex, HttpServletRequest request) {
		var status = (ex instanceof ConflictException) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
		return answer(request, status, ex.field(), text(ex.messageKey(), ex.arguments()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, ex.getName(),
				text("error.400.parameter", ex.getName(), shown(ex.getValue())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, ex.getParameterName(),
				text("error.400.missing", ex.getParameterName()));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, DateTimeException.class })
	Object unreadable(Exception ex, HttpServletRequest request) {
		// A value of the wrong kind for one field: that field is named.
		if (ex.getCause() instanceof DatabindException json && !json.getPath().isEmpty()) {
			var field = json.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return answer(request, HttpStatus.BAD_REQUEST, field, text("error.400.field", field));
		}
		return answer(request, HttpStatus.BAD_REQUEST, "", text("error.400.body"));
	}

	/** A body of a kind the operation does not take (JSON sent to an upload, say). */
	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		var expected = ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "",
				text("error.415", shown(ex.getContentType()), expected));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "", text("error.405", shown(ex.getMethod())));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object upload(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE, "file", text("error.413.upload", 20));
	}

	/** A text the database cannot hold (a NUL character) that got past the filter. */
	@ExceptionHandler({ DataIntegrityViolationException.class, UncategorizedSQLException.class })
	Object database(RuntimeException ex, HttpServletRequest request) throws RuntimeException {
		var message = String.valueOf(ex.getMessage());
		if (message.contains("0x00") || message.contains("invalid byte sequence")) {
			return answer(request, HttpStatus.BAD_REQUEST, "", text("error.400.character"));
		}
		throw ex;
	}

	private Object answer(HttpServletRequest request, HttpStatus status, String field, String message) {
		if (request.getRequestURI().startsWith("/api/")) {
			var problem = ProblemDetail.forStatusAndDetail(status, field.isEmpty() ? message : field + ": " + message);
			problem.setTitle(text("api.error.rule"));
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
			return ResponseEntity.status(status).body(problem);
		}
		var page = new ModelAndView("error/4xx", status);
		page.addObject("message", message);
		page.addObject("status", status.value());
		return page;
	}

	private String text(String key, @Nullable Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** What was typed, as the message may show it: short, without control characters. */
	private static String shown(@Nullable Object value) {
		var text = String.valueOf(value).replaceAll("\\p{Cntrl}", "");
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
