package org.hemonet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;

/**
 * An app sends a clinician to Hemonet to sign in (authorization code with PKCE): after the password and the
 * authenticator code the browser lands on the app's redirect URI with a code. The app's address is intercepted, so
 * nothing needs to listen on it.
 */
class AppAuthorizationBrowserTest extends BrowserTest {

    private static final String CALLBACK = "http://127.0.0.1:8765/callback";

    @Test
    void staffSignInForAnAppEndsAtTheAppWithACode() throws Exception {
        Page page = newPage(DESKTOP_WIDTH);
        AtomicReference<String> reached = new AtomicReference<>();
        page.route(CALLBACK + "**", (Route route) -> {
            reached.set(route.request().url());
            route.fulfill(new Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("text/html")
                    .setBody("<h1>Demo app</h1>"));
        });
        String verifier = "a-demo-code-verifier-that-is-long-enough-for-pkce-0123456789";
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        page.navigate("/oauth2/authorize?response_type=code&client_id=hemonet-demo-app&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode("user/*.rs", StandardCharsets.UTF_8) + "&state=s1&code_challenge=" + challenge
                + "&code_challenge_method=S256");

        page.getByLabel("Username").fill("clinician.north");
        page.getByLabel("Password").fill(SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.getByLabel("Code").fill(SignIn.totpCode());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();

        page.waitForURL(CALLBACK + "**");
        assertThat(reached.get()).startsWith(CALLBACK + "?code=").contains("state=s1");
    }
}
