package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6, outcome pages in a real browser: the clinician goes from "patients needing attention" to a patient's diary
 * review and sees the bleed the patient's parent logged a moment before; a patient sees the bleed calendar and the body
 * map on a 360 px phone. Screenshots at 360 and 1280 px go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutcomeBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    UUID patient(String given, String family) {
        return jdbc.sql("select id from patient.patient where given_name = :g and family_name = :f")
                .param("g", given)
                .param("f", family)
                .query(UUID.class)
                .single();
    }

    String bleed(String startedAt, String site, String cause, boolean immobilising, String note) {
        return """
                {"startedAt": "%s", "site": "%s", "cause": "%s", "pain": 4, "jointImmobilising": %s, "note": "%s"}"""
                .formatted(startedAt, site, cause, immobilising, note);
    }

    /** Nothing sticks out of a 360 px screen (the timeline scrolls inside its own box). */
    static void fitsThePhone(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    @Test
    @Order(1)
    void clinicianGoesFromTheAttentionListToTheReviewAndSeesABleedLoggedAMomentBefore() {
        UUID sam = patient("Sam", "Okafor");
        Page page = signIn("clinician.south", DESKTOP_WIDTH);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Needs attention"))
                .click();
        assertThat(page.locator("h1")).hasText("Patients needing attention");
        Locator samRow = page.locator(".attention-row[data-patient='" + sam + "']");
        assertThat(samRow).containsText("Diary silent");
        screenshot(page, "attention-desktop");

        // the parent logs a bleed for Sam on their phone (through the API) while the clinician has the list open
        var logged = new ApiClient(port)
                .signIn("parent.sara")
                .postJson(
                        "/api/v1/patients/" + sam + "/bleeds",
                        bleed(
                                Instant.now().minus(5, ChronoUnit.MINUTES).toString(),
                                "LEFT_ANKLE",
                                "SPONTANEOUS",
                                true,
                                "Fell off his bike"));
        org.assertj.core.api.Assertions.assertThat(logged.statusCode()).isEqualTo(201);

        samRow.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        assertThat(page.locator("h1")).hasText("Diary review: Sam Okafor");
        Locator newest = page.locator("#review-entries tbody tr").first();
        assertThat(newest).containsText("Bleed: Left ankle");
        assertThat(newest).containsText("joint-immobilising");
        assertThat(newest).containsText("Fell off his bike");
        assertThat(page.locator("#timeline .bleed.immobilising")).hasCount(1);
        assertThat(page.locator("#hjhs-link")).hasAttribute("href", "/patients/" + sam + "/joint-scores");
        screenshot(page, "diary-review-desktop");

        Page phone = signIn("clinician.south", PHONE_WIDTH);
        phone.navigate("/patients/" + sam + "/diary-review");
        assertThat(phone.locator("#review-entries")).containsText("Fell off his bike");
        fitsThePhone(phone);
        screenshot(phone, "diary-review-phone");
        phone.navigate("/attention");
        fitsThePhone(phone);
        screenshot(phone, "attention-phone");
    }

    @Test
    @Order(2)
    void tomSeesTheBleedCalendarAndTheBodyMapOnAPhone() {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        page.locator("#my-outcomes-link").click();
        assertThat(page.locator("h1")).hasText("Tom's bleeds and outcomes");
        assertThat(page.locator("#heat-map")).isVisible();
        assertThat(page.locator("#heat-map figure")).hasCount(12);
        assertThat(page.locator("#body-map")).isVisible();
        assertThat(page.locator("#abr-trend")).isVisible();
        fitsThePhone(page);
        screenshot(page, "my-outcomes-tom-phone");
    }

    @Test
    @Order(3)
    void aParentSeesEachChildsCalendarBodyMapAndTrend() {
        UUID leo = patient("Leo", "Okafor");
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        String[][] history = {
            {"20", "LEFT_KNEE", "SPONTANEOUS"},
            {"21", "LEFT_KNEE", "SPONTANEOUS"},
            {"75", "LEFT_KNEE", "SPONTANEOUS"},
            {"120", "RIGHT_ELBOW", "TRAUMATIC"},
            {"200", "LEFT_KNEE", "SPONTANEOUS"},
            {"260", "NOSE", "SPONTANEOUS"},
            {"300", "RIGHT_ANKLE", "TRAUMATIC"}
        };
        for (String[] h : history) {
            var response = sara.postJson(
                    "/api/v1/patients/" + leo + "/bleeds",
                    bleed(
                            Instant.now()
                                    .minus(Long.parseLong(h[0]), ChronoUnit.DAYS)
                                    .toString(),
                            h[1],
                            h[2],
                            false,
                            "history"));
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(201);
        }
        Page page = signIn("parent.sara", PHONE_WIDTH);
        page.navigate("/my-outcomes?patient=" + leo);
        assertThat(page.locator("h1")).hasText("Leo's bleeds and outcomes");
        assertThat(page.locator(".tabs a")).hasCount(2);
        assertThat(page.locator("#body-map .spot.bled")).not().hasCount(0);
        assertThat(page.locator("#site-counts")).containsText("Left knee");
        assertThat(page.locator("#heat-map rect.day.l1, #heat-map rect.day.l2"))
                .not()
                .hasCount(0);
        screenshot(page, "my-outcomes-leo-phone");
        Page desktop = signIn("parent.sara", DESKTOP_WIDTH);
        desktop.navigate("/my-outcomes?patient=" + leo);
        screenshot(desktop, "my-outcomes-leo-desktop");
    }
}
