package org.hemonet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hemonet.identity.Role;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19: every page a role reaches works on a 360 × 800 phone without sideways scrolling and has no serious or
 * critical accessibility violation found by axe-core.
 *
 * <p>For each demo role the walk starts at the pages its navigation links to (read from the page itself), follows the
 * links on them two levels deep (one page per URL pattern: a patient record stands for all patient records), and on
 * each page checks {@code document.documentElement.scrollWidth} against the viewport and runs axe-core (vendored in
 * {@code src/test/resources/axe}, injected through Playwright). A centre of the test's own adds the pages that only
 * show with data: a patient's diary with bleeds and infusions, the diary review, a recall that reached the patient and
 * the patient's recall message. Demo rows are only read; message pages are opened only for the test's own patient
 * (opening one marks it read).
 *
 * <p>Every page's figures go to {@code target/walk/<who>.tsv}; a failure lists each page with its width, the
 * outermost elements that stick out, and each axe rule with its impact and first targets.
 */
class PhoneAndAccessibilityWalkBrowserTest extends BrowserTest {

    static final int WIDTH = PHONE_WIDTH;
    static final int HEIGHT = 800;
    static final int DEPTH = 2;
    static final int MAX_PAGES = 60;

    /** Links the walk never follows: side effects, downloads, other protocols, or pages of other tests. */
    static final Pattern SKIP = Pattern.compile(
            "^/(logout|api/|fhir|oauth2|\\.well-known|actuator|webjars|css/|js/|img/|login|v3/|swagger-ui).*"
                    + "|.*\\.(csv|pdf|png|jpg|json)(\\?.*)?$"
                    + "|^/messages/[0-9a-f-]{36}.*");

    static final Pattern UUID_SEGMENT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Pages (URL patterns) worth a screenshot for people to look at: the widest before issue 19. */
    static final Set<String> SHOTS = Set.of(
            "/",
            "/products",
            "/centres",
            "/recalls",
            "/deliveries",
            "/treatment",
            "/access-log?patient",
            "/patients/{id}",
            "/patients/{id}/treatment",
            "/patients/{id}/diary-review",
            "/patients/{id}/pk");

    static final Set<String> SHOT_WALKERS = Set.of("clinician.north", "patient.tom", "analyst", "desktop-clinician");

    static String axeSource;

    /** The test's own centre, patient (with diary entries) and recall, built once for the class. */
    record Fixture(
            TestNetwork.Staff clinician,
            PatientAccounts.Created patient,
            UUID recallId,
            UUID messageId,
            String threadId) {}

