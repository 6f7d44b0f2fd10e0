package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** {@code hemonet.cookie-secure=true|false} overrule what the request says. */
class CookieSecurityForcedTest {

    @Nested
    @TestPropertySource(properties = "hemonet.cookie-secure=true")
    class AlwaysSecure extends IntegrationTest {

        @LocalServerPort
        int port;

        @Autowired
        ApplicationContext context;

        @Test
        void evenOverPlainHttpTheCookiesAreSecure() {
            String nurse =
                    TestNetwork.in(context).centre("Cookies").staff(Role.NURSE).username();
            var answers = CookieSecurityProbe.signIn(port, nurse, false);

            assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("HEMONET_SESSION")))
                    .as(answers.setCookies().toString())
                    .isTrue();
            assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("XSRF-TOKEN")))
                    .as(answers.setCookies().toString())
                    .isTrue();
            assertThat(answers.hsts()).as("HSTS only on an https request").isEmpty();
        }
    }

    @Nested
    @TestPropertySource(properties = "hemonet.cookie-secure=false")
    class NeverSecure extends IntegrationTest {

        @LocalServerPort
        int port;

        @Autowired
        ApplicationContext context;

        @Test
        void evenWhenAProxySaysHttpsTheCookiesAreNotSecure() {
            String nurse =
                    TestNetwork.in(context).centre("Cookies").staff(Role.NURSE).username();
            var answers = CookieSecurityProbe.signIn(port, nurse, true);

            assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("HEMONET_SESSION")))
                    .isFalse();
            assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("XSRF-TOKEN")))
                    .isFalse();
            assertThat(answers.hsts()).isEmpty();
        }
    }
}
