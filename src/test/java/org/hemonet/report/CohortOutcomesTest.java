package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.outcome.CentreCohort;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.shared.Actor;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cohort outcomes of a centre (issue 6) on a centre built here, with hand-worked figures: ABR per patient by the ISTH
 * 72-hour rule, grouped by severity and regimen; patients without diary time left out and counted; disclosure control
 * (clinical.md §8) for the network, raw figures for the centre's team.
 *
 * <p>Period 2025-01-01 … 2025-12-31 (365 days). Included patients and ABRs: P1 severe, prophylaxis, 2 episodes → 2.00;
 * P2 severe, prophylaxis, none → 0.00; P3 severe, emicizumab, 1 → 1.00; P4 moderate, on demand, 3 in the period (plus
 * one episode begun on 30 Dec 2024 whose 1 Jan bleed joins it, not counted) → 3.00; P5 mild, on demand, diary from 2 Jul
 * 2025 (183 days), 1 → 2.00; P8 severe, no plan, last bleed in 2024 → 0.00. Left out: P6 (no diary), P7 (diary starts
 * 2026).
 */
class CohortOutcomesTest extends IntegrationTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CohortOutcomes cohorts;

    @Autowired
    CohortOutcomesReport report;

    static UUID centre;

    @BeforeEach
    void buildCentre() {
        if (centre != null) {
            return;
        }
        centre = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into centre.centre (id, code, name, type, region_id, network_id)
                        select :id, 'HJHS-COHORT', 'Cohort Test Centre', 'HAEMOPHILIA_CENTRE', region_id, network_id
                        from centre.centre where code = 'NORTH'""")
                .param("id", centre)
                .update();
        UUID p1 = patient("P1", "0.5");
        infusion(p1, "2024-06-01T09:00:00Z", "IU", "PROPHYLAXIS");
        bleed(p1, "2025-02-01T10:00:00Z", "LEFT_KNEE");
        bleed(p1, "2025-02-01T12:00:00Z", "RIGHT_ANKLE");
        plan(p1, "PROPHYLAXIS", "IU");
        UUID p2 = patient("P2", "0.8");
        infusion(p2, "2024-12-01T09:00:00Z", "IU", "PROPHYLAXIS");
        plan(p2, "PROPHYLAXIS", "IU");
        UUID p3 = patient("P3", "0.2");
        infusion(p3, "2024-10-01T09:00:00Z", "MG", "PROPHYLAXIS");
        bleed(p3, "2025-06-15T10:00:00Z", "RIGHT_KNEE");
        plan(p3, "PROPHYLAXIS", "MG");
        UUID p4 = patient("P4", "3");
        bleed(p4, "2024-12-30T10:00:00Z", "LEFT_KNEE");
        bleed(p4, "2025-01-01T10:00:00Z", "LEFT_KNEE"); // 48 h later: the 2024 episode
        bleed(p4, "2025-03-01T10:00:00Z", "RIGHT_ELBOW");
        bleed(p4, "2025-03-02T10:00:00Z", "RIGHT_ELBOW"); // same episode
        bleed(p4, "2025-05-01T10:00:00Z", "LEFT_ANKLE");
        bleed(p4, "2025-08-01T10:00:00Z", "LEFT_ANKLE");
        plan(p4, "ON_DEMAND", "IU");
        UUID p5 = patient("P5", "12");
        bleed(p5, "2025-07-02T09:00:00Z", "LEFT_ELBOW");
        plan(p5, "ON_DEMAND", "IU");
        patient("P6", "0.5");
        UUID p7 = patient("P7", "0.5");
        bleed(p7, "2026-01-10T10:00:00Z", "LEFT_KNEE");
        UUID p8 = patient("P8", "0.5");
        bleed(p8, "2024-11-01T10:00:00Z", "LEFT_KNEE");
    }

    UUID patient(String name, String level) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.patient (id, centre_id, given_name, family_name, date_of_birth, sex)
                        values (:id, :centre, :name, 'Cohort', date '1990-01-01', 'MALE')""")
                .param("id", id)
                .param("centre", centre)
                .param("name", name)
                .update();
        jdbc.sql("insert into patient.diagnosis (id, patient_id, type) values (:id, :p, 'HEMOPHILIA_A')")
                .param("id", UUID.randomUUID())
                .param("p", id)
                .update();
        jdbc.sql(
                        """
                        insert into patient.factor_level (id, patient_id, factor, level_iu_per_dl, measured_on)
                        values (:id, :p, 'FVIII', :level, date '2020-01-01')""")
                .param("id", UUID.randomUUID())
                .param("p", id)
                .param("level", new java.math.BigDecimal(level))
                .update();
        return id;
    }

    void bleed(UUID patient, String at, String site) {
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                        values (:id, :p, cast(:at as timestamptz), :site, 'SPONTANEOUS', 'cohort-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", at)
                .param("site", site)
                .update();
    }

    void infusion(UUID patient, String at, String unit, String reason) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, cast(:at as timestamptz), :product, 1000, :unit, :reason, 'cohort-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", at)
                .param("product", UUID.randomUUID())
                .param("unit", unit)
                .param("reason", reason)
                .update();
    }

    void plan(UUID patient, String regimen, String unit) {
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id, unit, dose,
                            schedule_kind, schedule_interval, valid_from, prescriber_id, prescriber_name)
                        values (:id, :p, :centre, :regimen, :product, :unit, 1000, :kind, :interval,
                            date '2024-01-01', :prescriber, 'Cohort Test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("centre", centre)
                .param("regimen", regimen)
                .param("product", UUID.randomUUID())
                .param("unit", unit)
                .param("kind", regimen.equals("PROPHYLAXIS") ? "EVERY_N_DAYS" : null)
                .param("interval", regimen.equals("PROPHYLAXIS") ? 2 : null)
                .param("prescriber", UUID.randomUUID())
                .update();
    }

    static CentreCohort.Group group(List<CentreCohort.Group> groups, String name) {
        return groups.stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void abrDistributionsBySeverityAndRegimenMatchTheHandWorkedFigures() {
        CentreCohort c = cohorts.of(centre, FROM, TO);

        assertThat(c.patients()).isEqualTo(8);
        assertThat(c.withoutObservationTime()).isEqualTo(2);
        assertThat(c.included()).isEqualTo(6);
        // ABRs 0, 0, 1, 2, 2, 3
        CentreCohort.Distribution all = c.all();
        assertThat(all.n()).isEqualTo(6);
        assertThat(all.median()).isEqualByComparingTo("1.50");
        assertThat(all.q1()).isEqualByComparingTo("0.25");
        assertThat(all.q3()).isEqualByComparingTo("2.00");
        assertThat(all.mean()).isEqualByComparingTo("1.33");
        assertThat(all.zeroBleeds()).isEqualTo(2);
        assertThat(all.zeroBleedPercent()).isEqualByComparingTo("33.3");

        assertThat(c.bySeverity()).extracting(CentreCohort.Group::group).containsExactly("SEVERE", "MODERATE", "MILD");
        CentreCohort.Distribution severe = group(c.bySeverity(), "SEVERE").abr(); // 0, 0, 1, 2
        assertThat(severe.n()).isEqualTo(4);
        assertThat(severe.median()).isEqualByComparingTo("0.50");
        assertThat(severe.q1()).isEqualByComparingTo("0.00");
        assertThat(severe.q3()).isEqualByComparingTo("1.25");
        assertThat(severe.mean()).isEqualByComparingTo("0.75");
        assertThat(severe.zeroBleedPercent()).isEqualByComparingTo("50.0");
        assertThat(group(c.bySeverity(), "MODERATE").abr().median()).isEqualByComparingTo("3.00");
        assertThat(group(c.bySeverity(), "MILD").abr().median()).isEqualByComparingTo("2.00"); // 1 in 183 days

        assertThat(c.byRegimen())
                .extracting(CentreCohort.Group::group)
                .containsExactly("PROPHYLAXIS", "ON_DEMAND", "NON_FACTOR", "NO_PLAN");
        assertThat(group(c.byRegimen(), "PROPHYLAXIS").abr().mean()).isEqualByComparingTo("1.00");
        assertThat(group(c.byRegimen(), "PROPHYLAXIS").abr().zeroBleeds()).isEqualTo(1);
        assertThat(group(c.byRegimen(), "ON_DEMAND").abr().median()).isEqualByComparingTo("2.50");
        assertThat(group(c.byRegimen(), "NON_FACTOR").abr().n()).isEqualTo(1);
        assertThat(group(c.byRegimen(), "NON_FACTOR").abr().mean()).isEqualByComparingTo("1.00");
        assertThat(group(c.byRegimen(), "NO_PLAN").abr().mean()).isEqualByComparingTo("0.00");
    }

    @Test
    void theCentresTeamSeesRawFiguresAndTheNetworkSeesThemThroughDisclosureControl() {
        Actor team = new Actor(UUID.randomUUID(), "cohort.clinician", "CLINICIAN", Set.of(centre), Set.of());
        CohortOutcomesReport.CohortView raw = report.report(team, centre, FROM, TO);
        assertThat(raw.disclosureControl()).isFalse();
        assertThat(raw.included()).isEqualTo("6");
        assertThat(raw.withoutObservationTime()).isEqualTo("2");
        assertThat(raw.all().median()).isEqualTo("1.50");

        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> controlled =
                analyst.get("/api/v1/centres/" + centre + "/outcomes?from=" + FROM + "&to=" + TO);
        assertThat(controlled.statusCode()).isEqualTo(200);
        // 8 patients → rounded to 10; 6 included and 2 left out are 1–7 → *; figures on fewer than 8 patients → *
        assertThat(controlled.body())
                .contains(
                        "\"disclosureControl\":true",
                        "\"patients\":\"10\"",
                        "\"withoutObservationTime\":\"*\"",
                        "\"included\":\"*\"",
                        "\"median\":\"*\"")
                .doesNotContain("1.50", "0.25");
        assertThat(new ApiClient(port)
                        .signIn("commissioner")
                        .get("/api/v1/centres/" + centre + "/outcomes?from=" + FROM + "&to=" + TO)
                        .body())
                .contains("\"disclosureControl\":true");
    }

    @Test
    void staffOfAnotherCentreAndPatientsAreRefusedAndAnUnknownCentreIsNotFound() {
        assertThat(new ApiClient(port)
                        .signIn("clinician.north")
                        .get("/api/v1/centres/" + centre + "/outcomes")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .get("/api/v1/centres/" + centre + "/outcomes")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get("/api/v1/centres/" + UUID.randomUUID() + "/outcomes")
                        .statusCode())
                .isEqualTo(404);
        UUID north = jdbc.sql("select id from centre.centre where code = 'NORTH'")
                .query(UUID.class)
                .single();
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        HttpResponse<String> own = clinician.get("/api/v1/centres/" + north + "/outcomes");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"disclosureControl\":false");
        HttpResponse<String> page = clinician.getHtml("/centres/" + north + "/outcomes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("patients registered");
        assertThat(clinician.getHtml("/centres").body()).contains("/centres/" + north + "/outcomes");
    }
}
