package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * Rates by product class and signals (issue 13, clinical.md §9), on fibrinogen products the test adds through {@code
 * POST /api/v1/products}, in calendar years eight to ten years back where the demo network has no fibrinogen
 * treatment (the test checks that before it counts).
 *
 * <p>Hand-worked class case, years Y1 = now − 9 and Y2 = now − 8: patient 1 is treated with products A and B in Y1 and
 * with A in Y2; patient 2 with B in Y2. Product A: 2 TY; product B: 2 TY; the class: 3 TY (patient 1 with two
 * products of the class in Y1 is one TY), 2 patients. One reported thrombosis on A in Y2 (and a draft, not counted):
 * class 1 in 3 TY → 333.3 (8.4–1857.2), the worked check of clinical.md §9; A 1 in 2 TY → 500.0 (12.7–2785.8). No
 * signal: A's lower limit 12.7 is below the class rate 333.3.
 *
 * <p>Hand-worked signal, year Y3 = now − 7: product C, one patient, three reported acute reactions → 3 in 1 TY = 3000
 * (lower χ²(0.025; 6)/2 = 0.6187 → 618.7); product D, five patients, none → the class: 3 in 6 TY = 500. 618.7 > 500:
 * C is flagged for acute reactions, D is not.
 */
class SafetyClassRatesApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private static final String CLASS = "FIBRINOGEN_CONCENTRATE";

    private UUID addProduct(ApiClient admin, String brand) {
        HttpResponse<String> created = admin.postJson(
                "/api/v1/products",
                """
                {"genericName": "human fibrinogen", "brandName": "%s", "manufacturer": "Test",
                 "productClass": "%s", "unit": "MG", "vialSizes": [1000, 2000], "listPricePerUnit": 0.4}"""
                        .formatted(brand, CLASS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
    }

    private static void infuse(ApiClient nurse, UUID patient, UUID product, int year) {
        HttpResponse<String> r = nurse.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                "{\"administeredAt\": \"%d-05-01T09:00:00Z\", \"productId\": \"%s\", \"doseMg\": 2000, \"reason\": \"PROPHYLAXIS\"}"
                        .formatted(year, product));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static void event(ApiClient nurse, UUID patient, UUID product, String category, int year, String status) {
        HttpResponse<String> r = nurse.postJson(
                "/api/v1/adverse-events",
                """
                {"patientId": "%s", "category": "%s", "onsetOn": "%d-06-01", "productId": "%s",
                 "narrative": "Class narrative", "status": "%s"}"""
                        .formatted(patient, category, year, product, status));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The JSON object of one item, from its opening brace to its rates. */
    private static String item(String body, String startsWith) {
        int at = body.indexOf(startsWith);
        assertThat(at).as(startsWith + " in " + body).isGreaterThanOrEqualTo(0);
        int end = body.indexOf("}}}", at);
        return body.substring(at, end < 0 ? body.length() : end + 3);
    }

    @Test
    void aPatientTreatedWithTwoProductsOfAClassInAYearIsOneTreatmentYearOfTheClass() {
        int y1 = LocalDate.now().getYear() - 9;
        int y2 = y1 + 1;
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        String before = analyst.get("/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT_CLASS".formatted(y1, y2))
                .body();
        assertThat(before).as("no fibrinogen treatment in the demo years").doesNotContain(CLASS);

        ApiClient admin = new ApiClient(port).signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID a = addProduct(admin, "Fibra A " + suffix);
        UUID b = addProduct(admin, "Fibra B " + suffix);
        TestNetwork.Site site = TestNetwork.in(context).centre("ClassRates");
        UUID p1 = site.patient("Ivo", "Class").patientId();
        UUID p2 = site.patient("Jan", "Class").patientId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        infuse(nurse, p1, a, y1);
        infuse(nurse, p1, b, y1);
        infuse(nurse, p1, a, y2);
        infuse(nurse, p2, b, y2);
        event(nurse, p1, a, "THROMBOSIS", y2, "REPORTED");
        event(nurse, p1, a, "THROMBOSIS", y2, "DRAFT");

        HttpResponse<String> classes =
                analyst.get("/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT_CLASS".formatted(y1, y2));
        assertThat(classes.statusCode()).as(classes.body()).isEqualTo(200);
        String fibrinogen = item(classes.body(), "{\"productId\":null,\"productClass\":\"" + CLASS + "\"");
        assertThat(fibrinogen)
                .contains("\"patientsTreated\":2", "\"treatmentYears\":3", "\"THROMBOSIS\":1", "\"INHIBITOR\":0")
                .contains("\"THROMBOSIS\":{\"per1000TreatmentYears\":333.3333333333333,\"ci95\":[8.4");
        assertThat(fibrinogen).containsPattern("\"THROMBOSIS\":\\{[^}]*\"ci95\":\\[8\\.43[0-9]*,1857\\.2[0-9]*]");
        assertThat(fibrinogen).contains("\"INHIBITOR\":{\"per1000TreatmentYears\":0.0,\"ci95\":[0.0,");
        assertThat(classes.body()).doesNotContain("Class narrative").doesNotContain(p1.toString());

        HttpResponse<String> products = analyst.get("/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT".formatted(y1, y2));
        assertThat(item(products.body(), "{\"productId\":\"" + a + "\""))
                .contains("\"patientsTreated\":1", "\"treatmentYears\":2", "\"THROMBOSIS\":1")
                .containsPattern(
                        "\"THROMBOSIS\":\\{\"per1000TreatmentYears\":500\\.0,\"ci95\":\\[12\\.6[0-9]*,2785\\.8");
        assertThat(item(products.body(), "{\"productId\":\"" + b + "\""))
                .contains("\"patientsTreated\":2", "\"treatmentYears\":2", "\"THROMBOSIS\":0");

        HttpResponse<String> signals = analyst.get("/api/v1/safety/signals?from=%d&to=%d".formatted(y1, y2));
        assertThat(signals.statusCode()).isEqualTo(200);
        assertThat(signals.body()).doesNotContain(a.toString()).doesNotContain(b.toString());

        assertThat(analyst.get("/api/v1/safety/rates?from=%d&to=%d&by=CENTRE".formatted(y1, y2))
                        .statusCode())
                .isEqualTo(400);
        assertThat(new ApiClient(port)
                        .signIn(site.patient("Kit", "Class").username())
                        .get("/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT_CLASS".formatted(y1, y2))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aProductWhoseIntervalLiesWhollyAboveItsClassRateIsASignal() {
        int y3 = LocalDate.now().getYear() - 7;
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.get("/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT_CLASS".formatted(y3, y3))
                        .body())
                .doesNotContain(CLASS);
        ApiClient admin = new ApiClient(port).signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID c = addProduct(admin, "Fibra C " + suffix);
        UUID d = addProduct(admin, "Fibra D " + suffix);
        TestNetwork.Site site = TestNetwork.in(context).centre("Signals");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        UUID first = site.patient("Lea", "Signal").patientId();
        infuse(nurse, first, c, y3);
        for (int i = 0; i < 3; i++) {
            event(nurse, first, c, "ACUTE_REACTION", y3, "REPORTED");
        }
        for (String name : List.of("Mo", "Ned", "Ola", "Pia", "Quin")) {
            infuse(nurse, site.patient(name, "Signal").patientId(), d, y3);
        }

        HttpResponse<String> signals = analyst.get("/api/v1/safety/signals?from=%d&to=%d".formatted(y3, y3));
        assertThat(signals.statusCode()).as(signals.body()).isEqualTo(200);
        String mine = item(signals.body(), "{\"productId\":\"" + c + "\"");
        assertThat(mine)
                .contains("\"productClass\":\"" + CLASS + "\"", "\"category\":\"ACUTE_REACTION\"", "\"events\":3")
                .contains(
                        "\"treatmentYears\":1",
                        "\"per1000TreatmentYears\":3000.0",
                        "\"classRatePer1000TreatmentYears\":500.0")
                .containsPattern("\"ci95\":\\[618\\.6[0-9]*,");
        assertThat(signals.body()).doesNotContain(d.toString()).doesNotContain("Class narrative");

        HttpResponse<String> page = analyst.getHtml("/safety/rates?from=%d&to=%d".formatted(y3, y3));
        assertThat(page.body()).contains("id=\"signals\"").contains("Fibra C " + suffix);
    }
}
