package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** {@code hemonet.cookie-secure=auto} (the default): Secure cookies and HSTS exactly when the request is https. */
class CookieSecurityTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private String nurse() {
        return TestNetwork.in(context).centre("Cookies").staff(Role.NURSE).username();
    }

    @Test
    void overPlainHttpTheCookiesAreNotSecureAndThereIsNoHsts() {
        var answers = CookieSecurityProbe.signIn(port, nurse(), false);

        assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("HEMONET_SESSION")))
                .as(answers.cookie("HEMONET_SESSION"))
                .isFalse();
        assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("XSRF-TOKEN")))
                .isFalse();
        assertThat(answers.cookie("HEMONET_SESSION"))
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        assertThat(answers.cookie("XSRF-TOKEN")).containsIgnoringCase("SameSite=Lax");
        assertThat(answers.hsts()).isEmpty();
    }

    @Test
    void behindATlsProxyThatSaysHttpsTheCookiesAreSecureWithHsts() {
        var answers = CookieSecurityProbe.signIn(port, nurse(), true);

        assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("HEMONET_SESSION")))
                .as(answers.cookie("HEMONET_SESSION"))
                .isTrue();
        assertThat(CookieSecurityProbe.Answers.secure(answers.cookie("XSRF-TOKEN")))
                .isTrue();
        assertThat(answers.hsts()).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    }
}
