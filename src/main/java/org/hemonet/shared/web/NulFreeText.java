package org.hemonet.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text holding the NUL character (U+0000) is refused where JSON is read, for every API at once: PostgreSQL text
 * cannot store it, so such a value reached the database and failed there as a 500 (found by the diary sync fuzz test,
 * issue 14). Refused while the body is read, it is a 400 naming the field ({@link ApiExceptionHandler}), and nothing
 * is stored. Every JSON string read into a {@link String} goes through here, in lists and maps too.
 */
@Configuration(proxyBeanMethods = false)
class NulFreeText {

    static final String MESSAGE = "The text contains a NUL character (U+0000), which cannot be stored.";

    @Bean
    JacksonModule nulFreeTextModule() {
        return new SimpleModule("nul-free-text").addDeserializer(String.class, new Refusing());
    }

    /** The standard string deserializer, then the check. */
    static final class Refusing extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
