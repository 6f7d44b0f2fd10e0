package org.hemonet.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signs a demo account in through the real login form (and, for staff, the second-factor form with the demo TOTP
 * secret) and returns its session. It sends the CSRF cookie back as the
 * header, as a browser's script would, and deliberately avoids spring-security-test's {@code csrf()}, which swaps the
 * application's token repository for a session-based one and so would change what the real server does.
 */
public final class SignIn {

    public static final String DEMO_PASSWORD = "Hemonet-demo-2026!";
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    /** The current code of the demo staff accounts' authenticator. */
    /** The demo secret's code now by the application's clock (the test clock), which is what the server checks. */
    public static String totpCode() {
        return org.hemonet.identity.Totp.currentCode(
                DEMO_TOTP_SECRET, TestClock.get().instant());
    }

    private SignIn() {}

    public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
        Cookie xsrf = mvc.perform(get("/login")).andReturn().getResponse().getCookie("XSRF-TOKEN");
        if (xsrf == null) {
            throw new AssertionError("The login page set no XSRF-TOKEN cookie");
        }
        var result = mvc.perform(post("/login")
                        .cookie(xsrf)
                        .header("X-XSRF-TOKEN", xsrf.getValue())
                        .param("username", username)
                        .param("password", DEMO_PASSWORD))
                .andReturn();
        if ("/login/second-factor".equals(result.getResponse().getRedirectedUrl())) {
            var session = (MockHttpSession) result.getRequest().getSession(false);
            result = mvc.perform(post("/login/second-factor")
                            .session(session)
                            .cookie(xsrf)
                            .header("X-XSRF-TOKEN", xsrf.getValue())
                            .param("code", totpCode()))
                    .andReturn();
        }
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError("Sign-in failed for " + username + ": redirected to "
                    + result.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