    static Fixture fixture;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @BeforeEach
    void loadAxeAndFixture() {
        if (axeSource == null) {
            try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (fixture == null) {
            fixture = buildFixture();
        }
    }

    private Fixture buildFixture() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Walk");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Walter", "Walker-Montgomery-Fitzwilliam");
        UUID octavia = jdbc.sql("select id from product.product where brand_name = 'Octavia'")
                .query(UUID.class)
                .single();
        String batch = "WALK-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.ofInstant(TestClock.get().instant(), ZoneOffset.UTC);
        catalogue.receiveBatch(octavia, batch, today.plusYears(2), 500, 1000, today, null);
        ApiClient asPatient = new ApiClient(port).signIn(patient.username());
        String base = "/api/v1/patients/" + patient.patientId();
        Instant now = TestClock.get().instant().truncatedTo(ChronoUnit.SECONDS);
        for (int day = 1; day <= 40; day += 3) {
            String at = now.minus(day, ChronoUnit.DAYS).toString();
            check(asPatient.postJson(
                    base + "/infusions",
                    """
                    {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}"""
                            .formatted(at, octavia, batch)));
        }
        for (String site1 : List.of("LEFT_KNEE", "RIGHT_ANKLE", "LEFT_ELBOW")) {
            String at = now.minus(5 + site1.length(), ChronoUnit.DAYS).toString();
            check(asPatient.postJson(
                    base + "/bleeds",
                    """
                    {"startedAt": "%s", "site": "%s", "cause": "SPONTANEOUS", "pain": 6,
                     "jointImmobilising": true, "daysLostSchool": 0, "daysLostWork": 1}"""
                            .formatted(at, site1)));
        }
        ApiClient asClinician = new ApiClient(port).signIn(clinician.username());
        HttpResponse<String> recall = check(asClinician.postJson(
                "/api/v1/recalls",
                """
                {"productId": "%s", "batchNumbers": ["%s"], "reason": "Particles seen in vials", "level": "PATIENT"}"""
                        .formatted(octavia, batch)));
        UUID recallId = UUID.fromString(recall.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1"));
        UUID messageId = null;
        // the recall's message to the patient is sent after the recall's transaction commits
        for (int attempt = 0; attempt < 50 && messageId == null; attempt++) {
            messageId = jdbc.sql(
                            """
                            select id from message.message where recipient_kind = 'PATIENT' and recipient_id = :p
                            order by created_at desc limit 1""")
                    .param("p", patient.patientId())
                    .query(UUID.class)
                    .optional()
                    .orElse(null);
            if (messageId == null) {
                sleep();
            }
        }
        // a conversation with the centre (issue 16), with a long unbroken subject that must still fit the phone
        HttpResponse<String> thread = check(asPatient.postJson(
                "/api/v1/threads",
                """
                {"patientId": "%s", "subject": "Swelling-after-the-infusion-on-Tuesday-evening", "body": "It is warm."}"""
                        .formatted(patient.patientId())));
        String threadId = thread.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
        check(asClinician.postJson("/api/v1/threads/" + threadId + "/messages", "{\"body\": \"Please call us.\"}"));
        return new Fixture(clinician, patient, recallId, messageId, threadId);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> check(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "admin",
                "clinician.north",
                "nurse.north",
                "physio.north",
                "analyst",
                "commissioner",
                "patient.tom",
                "parent.sara",
                "courier"
            })
    void everyPageOfADemoRoleFitsAPhoneAndHasNoSeriousAccessibilityViolation(String username) {
        Page page = signInAnyRole(username);
        List<String> extra = new ArrayList<>();
        if (username.equals("clinician.north") || username.equals("nurse.north")) {
            UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                    .query(UUID.class)
                    .single();
            extra.addAll(List.of(
                    "/patients/" + tom,
                    "/patients/" + tom + "/diary-review",
                    "/patients/" + tom + "/pk",
                    "/patients/" + tom + "/treatment"));
        }
        if (username.equals("physio.north")) {
            UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                    .query(UUID.class)
                    .single();
            extra.addAll(List.of("/patients/" + tom, "/patients/" + tom + "/joint-scores/new"));
        }
        Walk walk = walk(page, username, extra);
        if (username.equals("clinician.north")) {
            assertThat(walk.patterns())
                    .as("the clinician's walk reaches a patient record, the diary review, the PK study and a recall")
                    .contains(
                            "/patients/{id}",
                            "/patients/{id}/diary-review",
                            "/patients/{id}/pk",
                            "/recalls",
                            "/recalls/{id}");
        }
        walk.assertClean();
    }

    @Test
    void theTestCentresPagesWithDiaryEntriesARecallAndItsMessageFitAPhoneAndAreAccessible() {
        UUID patient = fixture.patient().patientId();
        Page staff = signIn(fixture.clinician().username(), WIDTH);
        Walk clinicianWalk = walk(
                staff,
                "own-clinician",
                List.of(
                        "/patients/" + patient,
                        "/patients/" + patient + "/diary-review",
                        "/patients/" + patient + "/pk",
                        "/patients/" + patient + "/treatment",
                        "/recalls/" + fixture.recallId(),
                        "/messages/threads/" + fixture.threadId(),
                        "/access-log?patient=" + patient));
        Page own = signIn(fixture.patient().username(), WIDTH);
        List<String> patientPages = new ArrayList<>(List.of(
                "/diary",
                "/my-outcomes",
                "/my-level",
                "/messages",
                "/messages/threads/new",
                "/messages/threads/" + fixture.threadId(),
                "/access-log?patient=" + patient));
        if (fixture.messageId() != null) {
            patientPages.add("/messages/" + fixture.messageId());
        }
        Walk patientWalk = walk(own, "own-patient", patientPages);
        assertThat(fixture.messageId())
                .as("the recall reached the patient's inbox")
                .isNotNull();
        clinicianWalk.assertClean();
        patientWalk.assertClean();
    }

