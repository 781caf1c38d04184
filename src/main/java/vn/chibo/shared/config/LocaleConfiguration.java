package vn.chibo.shared.config;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.DateTimeFormatterRegistrar;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese by default, English on request ({@code ?lang=en}, kept in a cookie); dates
 * as dd/MM/yyyy; the committee's clock runs on Asia/Ho_Chi_Minh whatever the server's
 * zone.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Bean
	Clock clock() {
		return Clock.system(VIETNAM);
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("chibo-lang");
		resolver.setDefaultLocale(Locale.forLanguageTag("vi"));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		registry.addInterceptor(change);
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		var dates = new DateTimeFormatterRegistrar();
		dates.setDateFormatter(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		dates.setDateTimeFormatter(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM));
		dates.registerFormatters(registry);
	}

}
