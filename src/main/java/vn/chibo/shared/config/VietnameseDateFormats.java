package vn.chibo.shared.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.chibo.shared.text.VietnameseDates;

/**
 * Every date and time a form or a parameter takes ({@code @DateTimeFormat}, and plain
 * {@code LocalDate}/{@code LocalTime} parameters) is read as Vietnamese users type it
 * ({@link VietnameseDates}: 3/2/1992, 8h00, 1400…) and shown in its pattern (dd/MM/yyyy,
 * HH:mm). Registered after Spring's own, so it is asked first.
 */
@Configuration(proxyBeanMethods = false)
class VietnameseDateFormats implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldAnnotation(new Annotated());
		registry.addFormatterForFieldType(LocalDate.class, printer("dd/MM/yyyy"),
				(text, locale) -> VietnameseDates.date(text));
		registry.addFormatterForFieldType(LocalTime.class, printer("HH:mm"),
				(text, locale) -> VietnameseDates.time(text));
	}

	private static <T extends TemporalAccessor> Printer<T> printer(String pattern) {
		var format = DateTimeFormatter.ofPattern(pattern);
		return (value, locale) -> format.format(value);
	}

	/** {@code @DateTimeFormat(pattern = …)}: printed in the pattern, read leniently. */
	private static final class Annotated implements AnnotationFormatterFactory<DateTimeFormat> {

		@Override
		public Set<Class<?>> getFieldTypes() {
			return Set.of(LocalDate.class, LocalTime.class, LocalDateTime.class);
		}

		@Override
		public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
			var pattern = annotation.pattern().isEmpty() ? defaultPattern(fieldType) : annotation.pattern();
			return printer(pattern);
		}

		@Override
		public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
			if (fieldType == LocalTime.class) {
				return (text, locale) -> VietnameseDates.time(text);
			}
			if (fieldType == LocalDateTime.class) {
				return (text, locale) -> VietnameseDates.dateTime(text.replace('T', ' '));
			}
			return (text, locale) -> VietnameseDates.date(text);
		}

		private static String defaultPattern(Class<?> fieldType) {
			return (fieldType == LocalTime.class) ? "HH:mm"
					: (fieldType == LocalDateTime.class) ? "dd/MM/yyyy HH:mm" : "dd/MM/yyyy";
		}

	}

}