    @Test
    void theSignInPagesAndTheErrorPageFitAPhoneAndAreAccessible() {
        Page page = newPage(WIDTH);
        page.setViewportSize(WIDTH, HEIGHT);
        Walk walk = new Walk("signed-out");
        walk.visit(page, "/login");
        walk.visit(page, "/login?error");
        page.navigate("/login");
        page.getByLabel("Username").fill("nurse.north");
        page.getByLabel("Password").fill(SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/login/second-factor**");
        walk.check(page, "/login/second-factor");
        page.getByLabel("Code").fill(SignIn.totpCode());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        page.waitForURL("**/");
        walk.visit(page, "/no-such-page");
        walk.write();
        walk.assertClean();
    }

    @Test
    void theWidestPagesOfThePhoneStillFitADesktopAndAreAccessible() {
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        Walk walk = new Walk("desktop-clinician");
        for (String path : List.of(
                "/",
                "/products",
                "/centres",
                "/recalls",
                "/deliveries",
                "/patients/" + tom,
                "/patients/" + tom + "/treatment",
                "/patients/" + tom + "/diary-review",
                "/patients/" + tom + "/pk",
                "/access-log?patient=" + tom)) {
            walk.visit(page, path);
        }
        walk.write();
        walk.assertClean();
    }

    /**
     * Signs in through the forms like {@link BrowserTest#signIn}, but accepts any landing page: the courier's home is
     * {@code /provider/deliveries}, not {@code /}.
     */
    private Page signInAnyRole(String username) {
        Page page = newPage(WIDTH);
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.endsWith("/login"));
        if (page.url().contains("/login/second-factor")) {
            page.getByLabel("Code").fill(SignIn.totpCode());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                    .click();
            page.waitForURL(url -> !url.contains("/login"));
        }
        assertThat(page.url())
                .as(username + " signed in")
                .doesNotContain("/login")
                .doesNotContain("error");
        return page;
    }

