package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21's network view of outcomes before and after gene therapy, under disclosure control (clinical.md §8). Three
 * gene therapy products of the test's own: A with 8 patients, B with 2, C with 3 (two hidden cells, so no partner of
 * A's is hidden whatever other tests left under other products). A's 8 patients, infused 1 June 2022, diaries from 1
 * June 2021 with one 2000 IU infusion at 80 kg: bleeds in the year before 2, 3, 4, 4, 5, 6, 6, 8 and after 0, 0, 0, 0,
 * 0, 1, 1, 2. By hand (rate = n / 365 × 365.25, 2 decimals): ABR before 2.00 … 8.01, median (4.00 + 5.00) / 2 = 4.50;
 * after median 0.00; factor use before 2000 / 80 × 365.25 / 365 = 25.02, after 0.00; no bleed after 5 of 8 = 63 %;
 * patients 8 shown rounded to 10.
 */
class GeneTherapyNetworkReportTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void productsOfFewerThanEightPatientsAreHiddenAndMediansAreCheckedByHand() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Network GT");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID a = product("Vectra A " + suffix);
        UUID b = product("Vectra B " + suffix);
        UUID c = product("Vectra C " + suffix);
        TestClock.get().set(LocalDate.of(2023, 7, 1).atTime(12, 0).toInstant(ZoneOffset.UTC));

        int[] before = {2, 3, 4, 4, 5, 6, 6, 8};
        int[] after = {0, 0, 0, 0, 0, 1, 1, 2};
        for (int i = 0; i < 8; i++) {
            patient(nurse, site, a, before[i], after[i]);
        }
        for (int i = 0; i < 2; i++) {
            patient(nurse, site, b, 3, 0);
        }
        for (int i = 0; i < 3; i++) {
            patient(nurse, site, c, 3, 0);
        }

        var response = analyst.get("/api/v1/reports/gene-therapy");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        JsonNode rowA = row(report, a);
        assertThat(rowA.get("patients").asString()).isEqualTo("10");
        assertThat(rowA.get("abrBefore").asString()).isEqualTo("4.50");
        assertThat(rowA.get("abrAfter").asString()).isEqualTo("0.00");
        assertThat(rowA.get("factorUseBefore").asString()).isEqualTo("25.02");
        assertThat(rowA.get("factorUseAfter").asString()).isEqualTo("0.00");
        assertThat(rowA.get("withoutBleedsAfter").asString()).isEqualTo("63 %");
        for (UUID hidden : List.of(b, c)) {
            JsonNode row = row(report, hidden);
            assertThat(row.get("patients").asString()).isEqualTo("*");
            assertThat(row.get("abrBefore").asString()).isEqualTo("*");
            assertThat(row.get("withoutBleedsAfter").asString()).isEqualTo("*");
        }
        // a total beside hidden cells is never exact
        assertThat(report.get("network").get("patients").asString()).isEqualTo("*");

        // patient-level roles get no network report
        assertThat(clinician.get("/api/v1/reports/gene-therapy").statusCode()).isEqualTo(403);
    }

    private UUID product(String brand) {
        UUID id = UUID.randomUUID();
        catalogue.add(new NewProduct(
                id,
                "etranacogene dezaparvovec",
                brand,
                "Test Vectors",
                ProductClass.GENE_THERAPY_FIX,
                DoseUnit.VG,
                List.of(100),
                null,
                null,
                null,
                null,
                new BigDecimal("1000")));
        catalogue.receiveBatch(
                id, "NB-" + brand.hashCode(), LocalDate.of(2025, 1, 1), 5, 100, LocalDate.of(2022, 1, 3), null);
        return id;
    }

    private void patient(ApiClient nurse, TestNetwork.Site site, UUID product, int bleedsBefore, int bleedsAfter) {
        UUID patient = GeneTherapyPatients.register(registry, site, "Net", DiagnosisType.HEMOPHILIA_B);
        String batch = catalogue.batches(product).get(0).batchNumber();
        var created = nurse.postJson(
                "/api/v1/patients/" + patient + "/gene-therapies",
                """
                {"productId":"%s","batchNumber":"%s","infusedOn":"2022-06-01","doseVgPerKg":2e13,
                 "aavAntibodies":"NEGATIVE","baselineAlt":20}"""
                        .formatted(product, batch));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, make_timestamptz(2021, 6, 1, 9, 0, 0, 'UTC'), :product, 2000, 'IU',
                            'PROPHYLAXIS', 'test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("product", UUID.randomUUID())
                .update();
        bleeds(patient, LocalDate.of(2021, 7, 1), bleedsBefore);
        bleeds(patient, LocalDate.of(2022, 7, 1), bleedsAfter);
    }

    private void bleeds(UUID patient, LocalDate from, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql(
                            """
                            insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                            values (:id, :p, :at, 'LEFT_KNEE', 'SPONTANEOUS', 'test')""")
                    .param("id", UUID.randomUUID())
                    .param("p", patient)
                    .param(
                            "at",
                            java.sql.Timestamp.from(
                                    from.plusDays(10L * i).atTime(10, 0).toInstant(ZoneOffset.UTC)))
                    .update();
        }
    }

    private static JsonNode row(JsonNode report, UUID product) {
        for (JsonNode row : report.get("products")) {
            if (product.toString().equals(row.get("productId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + product + " in " + report);
    }
}
