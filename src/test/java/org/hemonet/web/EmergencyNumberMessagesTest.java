package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Issue 19: no message bundle hard-codes an emergency number; every locale shows the network's. */
class EmergencyNumberMessagesTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en-GB", "en-US", "en"})
    void theEmergencyAdviceShowsTheNetworksNumberInEveryLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        for (String number : new String[] {"999", "112", "911"}) {
            String text = messages.getMessage("patient.emergency", new Object[] {number}, locale);
            assertThat(text).as(tag).startsWith("In an emergency, call " + number + " ");
            assertThat(text.replace(number, "")).as(tag).doesNotContainPattern("\\b(999|112|911)\\b");
        }
    }
}
