package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class MyLevelBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    void logInfusion(ApiClient api, UUID patient, String brand, Instant at) {
        DemoProducts batch = jdbc.sql(
                        """
                        select p.id, b.batch_number from product.product p join product.batch b on b.product_id = p.id
                        where p.brand_name = :brand order by b.batch_number limit 1""")
                .param("brand", brand)
                .query((rs, n) -> new DemoProducts(rs.getObject("id", UUID.class), rs.getString("batch_number")))
                .single();
        int status = api.postJson(
                        "/api/v1/patients/" + patient + "/infusions",
                        """
                        {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 1500, "reason": "PROPHYLAXIS"}"""
                                .formatted(at, batch.productId(), batch.batchNumber()))
                .statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(201);
    }

    /**
     * Issue 20: a concentrate without a model fitted on its molecule shows the notice instead of an estimate; after an
     * infusion of a product with one, the estimate names that product and says the other infusion is not counted.
     */
    @Test
    void aProductWithoutAModelShowsTheNoticeAndAnotherProductsInfusionIsNotCounted() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Level browser");
        PatientAccounts.Created own = site.patient("Bea", "Product");
        jdbc.sql("insert into patient.weight (id, patient_id, measured_on, weight_kg) values (:id, :p, :on, 40)")
                .param("id", UUID.randomUUID())
                .param("p", own.patientId())
                .param("on", LocalDate.now(TestClock.get()).minusDays(10))
                .update();
        jdbc.sql("update patient.diagnosis set type = 'HEMOPHILIA_B' where patient_id = :p")
                .param("p", own.patientId())
                .update();
        ApiClient api = new ApiClient(port).signIn(own.username());
        Instant now = TestClock.get().instant().truncatedTo(ChronoUnit.SECONDS);
        logInfusion(api, own.patientId(), "Albira", now.minus(5, ChronoUnit.HOURS));

        Page phone = signIn(own.username(), PHONE_WIDTH);
        phone.navigate("/my-level");
        assertThat(phone.locator("#my-level-problem"))
                .containsText("No validated PK model for this product: Albira (albutrepenonacog alfa)");
        assertThat(phone.locator("#level-now")).hasCount(0);
        // no PK study can make an estimate personal without a model for the product: that hint is not shown
        assertThat(phone.locator("#my-level-about")).hasCount(0);
        screenshot(phone, "my-level-no-product-model-phone");

        logInfusion(api, own.patientId(), "Plasmavia IX", now.minus(2, ChronoUnit.HOURS));
        Page desktop = signIn(own.username(), DESKTOP_WIDTH);
        desktop.navigate("/my-level");
        assertThat(desktop.locator("#level-now")).containsText("IU/dL");
        assertThat(desktop.locator("#level-product")).containsText("Estimated for Plasmavia IX");
        assertThat(desktop.locator("#other-infusions")).containsText("not counted: 1");
        desktop.waitForTimeout(300);
        screenshot(desktop, "my-level-product-desktop");
    }

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