    /** Walks from the role's navigation and the given pages, following links {@value #DEPTH} levels deep. */
    private Walk walk(Page page, String who, List<String> extra) {
        page.setViewportSize(WIDTH, HEIGHT);
        Walk walk = new Walk(who);
        @SuppressWarnings("unchecked")
        List<String> nav = (List<String>) page.evalOnSelectorAll(
                "#main-nav a[href]", "links => links.map(a => new URL(a.href).pathname + new URL(a.href).search)");
        assertThat(nav).as(who + "'s navigation").isNotEmpty();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String path : nav) {
            queue.add(Map.entry(path, 0));
        }
        for (String path : extra) {
            queue.add(Map.entry(path, 1));
        }
        while (!queue.isEmpty() && walk.pages.size() < MAX_PAGES) {
            var next = queue.poll();
            String path = next.getKey();
            if (!seen.add(pattern(path))) {
                continue;
            }
            boolean ok = walk.visit(page, path);
            if (!ok || next.getValue() >= DEPTH) {
                continue;
            }
            for (String link : links(page)) {
                if (!SKIP.matcher(link).matches() && !seen.contains(pattern(link))) {
                    queue.add(Map.entry(link, next.getValue() + 1));
                }
            }
        }
        walk.write();
        return walk;
    }

    @SuppressWarnings("unchecked")
    private List<String> links(Page page) {
        String origin = "http://localhost:" + port;
        List<String> hrefs = (List<String>) page.evalOnSelectorAll(
                "main a[href]:not([download]), header a[href]:not([download])",
                "links => links.map(a => a.href).filter(h => h.startsWith('http'))");
        List<String> paths = new ArrayList<>();
        for (String href : hrefs) {
            if (!href.startsWith(origin)) {
                continue;
            }
            URI uri = URI.create(href);
            String query = uri.getRawQuery();
            if (query != null && query.contains("lang=")) {
                continue;
            }
            paths.add(uri.getRawPath() + (query == null ? "" : "?" + query));
        }
        return paths;
    }

    /** A page's URL pattern: ids become {id}, query values are dropped. */
    static String pattern(String path) {
        int q = path.indexOf('?');
        String base = UUID_SEGMENT.matcher(q < 0 ? path : path.substring(0, q)).replaceAll("{id}");
        base = base.replaceAll("/\\d+(?=/|$)", "/{n}");
        if (q < 0) {
            return base;
        }
        Set<String> keys = new TreeSet<>();
        for (String part : path.substring(q + 1).split("&")) {
            keys.add(part.split("=", 2)[0]);
        }
        return base + "?" + String.join("&", keys);
    }

    /** What one walk found: per page its width and the serious or critical axe violations. */
    final class Walk {
        final String who;
        final Map<String, String> pages = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        final List<String> rows = new ArrayList<>();

        Walk(String who) {
            this.who = who;
        }

        Set<String> patterns() {
            return pages.keySet().stream()
                    .map(PhoneAndAccessibilityWalkBrowserTest::pattern)
                    .collect(Collectors.toSet());
        }

        boolean visit(Page page, String path) {
            Response response = page.navigate(path);
            int status = response == null ? 0 : response.status();
            if (status >= 400 && !path.equals("/no-such-page")) {
                pages.put(path, "HTTP " + status);
                problems.add(who + " " + path + ": HTTP " + status);
                rows.add(String.join("\t", who, pattern(path), path, "HTTP " + status, "", ""));
                return false;
            }
            check(page, path);
            return true;
        }

        @SuppressWarnings("unchecked")
        void check(Page page, String path) {
            page.waitForLoadState(LoadState.LOAD);
            Map<String, Object> width = (Map<String, Object>)
                    page.evaluate(
                            """
                    () => {
                      const w = window.innerWidth, sw = document.documentElement.scrollWidth;
                      const out = [];
                      if (sw > w) {
                        for (const e of document.querySelectorAll('body *')) {
                          const r = e.getBoundingClientRect();
                          const p = e.parentElement && e.parentElement.getBoundingClientRect();
                          if (r.width > 0 && r.right > w + 0.5 && !(p && p.right > w + 0.5)) {
                            out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                              + (e.className && typeof e.className === 'string'
                                  ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                              + ' (' + Math.round(r.right) + ' px)');
                          }
                          if (out.length >= 5) break;
                        }
                      }
                      return {w, sw, out};
                    }""");
            int viewport = ((Number) width.get("w")).intValue();
            int scrollWidth = ((Number) width.get("sw")).intValue();
            if (scrollWidth > viewport) {
                problems.add(who + " " + path + ": " + scrollWidth + " px wide at " + viewport + " px, sticking out: "
                        + width.get("out"));
            }
            page.evaluate(axeSource);
            List<Map<String, Object>> violations = (List<Map<String, Object>>)
                    page.evaluate(
                            """
                    async () => {
                      const r = await axe.run(document, {resultTypes: ['violations']});
                      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
                                    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}));
                    }""");
            for (Map<String, Object> v : violations) {
                problems.add(who + " " + path + ": axe " + v.get("impact") + " " + v.get("id") + " ×" + v.get("count")
                        + " at " + v.get("targets"));
            }
            if (SHOT_WALKERS.contains(who) && SHOTS.contains(pattern(path))) {
                String name = pattern(path).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
                screenshot(page, "walk-" + who + "-" + (name.isEmpty() ? "home" : name) + "-" + viewport);
            }
            String rules = violations.stream().map(v -> (String) v.get("id")).collect(Collectors.joining(","));
            pages.put(path, scrollWidth + " px");
            rows.add(String.join(
                    "\t",
                    who,
                    pattern(path),
                    path,
                    String.valueOf(scrollWidth),
                    String.valueOf(violations.size()),
                    rules));
        }

        void write() {
            try {
                Path dir = Path.of("target", "walk");
                Files.createDirectories(dir);
                Files.write(dir.resolve(who + ".tsv"), rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void assertClean() {
            assertThat(problems)
                    .as(who + " visited " + pages.size() + " pages: " + pages)
                    .isEmpty();
        }
    }
}
