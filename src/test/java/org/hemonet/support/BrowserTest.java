package org.hemonet.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser tests: Playwright drives Debian's Chromium ({@code /usr/bin/chromium}, or {@code CHROMIUM_PATH})
 * against the running test server; Playwright never downloads a browser. Without Chromium the tests are skipped with
 * a message, unless {@code -Dui.required=true} (CI), which makes a missing browser a failure.
 */
public abstract class BrowserTest extends IntegrationTest {

    public static final int PHONE_WIDTH = 360;
    public static final int DESKTOP_WIDTH = 1280;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    private BrowserContext context;

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        boolean required = Boolean.getBoolean("ui.required");
        if (!Files.isExecutable(chromium)) {
            if (required) {
                throw new IllegalStateException("Browser tests are required (-Dui.required=true) but " + chromium
                        + " is missing: install Debian's chromium package");
            }
            Assumptions.abort("Browser tests skipped: " + chromium
                    + " not found (install Debian's chromium, or run with -Dui.required=true to make this fail)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** A fresh browser (no cookies) of the given width. */
    protected Page newPage(int width) {
        return newPage(width, true);
    }

    /** A fresh browser of the given width, with JavaScript on or off (to check pages that must work without it). */
    protected Page newPage(int width, boolean javaScriptEnabled) {
        return newPage(width, javaScriptEnabled, "en-GB");
    }

    /**
     * A fresh browser of the given width whose language (navigator.language and every request's
     * {@code Accept-Language}) is {@code locale}, e.g. {@code en-US}.
     */
    protected Page newPage(int width, boolean javaScriptEnabled, String locale) {
        closeContext();
        context = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScriptEnabled)
                .setViewportSize(width, width <= PHONE_WIDTH ? 780 : 900)
                .setLocale(locale)
                .setBaseURL("http://localhost:" + port));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    /** Signs in through the login form as a person would. */
    protected Page signIn(String username, int width) {
        return signIn(username, width, true);
    }

    /** Signs in through the login form, in a browser with JavaScript on or off. */
    protected Page signIn(String username, int width, boolean javaScriptEnabled) {
        return signIn(username, width, javaScriptEnabled, "en-GB");
    }

    /** Signs in through the login form in a browser whose language is {@code locale} (e.g. {@code en-US}). */
    protected Page signIn(String username, int width, boolean javaScriptEnabled, String locale) {
        Page page = newPage(width, javaScriptEnabled, locale);
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(SignIn.DEMO_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.endsWith("/login"));
        if (page.url().contains("/login/second-factor")) {
            page.getByLabel("Code").fill(SignIn.totpCode());
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Verify"))
                    .click();
        }
        page.waitForURL("**/");
        assertThat(page.url()).doesNotContain("error");
        return page;
    }

    /** Saves a full-page screenshot under {@code target/screenshots} for people to look at. */
    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
