package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 5: a clinician raises a recall on the recall page and sees the alert when a patient infuses from the batch. */
class RecallBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void clinicianRaisesARecallAndSeesTheAlertOfAnInfusionFromTheBatch() {
        UUID octavia = jdbc.sql("select id from product.product where brand_name = 'Octavia'")
                .query(UUID.class)
                .single();
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        String batch = "RCB-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);

        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recalls"))
                .click();
        page.locator("#productId").selectOption(octavia.toString());
        page.locator("#batchNumbers").fill(batch);
        page.locator("#reason").fill("Particles seen in vials");
        page.locator("#level").selectOption("PATIENT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise recall"))
                .click();
        assertThat(page.locator("h1")).containsText(batch);
        assertThat(page.locator("[role=status]")).containsText("The recall is issued");

        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        var infusion = new ApiClient(port)
                .signIn("patient.tom")
                .postJson(
                        "/api/v1/patients/" + tom + "/infusions",
                        """
                        {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}
                        """
                                .formatted(at, octavia, batch));
        org.assertj.core.api.Assertions.assertThat(infusion.statusCode()).isEqualTo(201);

        page.reload();
        assertThat(page.locator(".recall-alerts")).containsText("Tom Bradley");
        assertThat(page.locator(".recall-alerts")).containsText(batch);
        screenshot(page, "recall-alert-desktop");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All recalls"))
                .click();
        assertThat(page.locator("table.recalls")).containsText(batch);
    }
}
