package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emicizumab prophylaxis starts with the licensed loading phase (clinical.md §6; Hemlibra SmPC 4.2): 3 mg/kg once
 * weekly for 4 weeks, then the chosen maintenance from week 5, every dose rounded up to whole vials (Emivia 150: 60,
 * 105 and 150 mg). Reference case across the change to British Summer Time on Sunday 28 March 2027: 08:00 London is
 * 08:00Z before it and 07:00Z after, in the plan's schedule and in the doses the diary's adherence uses.
 */
class EmicizumabLoadingTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    ScheduledDoses diarySchedule;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private JsonNode prescribe(UUID patient, String weight, String perKg, int weeks, String from) {
        var created = new ApiClient(port)
                .signIn("clinician.north")
                .postJson(
                        "/api/v1/patients/" + patient + "/treatment-plans",
                        """
                        {"regimen":"PROPHYLAXIS","productId":"%s","bleedProductId":"%s","dosePerKg":%s,
                         "weightKg":%s,"schedule":"EVERY_N_WEEKS","scheduleInterval":%d,"doseTime":"08:00",
                         "validFrom":"%s"}
                        """
                                .formatted(
                                        fixtures.product("Emivia 150"),
                                        fixtures.product("Bypara"),
                                        perKg,
                                        weight,
                                        weeks,
                                        from));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /**
     * A new North patient registered for this test, with no plan at all, so that an emicizumab plan starts with loading
     * and no earlier regimen adds doses to the schedule (demo patients are shared with other tests in the JVM).
     */
    private UUID newPatientWithoutPlans(String givenName) {
        UUID north = jdbc.sql("select id from centre.centre where code = 'NORTH'")
                .query(UUID.class)
                .single();
        var created = new ApiClient(port)
                .signIn("clinician.north")
                .postJson(
                        "/api/v1/patients",
                        """
                        {"centreId": "%s", "givenName": "%s", "familyName": "Loading", "dateOfBirth": "2001-06-02",
                         "sex": "MALE", "nationalId": null,
                         "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": 0.5,
                                       "measuredOn": "2025-03-01"},
                         "weightKg": 70}
                        """
                                .formatted(north, givenName));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asString());
    }

    private static List<Instant> instants(String... values) {
        return java.util.Arrays.stream(values).map(Instant::parse).toList();
    }

    @Test
    void twentyKilogramsLoads60MgWeeklyThen120MgEveryFourWeeks() {
        UUID patient = newPatientWithoutPlans("Emma");
        JsonNode plan = prescribe(patient, "20", "6", 4, "2027-03-15");

        assertThat(plan.get("dose").asInt()).isEqualTo(120);
        assertThat(plan.get("vials").get("60").asInt()).isEqualTo(2);
        JsonNode loading = plan.get("loading");
        assertThat(loading.get("doses").asInt()).isEqualTo(4);
        assertThat(loading.get("dose").asInt()).isEqualTo(60);
        assertThat(loading.get("vials").get("60").asInt()).isEqualTo(1);
        assertThat(loading.get("maintenanceFrom").asString()).isEqualTo("2027-04-12");

        Instant from = Instant.parse("2027-03-01T00:00:00Z");
        Instant to = Instant.parse("2027-06-01T00:00:00Z");
        assertThat(diarySchedule.dosesBetween(patient, from, to))
                .containsExactlyElementsOf(instants(
                        "2027-03-15T08:00:00Z",
                        "2027-03-22T08:00:00Z",
                        "2027-03-29T07:00:00Z",
                        "2027-04-05T07:00:00Z",
                        "2027-04-12T07:00:00Z",
                        "2027-05-10T07:00:00Z"));
        assertThat(plans.scheduledDoses(patient, from, to).stream()
                        .map(PlannedDose::dose)
                        .map(BigDecimal::intValue))
                .containsExactly(60, 60, 60, 60, 120, 120);
        // the cohorts' batch read (adherence and completeness of the centres compared, the attention list) the same
        assertThat(plans.scheduledDoses(List.of(patient), from, to).get(patient))
                .containsExactlyElementsOf(diarySchedule.dosesBetween(patient, from, to));
        assertThat(diarySchedule.dosesBetween(List.of(patient), from, to).get(patient))
                .hasSize(6);
    }

    @Test
    void seventyKilogramsLoads210MgWeeklyThen105MgWeeklyAndAChangeOfMaintenanceDoesNotLoadAgain() {
        UUID patient = newPatientWithoutPlans("Emil");
        JsonNode plan = prescribe(patient, "70", "1.5", 1, "2027-03-15");

        assertThat(plan.get("dose").asInt()).isEqualTo(105);
        assertThat(plan.get("loading").get("dose").asInt()).isEqualTo(210);
        int loadingVials = 0;
        for (JsonNode count : plan.get("loading").get("vials")) {
            loadingVials += count.asInt();
        }
        assertThat(loadingVials).isEqualTo(2);

        Instant from = Instant.parse("2027-03-01T00:00:00Z");
        Instant to = Instant.parse("2027-04-20T00:00:00Z");
        List<PlannedDose> doses = plans.scheduledDoses(patient, from, to);
        assertThat(doses.stream().map(PlannedDose::at))
                .containsExactlyElementsOf(instants(
                        "2027-03-15T08:00:00Z",
                        "2027-03-22T08:00:00Z",
                        "2027-03-29T07:00:00Z",
                        "2027-04-05T07:00:00Z",
                        "2027-04-12T07:00:00Z",
                        "2027-04-19T07:00:00Z"));
        assertThat(doses.stream().map(PlannedDose::dose).map(BigDecimal::intValue))
                .containsExactly(210, 210, 210, 210, 105, 105);

        var changed = new ApiClient(port)
                .signIn("clinician.north")
                .postJson(
                        "/api/v1/patients/" + patient + "/treatment-plans/"
                                + plan.get("id").asString() + "/changes",
                        """
                        {"dosePerKg":3,"schedule":"EVERY_N_WEEKS","scheduleInterval":2,"validFrom":"2027-05-03",
                         "reason":"Fewer injections"}
                        """);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(201);
        JsonNode next = JSON.readTree(changed.body());
        assertThat(next.get("dose").asInt()).isEqualTo(210);
        assertThat(next.get("loading").isNull()).isTrue();
        assertThat(plans
                        .scheduledDoses(
                                patient, Instant.parse("2027-04-26T00:00:00Z"), Instant.parse("2027-05-25T00:00:00Z"))
                        .stream()
                        .map(d -> d.at() + " " + d.dose().intValue()))
                .containsExactly("2027-04-26T07:00:00Z 105", "2027-05-03T07:00:00Z 210", "2027-05-17T07:00:00Z 210");
    }
}
