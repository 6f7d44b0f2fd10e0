package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Patients needing attention" on purpose-built patients of the East centre (registered here, so the demo patients
 * other tests use are untouched): each reason fires on its own patient, and a control patient with a regular diary
 * appears with no reason. The list is shown to the East centre only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttentionListTest extends IntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient east;
    UUID eastCentre;
    UUID product;
    LocalDate today;
    UUID targetJoint;
    UUID abrRising;
    UUID abrControl;
    UUID silent;
    UUID lowAdherence;
    UUID control;
    String page;

    @BeforeAll
    void buildFixturesAndReadTheList() {
        east = new ApiClient(port).signIn("clinician.east");
        eastCentre = jdbc.sql("select id from centre.centre where code = 'EAST'")
                .query(UUID.class)
                .single();
        product = DemoProducts.factorConcentrate(jdbc).productId();
        today = LocalDate.now(LONDON);

        targetJoint = register("Target");
        sync(
                bleed(targetJoint, 60, "LEFT_KNEE", "SPONTANEOUS"),
                bleed(targetJoint, 40, "LEFT_KNEE", "SPONTANEOUS"),
                bleed(targetJoint, 20, "LEFT_KNEE", "SPONTANEOUS"));

        abrRising = register("Rising");
        sync(
                bleed(abrRising, 300, "RIGHT_ELBOW", "TRAUMATIC"),
                bleed(abrRising, 100, "RIGHT_ANKLE", "TRAUMATIC"),
                bleed(abrRising, 60, "NOSE", "SPONTANEOUS"),
                bleed(abrRising, 30, "LEFT_HIP", "TRAUMATIC"));

        abrControl = register("Steady");
        sync(
                bleed(abrControl, 340, "RIGHT_ELBOW", "TRAUMATIC"),
                bleed(abrControl, 250, "LEFT_ELBOW", "TRAUMATIC"),
                bleed(abrControl, 100, "RIGHT_ANKLE", "TRAUMATIC"),
                bleed(abrControl, 60, "NOSE", "SPONTANEOUS"),
                bleed(abrControl, 30, "LEFT_HIP", "TRAUMATIC"));

        // weekly plan; logged daily until 15 days ago: adherence stays high, only the silence shows
        silent = register("Quiet");
        plan(silent, 7);
        List<String> quiet = new ArrayList<>();
        for (int d = 89; d >= 15; d--) {
            quiet.add(prophylaxis(silent, d, LocalTime.of(8, 0)));
        }
        sync(quiet.toArray(String[]::new));

        // daily plan; every second dose logged, the last two days ago
        lowAdherence = register("Patchy");
        plan(lowAdherence, 1);
        List<String> patchy = new ArrayList<>();
        for (int d = 88; d >= 2; d -= 2) {
            patchy.add(prophylaxis(lowAdherence, d, LocalTime.of(9, 0)));
        }
        sync(patchy.toArray(String[]::new));

        // daily plan, every dose logged, one traumatic bleed: no reason
        control = register("Regular");
        plan(control, 1);
        List<String> regular = new ArrayList<>();
        for (int d = 89; d >= 1; d--) {
            regular.add(prophylaxis(control, d, LocalTime.of(8, 30)));
        }
        regular.add(bleed(control, 10, "LEFT_ANKLE", "TRAUMATIC"));
        sync(regular.toArray(String[]::new));

        HttpResponse<String> response = east.getHtml("/attention");
        assertThat(response.statusCode()).isEqualTo(200);
        page = response.body();
    }

    @Test
    void threeSpontaneousKneeBleedsShowANewTargetJointOnly() {
        assertThat(reasonsOf(targetJoint)).containsExactly("new_target_joint");
        assertThat(rowOf(targetJoint)).contains("Left knee since");
    }

    @Test
    void twoMoreBleedsAtAHigherRateShowAbrRisingAndOneMoreDoesNot() {
        assertThat(reasonsOf(abrRising)).containsExactly("abr_rising");
        assertThat(rowOf(abrRising)).contains("(1 → 3 episodes in 6 months)");
        assertThat(page).doesNotContain("data-patient=\"" + abrControl + "\"");
    }

    @Test
    void nothingLoggedFor15DaysOnProphylaxisShowsTheDiarySilentOnly() {
        assertThat(reasonsOf(silent)).containsExactly("diary_silent");
        assertThat(rowOf(silent)).contains("nothing logged for 15 days");
    }

    @Test
    void everySecondDailyDoseShowsAdherenceBelow75Only() {
        assertThat(reasonsOf(lowAdherence)).containsExactly("low_adherence");
    }

    @Test
    void aRegularDiaryIsNotListed() {
        assertThat(page).doesNotContain("data-patient=\"" + control + "\"");
        assertThat(page).doesNotContain("Regular Attentiontest");
    }

    @Test
    void otherCentresDoNotSeeThesePatients() {
        String north = new ApiClient(port)
                .signIn("clinician.north")
                .getHtml("/attention")
                .body();
        assertThat(north).doesNotContain("Attentiontest", targetJoint.toString(), silent.toString());
    }

    @Test
    void eachListedPatientLinksToTheirDiaryReview() {
        assertThat(rowOf(silent)).contains("/patients/" + silent + "/diary-review");
        var review = east.getHtml("/patients/" + targetJoint + "/diary-review");
        assertThat(review.body()).contains("class=\"badge target\"", "target joint");
    }

    // ---- fixtures
    // ----------------------------------------------------------------------------------------------------

    private UUID register(String givenName) {
        var response = east.postJson(
                "/api/v1/patients",
                """
                {"centreId": "%s", "givenName": "%s", "familyName": "Attentiontest", "dateOfBirth": "1990-04-02",
                 "sex": "MALE", "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": 0.5,
                 "measuredOn": "2025-03-01"}, "weightKg": 70}"""
                        .formatted(eastCentre, givenName));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]+)\".*", "$1"));
    }

    /** A prophylaxis plan every {@code days} days at 08:00 London, in force since 120 days ago. */
    private void plan(UUID patient, int days) {
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id, unit, dose,
                            schedule_kind, schedule_interval, dose_time, time_zone, valid_from, prescriber_id,
                            prescriber_name)
                        values (:id, :patient, :centre, 'PROPHYLAXIS', :product, 'IU', 2000, 'EVERY_N_DAYS', :days,
                            '08:00', 'Europe/London', :from, :id, 'Test prescriber')""")
                .param("id", UUID.randomUUID())
                .param("patient", patient)
                .param("centre", eastCentre)
                .param("product", product)
                .param("days", days)
                .param("from", today.minusDays(120))
                .update();
    }

    private String at(int daysAgo, LocalTime time) {
        return today.minusDays(daysAgo).atTime(time).atZone(LONDON).toInstant().toString();
    }

    private String bleed(UUID patient, int daysAgo, String site, String cause) {
        return """
                {"id": "%s", "type": "BLEED", "patientId": "%s",
                 "bleed": {"startedAt": "%s", "site": "%s", "cause": "%s", "pain": 5}}"""
                .formatted(UUID.randomUUID(), patient, at(daysAgo, LocalTime.of(10, 0)), site, cause);
    }

    private String prophylaxis(UUID patient, int daysAgo, LocalTime time) {
        return """
                {"id": "%s", "type": "INFUSION", "patientId": "%s",
                 "infusion": {"administeredAt": "%s", "productId": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}}"""
                .formatted(UUID.randomUUID(), patient, at(daysAgo, time), product);
    }

    private void sync(String... entries) {
        var response = east.postJson(
                "/api/v1/diary/sync",
                "{\"entries\": [" + String.join(",", entries) + "]}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"errors\":[{");
    }

    private String rowOf(UUID patient) {
        String marker = "data-patient=\"" + patient + "\"";
        assertThat(page).as("listed: " + patient).contains(marker);
        String rest = page.substring(page.indexOf(marker));
        int next = rest.indexOf("data-patient=", marker.length());
        return next < 0 ? rest : rest.substring(0, next);
    }

    private List<String> reasonsOf(UUID patient) {
        List<String> kinds = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("class=\"reason ([a-z_]+)\"").matcher(rowOf(patient));
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }
}
