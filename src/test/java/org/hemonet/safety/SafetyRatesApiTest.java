package org.hemonet.safety;

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
 * Rates per 1000 treatment-years from the diary and the reports (issue 13, clinical.md §9), on a product of the test's
 * own: one patient infused in two calendar years is 2 TY; a reported event counts, a draft does not; an analyst gets the
 * figures and never a narrative; a patient gets 403.
 */
class SafetyRatesApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void reportedEventsOverDiaryTreatmentYearsAndAnAnalystSeesNoNarrative() {
        UUID product = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "testocog alfa",
                "Safetest " + UUID.randomUUID().toString().substring(0, 6),
                "Test",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(500, 1000),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.5")));
        TestNetwork.Site site = TestNetwork.in(context).centre("Rates");
        UUID patient = site.patient("Eve", "Rates").patientId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        for (String at : List.of("2025-03-01T09:00:00Z", "2025-09-01T09:00:00Z", "2026-02-01T09:00:00Z")) {
            HttpResponse<String> infusion = nurse.postJson(
                    "/api/v1/patients/" + patient + "/infusions",
                    "{\"administeredAt\": \"%s\", \"productId\": \"%s\", \"doseIu\": 1000, \"reason\": \"PROPHYLAXIS\"}"
                            .formatted(at, product));
            assertThat(infusion.statusCode()).as(infusion.body()).isEqualTo(201);
        }
        String event = "{\"patientId\": \"%s\", \"category\": \"INHIBITOR\", \"onsetOn\": \"2026-03-01\","
                + " \"productId\": \"%s\", \"narrative\": \"Secret narrative\", \"status\": \"%s\"}";
        assertThat(nurse.postJson("/api/v1/adverse-events", event.formatted(patient, product, "REPORTED"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(nurse.postJson("/api/v1/adverse-events", event.formatted(patient, product, "DRAFT"))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> rates =
                new ApiClient(port).signIn("analyst").get("/api/v1/safety/rates?from=2025&to=2026&by=PRODUCT");
        assertThat(rates.statusCode()).as(rates.body()).isEqualTo(200);
        String mine = rates.body().replaceAll("(?s).*(\\{\"productId\":\"" + product + "\".*?\"rates\").*", "$1");
        assertThat(mine).contains("\"patientsTreated\":1", "\"treatmentYears\":2", "\"INHIBITOR\":1", "\"OTHER\":0");
        assertThat(rates.body()).doesNotContain("Secret narrative").doesNotContain(patient.toString());

        assertThat(new ApiClient(port)
                        .signIn(site.patient("Fay", "Self").username())
                        .get("/api/v1/safety/rates?from=2025&to=2026")
                        .statusCode())
                .isEqualTo(403);
        assertThat(nurse.get("/api/v1/safety/rates?from=2026&to=2025").statusCode())
                .isEqualTo(400);
    }
}
