package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.DemoProducts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MyLevelBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void patientOpensTheirEstimatedLevelFromTheHomePage() {
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        // a FVIII concentrate: the level page counts only the infusions of the product whose model it uses (issue 20)
        DemoProducts product = DemoProducts.ofMolecule(jdbc, "octocog alfa");
        String at = Instant.now()
                .minus(3, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        int status = new ApiClient(port)
                .signIn("patient.tom")
                .postJson(
                        "/api/v1/patients/" + tom + "/infusions",
                        """
                        {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}"""
                                .formatted(at, product.productId(), product.batchNumber()))
                .statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(201);

        Page page = signIn("patient.tom", PHONE_WIDTH);
        page.locator("#my-level-link").click();
        assertThat(page.locator("#level-now")).containsText("IU/dL");
        assertThat(page.locator("main")).containsText("not a blood test");
        assertThat(page.locator("#pk-chart")).isVisible();
        screenshot(page, "my-level-phone");
    }
}
