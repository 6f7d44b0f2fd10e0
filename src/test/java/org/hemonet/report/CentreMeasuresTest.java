package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BleedYears;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The further columns of the centres compared (issue 18) on a centre built here, year 2025 (365 days; each diary starts
 * on 1 December 2024, so each patient is observed the whole year and AJBR = knee episodes). Later than every other
 * report test's year, so no other test's diary counts in this centre, and this one's counts in no earlier year.
 *
 * <p>"Moor", 8 patients with 0, 0, 1, 1, 2, 3, 3, 5 knee episodes (weekly from 1 March, all spontaneous):
 *
 * <ul>
 *   <li>AJBR median 1.50, IQR 0.75–3.00 (type 7: h = 3.5 → 1 + 0.5 × 1; h = 1.75 → 0 + 0.75 × 1; h = 5.25 → 3);
 *   <li>target joints: the three patients with 3 or more spontaneous knee episodes within six months, 3/8 = 0.375;
 *   <li>joint-immobilising: the first episode of the patients with 2 and 5 episodes, 2/8 = 0.250;
 *   <li>pain, mean per patient: 4 (1 episode), 6 (1 episode), (2 + 4) / 2 = 3 (2 episodes), 8 (5 episodes, one with a
 *       score) → median of 3, 4, 6, 8 = 5.0 (4 patients: {@code *} under disclosure control);
 *   <li>days lost: 3 (school) + 2 (work) over 8 × 365 days = 7.9945 patient-years → 0.63 per patient-year;
 *   <li>HJHS: latest 2025 totals 6, 10, 20 → median 10.0; the two with a 2023 score before it (14, 20) changed −4 and 0
 *       → median −2.0;
 *   <li>adverse events: 2 reported with onset in 2025 (a voided one and a 2024 one do not count) over 8 treatment-years
 *       (everyone infused in 2025) → 25.00 per 100 treatment-years.
 * </ul>
 *
 * "Fell", 3 patients with 0, 1, 2 knee episodes: every figure hidden from the network roles. "Measures Wold", 8
 * patients with a diary and no bleed (haemophilia A, so in no filtered figure here), is the centre hidden beside Fell
 * or another test's small centre, so that the network roles always see Moor. Every patient here has
 * factor XIII deficiency, which no other test or demo patient has: filtered on it, the network is these 11 patients —
 * AJBR 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 5 → median 1.00, IQR 0.50–2.50; target joints 3/11 = 0.273, whose exact binomial
 * limits (R's qbinom) are at n = 5: 95 % 0–3 (0.0–0.6), 99.8 % 0–5 (0.0–1.0); at n = 10: 95 % 0–6 (0.0–0.6), 99.8 %
 * 0–7 (0.0–0.7).
 */
class CentreMeasuresTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int YEAR = 2025;
    private static final String RARE = "FACTOR_XIII_DEFICIENCY";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    static UUID moor;
    static UUID fell;
    static String moorClinician;
    /** A clinician of both centres, who sees both as computed, and so the network's figures beside them exactly. */
    static String bothClinician;

    static String analyst;
    static String moorName;

    @BeforeEach
    void network() {
        if (moor != null) {
            return;
        }
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site m = network.centre("Moor");
        TestNetwork.Site f = network.centre("Fell");
        moor = m.centreId();
        moorName = m.name();
        fell = f.centreId();
        moorClinician = m.staff(Role.CLINICIAN).username();
        bothClinician = "t-both-" + UUID.randomUUID().toString().substring(0, 8);
        context.getBean(org.hemonet.identity.AccountAdministration.class)
                .create(new org.hemonet.identity.NewAccount(
                        bothClinician,
                        "Clinician of Moor and Fell",
                        Role.CLINICIAN,
                        org.hemonet.support.SignIn.DEMO_PASSWORD,
                        java.util.Set.of(m.centreId(), f.centreId()),
                        java.util.Map.of(),
                        org.hemonet.support.SignIn.DEMO_TOTP_SECRET));
        analyst = m.staff(Role.NETWORK_ANALYST).username();
        // Fell, or another test's centre of 1-7 patients, alone hidden in a dimension takes the smallest centre shown
        // with it (§8): this centre of 8 with diaries in 2025, as small as Moor and first by name ("Measures" sorts
        // before "Moor", and a tie goes to the first), is that partner, so Moor is shown to the network roles
        BleedYears.smallestShownCentre(network, jdbc, "Measures Wold", YEAR, "measures-test");
        int[] episodes = {0, 0, 1, 1, 2, 3, 3, 5};
        UUID[] p = new UUID[episodes.length];
        for (int i = 0; i < episodes.length; i++) {
            p[i] = m.patient("M" + i, "Measured").patientId();
            rareDiagnosis(p[i]);
            BleedYears.write(jdbc, p[i], YEAR, episodes[i], "measures-test");
            infusedIn2025(p[i]);
        }
        bleed(p[2], 0, "pain = 4");
        bleed(p[3], 0, "pain = 6");
        bleed(p[4], 0, "pain = 2, joint_immobilising = true");
        bleed(p[4], 1, "pain = 4");
        bleed(p[7], 0, "joint_immobilising = true, days_lost_school = 3");
        bleed(p[7], 2, "pain = 8");
        bleed(p[5], 1, "days_lost_work = 2");
        hjhs(p[0], LocalDate.of(2023, 5, 1), 14);
        hjhs(p[0], LocalDate.of(2025, 5, 1), 10);
        hjhs(p[1], LocalDate.of(2023, 6, 1), 20);
        hjhs(p[1], LocalDate.of(2025, 6, 1), 20);
        hjhs(p[2], LocalDate.of(2025, 7, 1), 6);
        adverseEvent(p[0], m.centreId(), LocalDate.of(2025, 4, 1), "REPORTED");
        adverseEvent(p[5], m.centreId(), LocalDate.of(2025, 9, 1), "CLOSED");
        adverseEvent(p[6], m.centreId(), LocalDate.of(2025, 9, 1), "VOIDED");
        adverseEvent(p[6], m.centreId(), LocalDate.of(2024, 9, 1), "REPORTED");
        for (int i = 0; i < 3; i++) {
            UUID b = f.patient("F" + i, "Measured").patientId();
            rareDiagnosis(b);
            BleedYears.write(jdbc, b, YEAR, i, "measures-test");
        }
    }

    /** A diagnosis no other test or demo patient has, so that a filter on it holds this test's two centres only. */
    private void rareDiagnosis(UUID patient) {
        jdbc.sql("update patient.diagnosis set type = :type where patient_id = :p and superseded_at is null")
                .param("type", RARE)
                .param("p", patient)
                .update();
    }

    private void infusedIn2025(UUID patient) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, timestamptz '2025-01-10 09:00Z', :product, 1000, 'IU', 'PROPHYLAXIS', 'measures-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("product", UUID.randomUUID())
                .update();
    }

    /** Sets {@code assignments} on the patient's {@code index}-th bleed (in time order). */
    private void bleed(UUID patient, int index, String assignments) {
        UUID id = jdbc.sql("select id from diary.bleed where patient_id = :p order by started_at offset :i limit 1")
                .param("p", patient)
                .param("i", index)
                .query(UUID.class)
                .single();
        jdbc.sql("update diary.bleed set " + assignments + " where id = :id")
                .param("id", id)
                .update();
    }

    /** An HJHS score whose evaluable items add up to {@code total} (items of 4, then the rest), the gait not evaluable. */
    private void hjhs(UUID patient, LocalDate on, int total) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into outcome.joint_score (id, patient_id, assessed_on, assessor_username, assessor_role,
                            context, recorded_at, recorded_by)
                        values (:id, :p, :on, 'physio', 'PHYSIO', 'ROUTINE', now(), 'measures-test')""")
                .param("id", id)
                .param("p", patient)
                .param("on", on)
                .update();
        List<String> joints =
                List.of("LEFT_ELBOW", "RIGHT_ELBOW", "LEFT_KNEE", "RIGHT_KNEE", "LEFT_ANKLE", "RIGHT_ANKLE");
        List<String> items = List.of("SWELLING", "DURATION_OF_SWELLING", "MUSCLE_ATROPHY", "CREPITUS");
        int left = total;
        for (String joint : joints) {
            for (String item : items) {
                int value = Math.min(4, left);
                left -= value;
                jdbc.sql(
                                """
                                insert into outcome.joint_score_item (score_id, joint, item, value, not_evaluable)
                                values (:id, :joint, :item, :value, false)""")
                        .param("id", id)
                        .param("joint", joint)
                        .param("item", item)
                        .param("value", value)
                        .update();
            }
        }
        jdbc.sql(
                        """
                        insert into outcome.joint_score_item (score_id, joint, item, value, not_evaluable)
                        values (:id, 'GLOBAL', 'GAIT', null, true)""")
                .param("id", id)
                .update();
    }

    private void adverseEvent(UUID patient, UUID centre, LocalDate onset, String status) {
        boolean voided = status.equals("VOIDED");
        jdbc.sql(
                        """
                        insert into safety.adverse_event (id, patient_id, centre_id, category, onset_on, serious, outcome,
                            status, source, reporter, reporter_role, created_at, updated_at, updated_by, voided_at,
                            voided_by, void_reason)
                        values (:id, :p, :c, 'ACUTE_REACTION', :onset, false, 'RECOVERED', :status, 'STAFF', 'measures-test',
                            'CLINICIAN', now(), now(), 'measures-test', :voidedAt, :voidedBy, :reason)""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("c", centre)
                .param("onset", onset)
                .param("status", status)
                .param("voidedAt", voided ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
                .param("voidedBy", voided ? "measures-test" : null)
                .param("reason", voided ? "entered twice" : null)
                .update();
    }

    private JsonNode get(String user, String path) {
        HttpResponse<String> r = new ApiClient(port).signIn(user).get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode row(JsonNode comparison, UUID centre) {
        return StreamSupport.stream(comparison.path("items").spliterator(), false)
                .filter(r -> r.path("centreId").asString().equals(centre.toString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCentresOwnTeamSeesEveryFurtherMeasureAsComputed() {
        JsonNode m = row(get(moorClinician, "/api/v1/reports/centres?year=" + YEAR), moor);
        assertThat(m.path("disclosureControl").asBoolean()).isFalse();
        assertThat(m.path("patients").asString()).isEqualTo("8");
        assertThat(m.path("ajbrMedian").asString()).isEqualTo("1.50");
        assertThat(m.path("ajbrIqr").get(0).asString()).isEqualTo("0.75");
        assertThat(m.path("ajbrIqr").get(1).asString()).isEqualTo("3.00");
        assertThat(m.path("targetJointProportion").asString()).isEqualTo("0.375");
        assertThat(m.path("jointImmobilisingProportion").asString()).isEqualTo("0.250");
        assertThat(m.path("painMedian").asString()).isEqualTo("5.0");
        assertThat(m.path("daysLostPerPatientYear").asString()).isEqualTo("0.63");
        assertThat(m.path("hjhsMedian").asString()).isEqualTo("10.0");
        assertThat(m.path("hjhsChangeMedian").asString()).isEqualTo("-2.0");
        assertThat(m.path("adverseEventsPer100TreatmentYears").asString()).isEqualTo("25.00");
        assertThat(m.path("treatmentYears").asString()).isEqualTo("8");
        // no treatment plan: no scheduled dose, so adherence and completeness are undefined, not 0
        assertThat(m.path("adherenceMedian").asString()).isEqualTo("–");
        assertThat(m.path("diaryCompletenessMedian").asString()).isEqualTo("–");
        assertThat(m.path("costPerPatientMean").asString()).isEqualTo("–");
    }

    @Test
    void theNetworkRolesSeeTheMeasuresUnderDisclosureControl() {
        JsonNode c = get(analyst, "/api/v1/reports/centres?year=" + YEAR);
        JsonNode m = row(c, moor);
        assertThat(m.path("disclosureControl").asBoolean()).isTrue();
        // shown, whatever other tests wrote: Measures Wold, not Moor, goes with a lone hidden centre
        assertThat(m.path("patients").asString()).isEqualTo("10");
        assertThat(m.path("ajbrMedian").asString()).isEqualTo("1.50");
        assertThat(m.path("targetJointProportion").asString()).isEqualTo("0.375");
        assertThat(m.path("daysLostPerPatientYear").asString()).isEqualTo("0.63");
        assertThat(m.path("adverseEventsPer100TreatmentYears").asString()).isEqualTo("25.00");
        // built on fewer than 8 patients (§8)
        assertThat(m.path("painMedian").asString()).isEqualTo("*");
        assertThat(m.path("hjhsMedian").asString()).isEqualTo("*");
        assertThat(m.path("hjhsChangeMedian").asString()).isEqualTo("*");
        assertThat(m.path("treatmentYears").asString()).isEqualTo("10");
        // Fell's treatment-years (0) are shown, Moor's 8 at most rounded; beside any hidden one the total is hidden
        boolean anyHidden = StreamSupport.stream(c.path("items").spliterator(), false)
                .anyMatch(r -> r.path("treatmentYears").asString().equals("*"));
        assertThat(c.path("network").path("treatmentYears").asString().equals("*"))
                .as("the network's treatment-years hidden exactly when a centre's are")
                .isEqualTo(anyHidden);
        JsonNode f = row(c, fell);
        for (String field : List.of("patients", "ajbrMedian", "targetJointProportion", "jointImmobilisingProportion")) {
            assertThat(f.path(field).asString()).as(field).isEqualTo("*");
        }
        assertThat(f.path("ajbrIqr").get(0).asString()).isEqualTo("*");
    }

    @Test
    void filteredToTheTwoCentresTheNetworkShowsItsMediansButNoCentreAndNoExactTotal() {
        JsonNode c = get(analyst, "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        // Fell is hidden (3 patients), so Moor, the only other centre, goes with it (§8)
        assertThat(row(c, moor).path("ajbrMedian").asString()).isEqualTo("*");
        assertThat(row(c, fell).path("ajbrMedian").asString()).isEqualTo("*");
        JsonNode n = c.path("network");
        assertThat(n.path("patients").asString()).isEqualTo("*");
        assertThat(n.path("ajbrMedian").asString()).isEqualTo("1.00");
        assertThat(n.path("ajbrIqr").get(0).asString()).isEqualTo("0.50");
        assertThat(n.path("ajbrIqr").get(1).asString()).isEqualTo("2.50");
        // a proportion over the hidden patients with diary time would give their total away
        // (ComparisonDifferencingTest)
        assertThat(n.path("targetJointProportion").asString()).isEqualTo("*");
        // a reader who sees both centres as computed sees the network exactly
        JsonNode both = get(bothClinician, "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        assertThat(both.path("network").path("targetJointProportion").asString())
                .isEqualTo("0.273");
        assertThat(both.path("network").path("patients").asString()).isEqualTo("11");
        // an additive figure beside hidden centres would give them away
        assertThat(n.path("treatmentYears").asString()).isEqualTo("*");
    }

    @Test
    void theTargetJointFunnelHasExactBinomialLimitsAroundTheNetworkProportion() {
        // Moor's clinician sees Fell hidden, so not the network value: the limits are around Moor alone, 3/8
        JsonNode hidden = get(
                moorClinician,
                "/api/v1/reports/funnel?year=" + YEAR + "&measure=targetJointProportion&diagnosis=" + RARE);
        assertThat(hidden.path("networkValue").asString()).isEqualTo("*");
        assertThat(hidden.path("referenceValue").asString()).isEqualTo("0.375");
        assertThat(hidden.has("networkN")).as("no exact network count").isFalse();
        JsonNode f = get(
                bothClinician,
                "/api/v1/reports/funnel?year=" + YEAR + "&measure=targetJointProportion&diagnosis=" + RARE);
        assertThat(f.path("measure").asString()).isEqualTo("targetJointProportion");
        assertThat(f.path("networkValue").asString()).isEqualTo("0.273");
        JsonNode moorPoint = StreamSupport.stream(f.path("points").spliterator(), false)
                .filter(p -> p.path("centreId").asString().equals(moor.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(moorPoint.path("value").asString()).isEqualTo("0.375");
        assertThat(moorPoint.path("n").asString()).isEqualTo("8");
        assertThat(moorPoint.path("outside95").asBoolean()).isFalse();
        JsonNode fellPoint = StreamSupport.stream(f.path("points").spliterator(), false)
                .filter(p -> p.path("centreId").asString().equals(fell.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(fellPoint.path("value").asString()).isEqualTo("0.000");
        JsonNode five = limitsAt(f, 5);
        assertThat(five.path("lower95").asDouble()).isEqualTo(0.0);
        assertThat(five.path("upper95").asDouble()).isEqualTo(0.6);
        assertThat(five.path("upper998").asDouble()).isEqualTo(1.0);
        JsonNode ten = limitsAt(f, 10);
        assertThat(ten.path("upper95").asDouble()).isEqualTo(0.6);
        assertThat(ten.path("lower998").asDouble()).isEqualTo(0.0);
        assertThat(ten.path("upper998").asDouble()).isEqualTo(0.7);
    }

    @Test
    void theAdverseEventFunnelIsARateWithPoissonLimits() {
        // filtered to this test's centres: 2 events over Moor's 8 treatment-years (Fell's patients were not treated in
        // 2025, so Fell has no exposure and no point) → 25.00 per 100; limits as FunnelPoissonLimitsTest works them
        // (Fell's row is hidden from Moor's clinician, its treatment-years with it, so they see no network rate)
        assertThat(get(
                                moorClinician,
                                "/api/v1/reports/funnel?year=" + YEAR
                                        + "&measure=adverseEventsPer100TreatmentYears&diagnosis=" + RARE)
                        .path("networkValue")
                        .asString())
                .isEqualTo("*");
        JsonNode f = get(
                bothClinician,
                "/api/v1/reports/funnel?year=" + YEAR + "&measure=adverseEventsPer100TreatmentYears&diagnosis=" + RARE);
        assertThat(f.path("rate").asBoolean()).isTrue();
        assertThat(f.path("networkValue").asString()).isEqualTo("25.00");
        assertThat(f.path("points")).hasSize(1);
        JsonNode moorPoint = f.path("points").get(0);
        assertThat(moorPoint.path("centreId").asString()).isEqualTo(moor.toString());
        assertThat(moorPoint.path("value").asString()).isEqualTo("25.00");
        assertThat(moorPoint.path("n").asString()).isEqualTo("8");
        assertThat(moorPoint.path("outside95").asBoolean()).isFalse();
        assertThat(limitsAt(f, 5).path("upper95").asDouble()).isEqualTo(80.0);
        assertThat(limitsAt(f, 10).path("upper998").asDouble()).isEqualTo(90.0);
    }

    @Test
    void theTrendOfTheAjbrGivesTheChangeFromTheYearBefore() {
        // 2024: December only, no bleed → AJBR 0.00 for each patient; 2025 as above
        JsonNode t =
                get(moorClinician, "/api/v1/reports/trends?measure=ajbrMedian&from=2024&to=2025&diagnosis=" + RARE);
        JsonNode m = StreamSupport.stream(t.path("centres").spliterator(), false)
                .filter(l -> l.path("centreId").asString().equals(moor.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(m.path("values").get(0).path("value").asString()).isEqualTo("0.00");
        assertThat(m.path("values").get(1).path("value").asString()).isEqualTo("1.50");
        assertThat(m.path("values").get(1).path("change").asString()).isEqualTo("+1.50");
    }

    private static JsonNode limitsAt(JsonNode funnel, int n) {
        return StreamSupport.stream(funnel.path("limits").spliterator(), false)
                .filter(l -> l.path("n").asInt() == n)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCsvCarriesTheFurtherMeasures() {
        HttpResponse<String> r =
                new ApiClient(port).signIn(moorClinician).get("/api/v1/reports/centres.csv?year=" + YEAR, "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        String header = r.body().lines().findFirst().orElseThrow();
        assertThat(header).contains("ajbr_median", "target_joint_proportion", "adverse_events_per_100_treatment_years");
        String moorLine = r.body()
                .lines()
                .filter(l -> l.startsWith(moorName + ","))
                .findFirst()
                .orElseThrow();
        // the CSV printer guards a leading "-" against formula injection with an apostrophe
        assertThat(moorLine).contains(",1.50,0.75,3.00,0.250,0.375,10.0,'-2.0,5.0,0.63,8,");
        assertThat(moorLine).endsWith(",25.00,8");
    }
}
