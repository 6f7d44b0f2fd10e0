package org.hemonet.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The safety rates page and its CSV (issue 13, clinical.md §9): a product of the test's own, one patient infused in
 * 2025 and 2026 (2 TY), one reported inhibitor and one draft (not counted): 1 event in 2 TY → 500.0 per 1000 TY,
 * exact interval by hand χ²(0.025; 2)/2 = −ln 0.975 = 0.02532 → 12.7 and χ²(0.975; 4)/2 = 5.5716 → 2785.8.
 */
class SafetyRatesPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    ApplicationContext context;

    @Test
    void figuresAreShownAsInTheEuhassReports() {
        assertThat(SafetyRatesPage.figure(0.10825)).isEqualTo("0.11");
        assertThat(SafetyRatesPage.figure(0.00274)).isEqualTo("0.003");
        assertThat(SafetyRatesPage.figure(4.2136)).isEqualTo("4.21");
        assertThat(SafetyRatesPage.figure(333.33)).isEqualTo("333.3");
        assertThat(SafetyRatesPage.figure(1857.23)).isEqualTo("1857.2");
        assertThat(SafetyRatesPage.figure(0)).isEqualTo("0");
    }

    @Test
    void anAnalystSeesTheRateAndIntervalOfReportedEventsOnlyAndTheCsv() {
        String brand = "Ratepage " + UUID.randomUUID().toString().substring(0, 6);
        UUID product = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "testocog beta",
                brand,
                "Test",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(500, 1000),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.5")));
        TestNetwork.Site site = TestNetwork.in(context).centre("RatesPage");
        UUID patient = site.patient("Gil", "Rates").patientId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        for (String at : List.of("2025-03-01T09:00:00Z", "2026-02-01T09:00:00Z")) {
            HttpResponse<String> infusion = nurse.postJson(
                    "/api/v1/patients/" + patient + "/infusions",
                    "{\"administeredAt\": \"%s\", \"productId\": \"%s\", \"doseIu\": 1000, \"reason\": \"PROPHYLAXIS\"}"
                            .formatted(at, product));
            assertThat(infusion.statusCode()).as(infusion.body()).isEqualTo(201);
        }
        String event = "{\"patientId\": \"%s\", \"category\": \"INHIBITOR\", \"onsetOn\": \"2026-03-01\","
                + " \"productId\": \"%s\", \"narrative\": \"Private words\", \"status\": \"%s\"}";
        for (String status : List.of("REPORTED", "DRAFT")) {
            assertThat(nurse.postJson("/api/v1/adverse-events", event.formatted(patient, product, status))
                            .statusCode())
                    .isEqualTo(201);
        }

        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> page = analyst.getHtml("/safety/rates?from=2025&to=2026&category=INHIBITOR");
        assertThat(page.statusCode()).isEqualTo(200);
        String row = page.body()
                .replaceAll("(?s).*(<th scope=\"row\" class=\"product\">" + brand + "</th>.*?</tr>).*", "$1");
        assertThat(row).contains(">2</td>", ">1</td>", ">500.0</span>", "(12.7–2785.8)</small>", ">12.7–2785.8</td>");
        assertThat(page.body()).doesNotContain("Private words").doesNotContain("Gil");

        HttpResponse<String> acute = analyst.getHtml("/safety/rates?from=2025&to=2026&category=ACUTE_REACTION");
        String acuteRow = acute.body()
                .replaceAll("(?s).*(<th scope=\"row\" class=\"product\">" + brand + "</th>.*?</tr>).*", "$1");
        assertThat(acuteRow).contains(">0</td>", ">0–1844.4</td>");

        HttpResponse<String> csv = analyst.get("/safety/rates.csv?from=2025&to=2026", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("product_id,product,product_class,")
                .contains(product + "," + brand + ",FVIII_RECOMBINANT_STANDARD,2025,2026,1,2,INHIBITOR,1,500.0,");
        assertThat(analyst.getHtml("/safety/rates?from=2026&to=2025").statusCode())
                .isEqualTo(400);
        assertThat(new ApiClient(port)
                        .signIn(site.patient("Hal", "Self").username())
                        .getHtml("/safety/rates")
                        .statusCode())
                .isEqualTo(403);
    }
}
