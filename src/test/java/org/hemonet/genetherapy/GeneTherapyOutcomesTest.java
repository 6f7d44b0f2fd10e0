package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
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
 * Outcomes before and after gene therapy, checked by hand (clinical.md §4). Infusion on 1 June 2022; the diary starts
 * 1 June 2021. Before (1 June 2021 – 31 May 2022, 365 days): 4 bleed episodes, all in joints (3 left knee, 1 right
 * elbow), 10 prophylactic infusions of 2000 IU at 80 kg on 10 days → ABR = 4 / 365 × 365.25 = 4.00, factor use = 20000
 * / 80 × 365.25 / 365 = 250.17 IU/kg/year, 10 exposure days, 355 days free of treatment. After (1 June 2022 – 31 May
 * 2023, 365 days): 1 untreated ankle bleed, no infusions → ABR 1.00, factor use 0, 365 days free of treatment.
 */
class GeneTherapyOutcomesTest extends IntegrationTest {

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
    void abrJointBleedsFactorUseAndDaysFreeOfTreatmentBeforeAndAfter() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Before after");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        TestClock.get().set(LocalDate.of(2023, 7, 1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        UUID patient = GeneTherapyPatients.register(registry, site, "Bea", DiagnosisType.HEMOPHILIA_B);
        Product genovix = GeneTherapyPatients.product(catalogue, "Genovix");
        var created = nurse.postJson(
                "/api/v1/patients/" + patient + "/gene-therapies",
                """
                {"productId":"%s","batchNumber":"%s","infusedOn":"2022-06-01","doseVgPerKg":2e13,
                 "aavAntibodies":"NEGATIVE","baselineAlt":20}"""
                        .formatted(genovix.id(), GeneTherapyPatients.batchOf(catalogue, genovix)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        // 10 prophylactic infusions, the first on the diary's first day
        for (int i = 0; i < 10; i++) {
            infusion(patient, LocalDate.of(2021, 6, 1).plusDays(30L * i));
        }
        bleed(patient, LocalDate.of(2021, 8, 2), "LEFT_KNEE", "SPONTANEOUS");
        bleed(patient, LocalDate.of(2021, 10, 4), "LEFT_KNEE", "SPONTANEOUS");
        bleed(patient, LocalDate.of(2022, 1, 10), "LEFT_KNEE", "SPONTANEOUS");
        bleed(patient, LocalDate.of(2022, 3, 1), "RIGHT_ELBOW", "TRAUMATIC");
        bleed(patient, LocalDate.of(2022, 9, 1), "LEFT_ANKLE", "TRAUMATIC");

        var response = nurse.get("/api/v1/patients/" + patient + "/gene-therapies/" + id + "/outcomes?years=1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcomes = json.readTree(response.body());
        JsonNode before = outcomes.get("before");
        assertThat(before.get("from").asString()).isEqualTo("2021-06-01");
        assertThat(before.get("to").asString()).isEqualTo("2022-05-31");
        assertThat(before.get("observationDays").asInt()).isEqualTo(365);
        assertThat(before.get("bleeds").asInt()).isEqualTo(4);
        assertThat(before.get("jointBleeds").asInt()).isEqualTo(4);
        assertThat(before.get("abr").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(before.get("factorUseIuPerKgPerYear").decimalValue()).isEqualByComparingTo("250.17");
        assertThat(before.get("exposureDays").asInt()).isEqualTo(10);
        assertThat(before.get("daysFreeOfTreatment").asInt()).isEqualTo(355);
        JsonNode after = outcomes.get("after");
        assertThat(after.get("from").asString()).isEqualTo("2022-06-01");
        assertThat(after.get("to").asString()).isEqualTo("2023-05-31");
        assertThat(after.get("observationDays").asInt()).isEqualTo(365);
        assertThat(after.get("bleeds").asInt()).isEqualTo(1);
        assertThat(after.get("abr").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(after.get("factorUseIuPerKgPerYear").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("exposureDays").asInt()).isZero();
        assertThat(after.get("daysFreeOfTreatment").asInt()).isEqualTo(365);
    }

    private void infusion(UUID patient, LocalDate day) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, :at, :product, 2000, 'IU', 'PROPHYLAXIS', 'test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", java.sql.Timestamp.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC)))
                .param("product", UUID.randomUUID())
                .update();
    }

    private void bleed(UUID patient, LocalDate day, String site, String cause) {
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                        values (:id, :p, :at, :site, :cause, 'test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", java.sql.Timestamp.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC)))
                .param("site", site)
                .param("cause", cause)
                .update();
    }
}
