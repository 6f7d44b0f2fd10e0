package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PUP cohorts on PostgreSQL (issue 13, clinical.md §9), built through the API as a centre would: the spec's worked
 * cohort of four PUPs (inhibitor at ED 10; 60 EDs and none; censored at ED 20; inhibitor at ED 30) on product A, plus
 * a fifth PUP first exposed to product B and censored at ED 5, and a previously treated patient who is not followed.
 *
 * <pre>
 * FVIII cohort (5 PUPs): ED 5 censored (4 left); ED 10 1 of 4 → S = 3/4; ED 20 censored; ED 30 1 of 2 → S = 3/8
 *   ED 20: incidence 0.250, at risk {60, 20, 30}  = 3
 *   ED 50: incidence 0.625, at risk {60}          = 1
 *   ED 150: nobody followed that far: –, at risk 0
 * productId = B: 1 PUP, 5 EDs, no inhibitor: at ED 20 nobody at risk, –
 * </pre>
 *
 * The figures are read for the test's own centre, so other tests' patients never count.
 */
class PupCohortApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void theWorkedCohortByClassAndByFirstProductWithWhoSeesWhat() {
        LocalDate today = LocalDate.now(LONDON);
        UUID productA = product("A");
        UUID productB = product("B");
        TestNetwork.Site site = TestNetwork.in(context).centre("PUPs");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());

        // inhibitor at ED 10: 10 EDs up to the first positive sample (an infusion that morning), confirmed 6 days later
        UUID p1 = pup(clinician, site, true);
        exposures(clinician, p1, productA, today.minusDays(40), 10);
        exposures(clinician, p1, productA, today.minusDays(29), 2);
        bethesda(clinician, p1, today.minusDays(31));
        bethesda(clinician, p1, today.minusDays(25));
        // 60 EDs and none
        UUID p2 = pup(clinician, site, true);
        exposures(clinician, p2, productA, today.minusDays(100), 60);
        // censored at ED 20
        UUID p3 = pup(clinician, site, true);
        exposures(clinician, p3, productA, today.minusDays(50), 20);
        // inhibitor at ED 30, two more EDs after it
        UUID p4 = pup(clinician, site, true);
        exposures(clinician, p4, productA, today.minusDays(70), 30);
        exposures(clinician, p4, productA, today.minusDays(38), 2);
        bethesda(clinician, p4, today.minusDays(41));
        bethesda(clinician, p4, today.minusDays(35));
        // first exposed to B, then A: 5 EDs, censored
        UUID p5 = pup(clinician, site, true);
        exposures(clinician, p5, productB, today.minusDays(20), 1);
        exposures(clinician, p5, productA, today.minusDays(19), 4);
        // previously treated: not a PUP, not followed
        UUID treated = pup(clinician, site, false);
        exposures(clinician, treated, productA, today.minusDays(10), 3);

        JsonNode fviii = ok(clinician.get("/api/v1/safety/pups?productClass=FVIII&centreId=" + site.centreId()));
        assertThat(fviii.get("disclosureControl").asBoolean()).isFalse();
        assertThat(fviii.get("patients").asString()).isEqualTo("5");
        assertThat(fviii.get("inhibitors").asString()).isEqualTo("2");
        assertPoint(fviii, 0, 20, "0.250", "3");
        assertPoint(fviii, 1, 50, "0.625", "1");
        assertPoint(fviii, 2, 150, "–", "0");

        JsonNode mine = ok(clinician.get("/api/v1/safety/pups?productClass=FVIII"));
        assertThat(mine.get("patients").asString())
                .as("all my centres: this one")
                .isEqualTo("5");

        JsonNode firstB = ok(clinician.get("/api/v1/safety/pups?productId=" + productB));
        assertThat(firstB.get("patients").asString()).isEqualTo("1");
        assertThat(firstB.get("inhibitors").asString()).isEqualTo("0");
        assertPoint(firstB, 0, 20, "–", "0");
        JsonNode firstA = ok(clinician.get("/api/v1/safety/pups?productId=" + productA));
        assertThat(firstA.get("patients").asString()).isEqualTo("4");
        assertPoint(firstA, 1, 50, "0.625", "1");

        JsonNode fix = ok(clinician.get("/api/v1/safety/pups?productClass=FIX"));
        assertThat(fix.get("patients").asString()).isEqualTo("0");
        JsonNode plasma = ok(clinician.get("/api/v1/safety/pups?productClass=FVIII_PLASMA_DERIVED"));
        assertThat(plasma.get("patients").asString()).isEqualTo("0");

        // network roles: the same cohort under disclosure control (5 patients, 2 inhibitors: small counts)
        HttpResponse<String> analystView = new ApiClient(port)
                .signIn("analyst")
                .get("/api/v1/safety/pups?productClass=FVIII&centreId=" + site.centreId());
        JsonNode controlled = ok(analystView);
        assertThat(controlled.get("disclosureControl").asBoolean()).isTrue();
        assertThat(controlled.get("patients").asString()).isEqualTo("*");
        assertThat(controlled.get("inhibitors").asString()).isEqualTo("*");
        assertPoint(controlled, 0, 20, "*", "*");
        assertPoint(controlled, 2, 150, "–", "0");
        assertThat(analystView.body()).doesNotContain(p1.toString(), "Untreated");

        // access: another centre's clinician cannot ask for this centre; a patient gets 403; bad parameters are 400
        ApiClient other = new ApiClient(port)
                .signIn(TestNetwork.in(context)
                        .centre("Other")
                        .staff(Role.CLINICIAN)
                        .username());
        assertThat(other.get("/api/v1/safety/pups?productClass=FVIII&centreId=" + site.centreId())
                        .statusCode())
                .isEqualTo(404);
        assertThat(ok(other.get("/api/v1/safety/pups?productClass=FVIII"))
                        .get("patients")
                        .asString())
                .isEqualTo("0");
        assertThat(new ApiClient(port)
                        .signIn(site.patient("Pat", "Ient").username())
                        .get("/api/v1/safety/pups?productClass=FVIII")
                        .statusCode())
                .isEqualTo(403);
        assertProblem(clinician.get("/api/v1/safety/pups"), "productClass");
        assertProblem(clinician.get("/api/v1/safety/pups?productClass=FX"), "productClass");
        assertProblem(clinician.get("/api/v1/safety/pups?productClass=FVIII&productId=" + productA), "productId");
        assertProblem(clinician.get("/api/v1/safety/pups?productId=" + UUID.randomUUID()), "productId");
    }

    private UUID product(String label) {
        return catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "pupocog " + label.toLowerCase(java.util.Locale.ROOT),
                "Pup" + label + " " + UUID.randomUUID().toString().substring(0, 6),
                "Test",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(250, 500),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.5")));
    }

    private UUID pup(ApiClient clinician, TestNetwork.Site site, boolean previouslyUntreated) {
        HttpResponse<String> created = clinician.postJson(
                "/api/v1/patients",
                """
                {"centreId": "%s", "givenName": "Pup", "familyName": "Untreated", "dateOfBirth": "%s",
                 "sex": "MALE", "diagnosis": {"type": "HEMOPHILIA_A"}, "previouslyUntreated": %s %s}
                """
                        .formatted(
                                site.centreId(),
                                LocalDate.now(LONDON).minusYears(2),
                                previouslyUntreated,
                                previouslyUntreated ? "" : ", \"priorExposureDays\": 40"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asString());
    }

    /** One infusion at 09:00 on each of {@code days} consecutive days from {@code first}: {@code days} EDs. */
    private static void exposures(ApiClient staff, UUID patient, UUID product, LocalDate first, int days) {
        for (int d = 0; d < days; d++) {
            String at =
                    first.plusDays(d).atTime(9, 0).atZone(LONDON).toInstant().toString();
            HttpResponse<String> infusion = staff.postJson(
                    "/api/v1/patients/" + patient + "/infusions",
                    "{\"administeredAt\": \"%s\", \"productId\": \"%s\", \"doseIu\": 250, \"reason\": \"PROPHYLAXIS\"}"
                            .formatted(at, product));
            assertThat(infusion.statusCode()).as(infusion.body()).isEqualTo(201);
        }
    }

    /** A positive sample: residual 50 % undiluted is 1.00 BU. */
    private static void bethesda(ApiClient staff, UUID patient, LocalDate sampledOn) {
        HttpResponse<String> test = staff.postJson(
                "/api/v1/patients/" + patient + "/inhibitor-tests",
                "{\"sampledOn\": \"%s\", \"residualActivityPercent\": 50, \"dilution\": 1}".formatted(sampledOn));
        assertThat(test.statusCode()).as(test.body()).isEqualTo(201);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return JSON.readTree(response.body());
    }

    private static void assertPoint(JsonNode cohort, int index, int ed, String incidence, String atRisk) {
        JsonNode point = cohort.get("cumulativeIncidence").get(index);
        assertThat(point.get("exposureDays").asInt()).isEqualTo(ed);
        assertThat(point.get("incidence").asString())
                .as("incidence at ED " + ed)
                .isEqualTo(incidence);
        assertThat(point.get("atRisk").asString()).as("at risk at ED " + ed).isEqualTo(atRisk);
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
