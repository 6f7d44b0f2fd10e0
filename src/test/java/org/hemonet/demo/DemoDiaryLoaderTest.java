package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hemonet.demo.DemoDiaryHistory.Persona;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo diary loader on patients of its own (the demo patients' diaries stay empty in tests): their generated
 * history gives outcomes with an ABR and an adherence, and each persona puts its patient on the North centre's
 * "patients needing attention" list for the intended reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDiaryLoaderTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    DemoDiaryLoader loader;

    Map<Persona, DemoDiaryFixture.Patient> fixture;
    String attention;

    @BeforeAll
    void generateHistoryAndReadTheAttentionList() {
        fixture = DemoDiaryFixture.create(
                jdbc, patients, accounts, plans, loader, "Loadertest", LocalDate.now(ZoneId.of("Europe/London")));
        HttpResponse<String> response =
                new ApiClient(port).signIn("nurse.north").getHtml("/attention");
        assertThat(response.statusCode()).isEqualTo(200);
        attention = response.body();
    }

    @Test
    void everyGeneratedDiaryHasAnAbrAndAnAdherenceForTheLastYear() {
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        for (DemoDiaryFixture.Patient p : fixture.values()) {
            HttpResponse<String> outcomes = clinician.get("/api/v1/patients/" + p.id() + "/outcomes");
            assertThat(outcomes.statusCode()).as(outcomes.body()).isEqualTo(200);
            assertThat(outcomes.body())
                    .as(p.persona().name())
                    .containsPattern("\"abr\":[0-9]")
                    .containsPattern("\"prophylaxisAdherencePercent\":[0-9]")
                    .containsPattern("\"observationDays\":36[56]");
        }
    }

    @Test
    void theTypicalPatientIsNotFlaggedForAdherenceOrSilence() {
        List<String> reasons = reasonsOf(fixture.get(Persona.TYPICAL));
        assertThat(reasons).doesNotContain("low_adherence", "diary_silent");
    }

    @Test
    void thePoorlyAdherentPatientShowsAdherenceBelow75() {
        assertThat(reasonsOf(fixture.get(Persona.POOR_ADHERENCE))).contains("low_adherence");
    }

    @Test
    void theNewTargetJointShows() {
        assertThat(reasonsOf(fixture.get(Persona.NEW_TARGET_JOINT))).contains("new_target_joint");
    }

    @Test
    void theSilentDiaryShowsNothingLoggedForThreeWeeks() {
        DemoDiaryFixture.Patient silent = fixture.get(Persona.SILENT);
        assertThat(reasonsOf(silent)).contains("diary_silent");
        // the last dose due 20 or more days ago (Mon/Wed/Fri) was the last entry
        assertThat(rowOf(silent)).containsPattern("nothing logged for 2[0-2] days");
    }

    @Test
    void theRisingAbrShows() {
        assertThat(reasonsOf(fixture.get(Persona.RISING_ABR))).contains("abr_rising");
    }

    @Test
    void theHistoryIsImportedWithoutCountingVialsOutOfHomeStock() {
        long uses = jdbc.sql("select count(*) from supply.stock_use where patient_id = :id")
                .param("id", fixture.get(Persona.TYPICAL).id())
                .query(Long.class)
                .single();
        assertThat(uses).isZero();
    }

    private String rowOf(DemoDiaryFixture.Patient patient) {
        String marker = "data-patient=\"" + patient.id() + "\"";
        if (!attention.contains(marker)) {
            return "";
        }
        String rest = attention.substring(attention.indexOf(marker));
        int next = rest.indexOf("data-patient=", marker.length());
        return next < 0 ? rest : rest.substring(0, next);
    }

    private List<String> reasonsOf(DemoDiaryFixture.Patient patient) {
        List<String> kinds = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("class=\"reason ([a-z_]+)\"").matcher(rowOf(patient));
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }
}
