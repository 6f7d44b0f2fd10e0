package org.hemonet.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Catalogue maintenance (issue 13): the network administrator adds a product (201 with it) and withdraws it (never
 * deletes it); other roles get 403; bad input is a 400 problem naming the field; a withdrawn product can no longer be
 * logged or prescribed but stays readable.
 */
class ProductMaintenanceApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    static String body(String brand, String productClass, String unit, String extra) {
        return """
                {"genericName": "testocog gamma", "brandName": "%s", "manufacturer": "Test Pharma",
                 "productClass": "%s", "unit": "%s", "vialSizes": [500, 250, 1000], "recovery": 2.0,
                 "listPricePerUnit": 0.61 %s}"""
                .formatted(brand, productClass, unit, extra);
    }

    @Test
    void theAdministratorAddsAndWithdrawsAProductAndOthersAreForbidden() {
        ApiClient admin = new ApiClient(port).signIn("admin");
        String brand = "Maintest " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created =
                admin.postJson("/api/v1/products", body(brand, "FVIII_RECOMBINANT_STANDARD", "IU", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).startsWith("/api/v1/products/");
        assertThat(created.body())
                .contains("\"brandName\":\"" + brand + "\"", "\"vialSizes\":[250,500,1000]", "\"status\":\"ACTIVE\"")
                .contains("\"currency\":\"GBP\"", "\"recovery\":2.0");
        String id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        for (String user : List.of("clinician.north", "nurse.north", "analyst", "commissioner", "parent.sara")) {
            HttpResponse<String> refused = new ApiClient(port)
                    .signIn(user)
                    .postJson("/api/v1/products", body(brand + "x", "FVIII_RECOMBINANT_STANDARD", "IU", ""));
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(new ApiClient(port)
                            .signIn(user)
                            .postJson("/api/v1/products/" + id + "/withdrawal", "{\"reason\": \"no\"}")
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
        }

        // a patient of a test centre is treated with it before the withdrawal; afterwards it cannot be logged
        TestNetwork.Site site = TestNetwork.in(context).centre("Withdrawal");
        UUID patient = site.patient("Rae", "Withdrawn").patientId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        String infusion =
                "{\"administeredAt\": \"%s\", \"productId\": \"%s\", \"doseIu\": 1000, \"reason\": \"PROPHYLAXIS\"}";
        HttpResponse<String> before = nurse.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                infusion.formatted(java.time.Instant.now().minusSeconds(86_400), id));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
        String infusionId = before.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");

        assertThat(admin.postJson("/api/v1/products/" + id + "/withdrawal", "{}")
                        .body())
                .contains("reason");
        HttpResponse<String> withdrawn = admin.postJson(
                "/api/v1/products/" + id + "/withdrawal", "{\"reason\": \"Marketing authorisation lapsed\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.body())
                .contains("\"status\":\"WITHDRAWN\"", "\"withdrawalReason\":\"Marketing authorisation lapsed\"");
        assertThat(admin.postJson("/api/v1/products/" + id + "/withdrawal", "{\"reason\": \"again\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(admin.get("/api/v1/products/" + id).body()).contains("\"status\":\"WITHDRAWN\"");

        HttpResponse<String> logged = nurse.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                infusion.formatted(java.time.Instant.now().minusSeconds(3600), id));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(400);
        assertThat(logged.body()).contains("productId");
        assertThat(nurse.get("/api/v1/patients/" + patient + "/infusions").body())
                .as("the infusion before the withdrawal stays in the history")
                .contains(id);
        String stored = nurse.get("/api/v1/patients/" + patient + "/infusions/" + infusionId)
                .body();
        String version = stored.replaceAll("(?s).*\"version\":(\\d+).*", "$1");
        HttpResponse<String> corrected = nurse.postJson(
                "/api/v1/patients/" + patient + "/infusions/" + infusionId + "/corrections",
                "{\"version\": %s, \"reason\": \"Typo in the dose\", \"doseIu\": 500}".formatted(version));
        assertThat(corrected.statusCode())
                .as("an infusion logged before the withdrawal can still be corrected: " + corrected.body())
                .isBetween(200, 201);
        HttpResponse<String> prescribed = nurse.postJson(
                "/api/v1/patients/" + patient + "/treatment-plans",
                "{\"regimen\": \"ON_DEMAND\", \"productId\": \"%s\", \"dose\": 1000, \"validFrom\": \"%s\"}"
                        .formatted(id, java.time.LocalDate.now()));
        assertThat(prescribed.statusCode()).as(prescribed.body()).isEqualTo(400);
        assertThat(prescribed.body()).contains("\"field\":\"productId\"");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ApiClient admin = new ApiClient(port).signIn("admin");
        String brand = "Badtest " + UUID.randomUUID().toString().substring(0, 6);
        record Case(String json, String field) {}
        List<Case> cases = List.of(
                new Case(body(brand, "EMICIZUMAB", "IU", ""), "unit"),
                new Case(
                        body(brand, "FVIII_RECOMBINANT_STANDARD", "IU", ", \"recoveryUnder12\": 12"),
                        "recoveryUnder12"),
                new Case(
                        body(brand, "FVIII_RECOMBINANT_STANDARD", "IU", ", \"pkModelId\": \"fix-brekkan-2016\""),
                        "pkModelId"),
                new Case(body(brand, "NO_SUCH_CLASS", "IU", ""), "productClass"),
                new Case(body("", "FVIII_RECOMBINANT_STANDARD", "IU", ""), "brandName"),
                new Case(body(brand, "EMICIZUMAB", "MG", ""), "concentrationMgPerMl"),
                new Case(
                        body(brand, "FVIII_RECOMBINANT_STANDARD", "IU", "").replace("[500, 250, 1000]", "[500, 500]"),
                        "vialSizes"),
                new Case(body(brand, "FVIII_RECOMBINANT_STANDARD", "IU", "").replace("0.61", "-1"), "listPricePerUnit"),
                new Case(body("Bypara", "BYPASSING_APCC", "IU", "").replace("\"recovery\": 2.0,", ""), "brandName"));
        for (Case c : cases) {
            HttpResponse<String> refused = admin.postJson("/api/v1/products", c.json());
            assertThat(refused.statusCode())
                    .as(c.field() + ": " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(refused.body()).as(c.field()).contains("\"field\":\"" + c.field() + "\"");
        }
        assertThat(admin.get("/api/v1/products").body()).doesNotContain(brand);
        assertThat(admin.postJson("/api/v1/products/" + UUID.randomUUID() + "/withdrawal", "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);
    }
}
