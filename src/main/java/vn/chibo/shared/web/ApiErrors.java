package vn.chibo.shared.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The JSON API answers errors as problem details whose message names the field. */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		var locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
			.toList();
		var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle(messages.getMessage("api.error.invalid", null, locale));
		problem.setDetail(errors.stream()
			.map((e) -> e.get("field") + ": " + e.get("message"))
			.reduce((a, b) -> a + "; " + b)
			.orElse(""));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail rule(BusinessRuleException ex) {
		var locale = LocaleContextHolder.getLocale();
		var message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
		var problem = ProblemDetail.forStatusAndDetail(
				(ex instanceof ConflictException) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
				ex.field().isEmpty() ? message : ex.field() + ": " + message);
		problem.setTitle(messages.getMessage("api.error.rule", null, locale));
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				messages.getMessage("error.404.text", null, LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				messages.getMessage("error.403.text", null, LocaleContextHolder.getLocale()));
	}

}
