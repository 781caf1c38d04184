package vn.chibo.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in JSON bodies as the forms take it: a string with a NUL character (which
 * PostgreSQL's text cannot hold, and no one types) is refused while the body is read,
 * naming its field, as {@link ControlCharacters} does for parameters.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

	@Bean
	JacksonModule nulRefusingText() {
		return new SimpleModule("chibo-text").addDeserializer(String.class, new NulRefusing());
	}

	private static final class NulRefusing extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			var value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\u0000') >= 0) {
				return (String) context.handleWeirdStringValue(String.class, value, "NUL character");
			}
			return value;
		}

	}

}
