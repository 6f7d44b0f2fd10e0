package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * The quarterly return (issue 13) on a product the test adds, in the second quarter six years back (no other data uses
 * that product). Centre A: two patients treated with it in the year, one reported acute reaction in the quarter and a
 * draft (not counted). Centre B: nine patients treated, no event.
 *
 * <p>Hand-worked, centre staff of A: their centre only, exact — 1 event, 2 patients. Network analyst: A's event 1 → *,
 * national events [1 beside zeros] → the total would give it away → *. Patients [2, 9]: 2 → *, and B's 9 is hidden as
 * well (secondary suppression: otherwise 9 shown as 10 beside a total would bound A); national 11 → * (a total beside a
 * hidden cell is never shown, not even rounded: DisclosureControl, clinical.md §8). No name, no narrative. A patient and the administrator get
 * 403; another centre's id is 404 for centre staff.
 */
class SafetyReturnsApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void centreStaffSeeTheirCentreExactlyAndAnalystsEveryCentreUnderDisclosureControl() {
        int year = LocalDate.now().getYear() - 6;
        ApiClient admin = new ApiClient(port).signIn("admin");
        String brand = "Returnol " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/products",
                """
                {"genericName": "testocog delta", "brandName": "%s", "manufacturer": "Test",
                 "productClass": "FIX_RECOMBINANT_STANDARD", "unit": "IU", "vialSizes": [500, 1000],
                 "recovery": 1.0, "listPricePerUnit": 0.9}"""
                        .formatted(brand));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String product = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String infusion =
                "{\"administeredAt\": \"%d-08-01T09:00:00Z\", \"productId\": \"%s\", \"doseIu\": 1000, \"reason\": \"PROPHYLAXIS\"}";

        TestNetwork.Site a = TestNetwork.in(context).centre("ReturnA");
        ApiClient nurseA = new ApiClient(port).signIn(a.staff(Role.NURSE).username());
        UUID first = a.patient("Sol", "Return").patientId();
        for (UUID p : new UUID[] {first, a.patient("Tia", "Return").patientId()}) {
            assertThat(nurseA.postJson("/api/v1/patients/" + p + "/infusions", infusion.formatted(year, product))
                            .statusCode())
                    .isEqualTo(201);
        }
        String event =
                """
                {"patientId": "%s", "category": "ACUTE_REACTION", "onsetOn": "%d-05-10", "productId": "%s",
                 "serious": true, "narrative": "Return narrative", "status": "%s"}""";
        for (String status : new String[] {"REPORTED", "DRAFT"}) {
            assertThat(nurseA.postJson("/api/v1/adverse-events", event.formatted(first, year, product, status))
                            .statusCode())
                    .isEqualTo(201);
        }
        TestNetwork.Site b = TestNetwork.in(context).centre("ReturnB");
        ApiClient nurseB = new ApiClient(port).signIn(b.staff(Role.NURSE).username());
        for (int i = 0; i < 9; i++) {
            UUID p = b.patient("Uma" + (char) ('a' + i), "Return").patientId();
            assertThat(nurseB.postJson("/api/v1/patients/" + p + "/infusions", infusion.formatted(year, product))
                            .statusCode())
                    .isEqualTo(201);
        }
        String query = "/api/v1/safety/returns?year=%d&quarter=2".formatted(year);

        HttpResponse<String> own = nurseA.get(query);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body())
                .contains(
                        "\"disclosureControlled\":false",
                        "\"from\":\"" + year + "-04-01\"",
                        "\"to\":\"" + year + "-06-30\"")
                .contains("\"centreId\":\"" + a.centreId() + "\"")
                .doesNotContain(b.centreId().toString());
        String ownCentre = own.body().substring(own.body().indexOf("\"centreId\":\"" + a.centreId()));
        assertThat(ownCentre)
                .contains(
                        "{\"productId\":\"" + product + "\",\"productName\":\"" + brand
                                + "\",\"productClass\":\"FIX_RECOMBINANT_STANDARD\",\"category\":\"ACUTE_REACTION\",\"events\":\"1\"}",
                        "{\"productId\":\"" + product + "\",\"productName\":\"" + brand
                                + "\",\"productClass\":\"FIX_RECOMBINANT_STANDARD\",\"patients\":\"2\"}");
        assertThat(nurseA.get(query + "&centreId=" + b.centreId()).statusCode()).isEqualTo(404);

        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> network = analyst.get(query);
        assertThat(network.statusCode()).isEqualTo(200);
        String body = network.body();
        assertThat(body).contains("\"disclosureControlled\":true");
        // no patient: neither names nor ids (whole names: other tests' centres may be called "Level Solms ...")
        assertThat(body)
                .doesNotContain("Return narrative", "Sol Return", "Return, Sol", "Umaa Return", first.toString());
        String centreA = body.substring(
                body.indexOf("\"centreId\":\"" + a.centreId()), body.indexOf("\"centreId\":\"" + a.centreId()) + 600);
        assertThat(centreA).contains("\"category\":\"ACUTE_REACTION\",\"events\":\"*\"", "\"patients\":\"*\"");
        String centreB = body.substring(body.indexOf("\"centreId\":\"" + b.centreId()));
        assertThat(centreB.substring(0, centreB.indexOf("]}") + 2))
                .contains("\"productName\":\"" + brand
                        + "\",\"productClass\":\"FIX_RECOMBINANT_STANDARD\",\"patients\":\"*\"");
        String national = body.substring(body.indexOf("\"nationalEvents\""));
        assertThat(national)
                .contains("\"category\":\"ACUTE_REACTION\",\"events\":\"*\"")
                .contains("\"productName\":\"" + brand
                        + "\",\"productClass\":\"FIX_RECOMBINANT_STANDARD\",\"patients\":\"*\"");

        HttpResponse<String> filtered = analyst.get(query + "&centreId=" + b.centreId());
        assertThat(filtered.body()).doesNotContain(a.centreId().toString()).contains("\"patients\":\"*\"");

        HttpResponse<String> csv = analyst.get(query.replace("returns?", "returns.csv?"), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("year,quarter,centre_id,centre,figure,product_id,product,product_class,category,count\r\n")
                .contains(year + ",2,,NATIONAL,patients_treated_in_year," + product + "," + brand
                        + ",FIX_RECOMBINANT_STANDARD,,*\r\n");

        HttpResponse<String> page = analyst.getHtml("/safety/returns?year=%d&quarter=2".formatted(year));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"disclosure-note\"").doesNotContain("Return narrative");

        assertThat(new ApiClient(port)
                        .signIn(a.patient("Vic", "Self").username())
                        .get(query)
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get(query).statusCode()).isEqualTo(403);
        assertThat(analyst.get("/api/v1/safety/returns?year=%d&quarter=5".formatted(year))
                        .statusCode())
                .isEqualTo(400);
    }
}
