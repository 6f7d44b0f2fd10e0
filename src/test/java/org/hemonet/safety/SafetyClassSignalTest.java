package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Class-level signals (issue 13, clinical.md §9): a class whose exact interval lies wholly above the rate of its
 * reference group — all products for the same factor, or the whole network for a class that replaces no single factor.
 *
 * <p>Hand-worked, in the calendar year Y = now − 11 (no treatment at all in the demo network then; checked): a fibrinogen
 * product E (class FIBRINOGEN_CONCENTRATE, reference ALL), one patient, three reported acute reactions → the class 3 in
 * 1 TY = 3000 (95 % CI lower χ²(0.025; 6)/2 = 0.6187 → 618.7); five patients on Octavia (FVIII), no events → the whole
 * network 3 in 6 TY = 500. 618.7 > 500: the fibrinogen class is flagged against ALL. E against its own class (E is the
 * whole class, 3000) is not, and neither FVIII class nor FVIII as a whole has an event.
 */
class SafetyClassSignalTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void aClassWhoseIntervalLiesWhollyAboveTheNetworkRateIsASignalOfItsOwn() {
        int year = LocalDate.now().getYear() - 11;
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        String before = analyst.get("/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT_CLASS".formatted(year, year))
                .body();
        assertThat(before).as("no treatment in the demo network that year").contains("\"items\":[]");

        ApiClient admin = new ApiClient(port).signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/products",
                """
                {"genericName": "human fibrinogen", "brandName": "Fibra E %s", "manufacturer": "Test",
                 "productClass": "FIBRINOGEN_CONCENTRATE", "unit": "MG", "vialSizes": [1000], "listPricePerUnit": 0.4}"""
                        .formatted(suffix));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID fibra = UUID.fromString(created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
        UUID octavia = catalogue.products().stream()
                .filter(p -> p.brandName().equals("Octavia"))
                .findFirst()
                .orElseThrow()
                .id();
        TestNetwork.Site site = TestNetwork.in(context).centre("ClassSignal");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        UUID first = site.patient("Eva", "Signal").patientId();
        infuse(nurse, first, fibra, year, "\"doseMg\": 1000");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = nurse.postJson(
                    "/api/v1/adverse-events",
                    """
                    {"patientId": "%s", "category": "ACUTE_REACTION", "onsetOn": "%d-06-01", "productId": "%s",
                     "narrative": "Class signal narrative", "status": "REPORTED"}"""
                            .formatted(first, year, fibra));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        for (String name : List.of("Finn", "Gus", "Hal", "Ida", "Jo")) {
            infuse(nurse, site.patient(name, "Signal").patientId(), octavia, year, "\"doseIu\": 2000");
        }

        HttpResponse<String> signals = analyst.get("/api/v1/safety/signals?from=%d&to=%d".formatted(year, year));
        assertThat(signals.statusCode()).as(signals.body()).isEqualTo(200);
        String body = signals.body();
        assertThat(body)
                .contains("{\"productId\":null,\"productClass\":\"FIBRINOGEN_CONCENTRATE\",\"level\":\"PRODUCT_CLASS\","
                        + "\"reference\":\"ALL\",\"category\":\"ACUTE_REACTION\",\"events\":3,\"treatmentYears\":1")
                .contains("\"classRatePer1000TreatmentYears\":500.0,\"classEvents\":3,\"classTreatmentYears\":6")
                .containsPattern("\"ci95\":\\[618\\.6[0-9]*,");
        assertThat(body).as("E is the whole of its class: no product signal").doesNotContain(fibra.toString());
        assertThat(body).doesNotContain("FVIII_RECOMBINANT_STANDARD").doesNotContain("Class signal narrative");

        HttpResponse<String> page = analyst.getHtml("/safety/rates?from=%d&to=%d".formatted(year, year));
        assertThat(page.body())
                .contains("Fibrinogen concentrate (all products of the class)")
                .contains("all products in the network");
    }

    private static void infuse(ApiClient nurse, UUID patient, UUID product, int year, String dose) {
        HttpResponse<String> r = nurse.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                "{\"administeredAt\": \"%d-05-01T09:00:00Z\", \"productId\": \"%s\", %s, \"reason\": \"PROPHYLAXIS\"}"
                        .formatted(year, product, dose));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
