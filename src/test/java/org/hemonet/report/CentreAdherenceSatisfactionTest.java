package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Adherence, diary completeness and satisfaction in the centres compared (issue 18; clinical.md §4, §8) on three
 * centres built here, year 2025 (each diary starts on 1 December 2024, so the whole year is observed). Every patient
 * has factor X deficiency, which no other test or demo patient has, so that filtered on it the network is these 14.
 *
 * <p>Every patient has a weekly prophylaxis plan from Monday 6 January to Monday 24 February 2025: 8 doses at 08:00
 * London time (08:00 UTC in winter). A patient logs {@code a} of them on time (09:00, inside the Florio window of 4 h
 * before to 12 h after) and {@code l} two days late (counted by completeness, not by adherence). Adherence = a / 8,
 * completeness = (a + l) / 8:
 *
 * <ul>
 *   <li>"Tarn", 9 patients: a = 8, 8, 7, 6, 6, 5, 4, 2, 0 → adherence 0, 25, 50, 62.5, 75, 75, 87.5, 100, 100 → median
 *       (n = 9, type 7: the 5th) <b>75.0</b>; l = 0, 0, 1, 1, 1, 2, 3, 2, 5 → a + l = 8, 8, 8, 7, 7, 7, 7, 4, 5 →
 *       completeness 50, 62.5, 87.5, 87.5, 87.5, 87.5, 100, 100, 100 → median <b>87.5</b>;
 *   <li>"Beck", 3 patients: a = 8, 4, 0, nothing late → adherence and completeness 0, 50, 100 → median 50.0 (its own
 *       team only: 3 patients are hidden from the network roles, every figure {@code *});
 *   <li>"Gill", 2 patients: a = 6, 2; l = 0, 6 → adherence 75, 25; completeness 75, 100 (hidden as Beck);
 *   <li>the network (filtered to factor X deficiency), 14 patients: adherence 0, 0, 25, 25, 50, 50, 62.5, 75, 75, 75,
 *       87.5, 100, 100, 100 → h = 6.5 → (62.5 + 75) / 2 = 68.75 → <b>68.8</b>; completeness 0, 50, 50, 62.5, 75, 87.5,
 *       87.5, 87.5, 87.5, 100 × 5 → (87.5 + 87.5) / 2 = <b>87.5</b>. Beside the hidden Beck and Gill its counts are
 *       {@code *}; its medians, built on 14 patients, are shown.
 * </ul>
 *
 * Satisfaction (the "overall" domain of hemonet-satisfaction, each patient's latest submitted response of the year):
 * Tarn 2025, 8 respondents: 100 (the second of two answers; the first said 0), 100, 75, 75, 75, 50, 50, 25 → 550 / 8 =
 * 68.75 → <b>68.8</b> (a draft and an answer of 2 January 2026 do not count); Tarn 2024, 5 respondents: 100, 75, 75, 50,
 * 50 → <b>70.0</b>, which the network roles see as {@code *} (fewer than 8, §8) although Tarn's row is shown; Beck 2025,
 * 3 respondents: 50, 100, 75 → <b>75.0</b> for its own team.
 */
class CentreAdherenceSatisfactionTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int YEAR = 2025;
    private static final String RARE = "FACTOR_X_DEFICIENCY";
    private static final LocalDate FIRST_DOSE = LocalDate.of(2025, 1, 6);
    private static final LocalDate LAST_DOSE = LocalDate.of(2025, 2, 24);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    static UUID tarn;
    static UUID beck;
    static UUID gill;
    static String tarnName;
    static String beckName;
    static String tarnClinician;
    static String beckClinician;
    static String analyst;

    @BeforeEach
    void network() {
        if (tarn != null) {
            return;
        }
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site t = network.centre("Tarn");
        TestNetwork.Site b = network.centre("Beck");
        TestNetwork.Site g = network.centre("Gill");
        tarn = t.centreId();
        beck = b.centreId();
        gill = g.centreId();
        tarnName = t.name();
        beckName = b.name();
        tarnClinician = t.staff(Role.CLINICIAN).username();
        beckClinician = b.staff(Role.CLINICIAN).username();
        analyst = t.staff(Role.NETWORK_ANALYST).username();

        List<UUID> tarnPatients =
                patients(t, new int[] {8, 8, 7, 6, 6, 5, 4, 2, 0}, new int[] {0, 0, 1, 1, 1, 2, 3, 2, 5});
        List<UUID> beckPatients = patients(b, new int[] {8, 4, 0}, new int[] {0, 0, 0});
        patients(g, new int[] {6, 2}, new int[] {0, 6});

        // Tarn 2025: the first patient answered twice, the later answer counts
        answer(tarnPatients.get(0), tarn, "2025-03-01T10:00:00Z", 0, "SUBMITTED");
        answer(tarnPatients.get(0), tarn, "2025-06-01T10:00:00Z", 100, "SUBMITTED");
        int[] overall = {100, 75, 75, 75, 50, 50, 25};
        for (int i = 0; i < overall.length; i++) {
            answer(tarnPatients.get(i + 1), tarn, "2025-05-0" + (i + 1) + "T10:00:00Z", overall[i], "SUBMITTED");
        }
        answer(tarnPatients.get(8), tarn, "2025-07-01T10:00:00Z", 0, "DRAFT");
        answer(tarnPatients.get(8), tarn, "2026-01-02T10:00:00Z", 0, "SUBMITTED");
        // Tarn 2024: five respondents
        int[] earlier = {100, 75, 75, 50, 50};
        for (int i = 0; i < earlier.length; i++) {
            answer(tarnPatients.get(i), tarn, "2024-12-0" + (i + 1) + "T10:00:00Z", earlier[i], "SUBMITTED");
        }
        int[] beckOverall = {50, 100, 75};
        for (int i = 0; i < beckOverall.length; i++) {
            answer(beckPatients.get(i), beck, "2025-09-0" + (i + 1) + "T10:00:00Z", beckOverall[i], "SUBMITTED");
        }
    }

    /** Patients of the site, each with a diary over 2025, the plan and {@code onTime[i]} / {@code late[i]} doses. */
    private List<UUID> patients(TestNetwork.Site site, int[] onTime, int[] late) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < onTime.length; i++) {
            UUID p = site.patient("A" + i, "Adherent").patientId();
            jdbc.sql("update patient.diagnosis set type = :type where patient_id = :p and superseded_at is null")
                    .param("type", RARE)
                    .param("p", p)
                    .update();
            BleedYears.write(jdbc, p, YEAR, 0, "adherence-test");
            plan(p, site.centreId());
            List<LocalDate> doses = FIRST_DOSE
                    .datesUntil(LAST_DOSE.plusDays(1), java.time.Period.ofWeeks(1))
                    .toList();
            assertThat(doses).hasSize(8);
            for (int d = 0; d < onTime[i]; d++) {
                infusion(p, doses.get(d).atTime(9, 0).toInstant(ZoneOffset.UTC));
            }
            for (int d = onTime[i]; d < onTime[i] + late[i]; d++) {
                infusion(p, doses.get(d).plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
            }
            ids.add(p);
        }
        return ids;
    }

    private void plan(UUID patient, UUID centre) {
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id, unit, dose,
                            schedule_kind, schedule_interval, dose_time, time_zone, valid_from, valid_to, prescriber_id,
                            prescriber_name)
                        values (:id, :p, :centre, 'PROPHYLAXIS', :product, 'IU', 1000, 'EVERY_N_DAYS', 7, time '08:00',
                            'Europe/London', :from, :to, :prescriber, 'Adherence Test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("centre", centre)
                .param("product", UUID.randomUUID())
                .param("from", FIRST_DOSE)
                .param("to", LAST_DOSE)
                .param("prescriber", UUID.randomUUID())
                .update();
    }

    private void infusion(UUID patient, Instant at) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, :at, :product, 1000, 'IU', 'PROPHYLAXIS', 'adherence-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", java.sql.Timestamp.from(at))
                .param("product", UUID.randomUUID())
                .update();
    }

    /** A response to the network satisfaction questionnaire whose "overall" domain scored {@code overall}. */
    private void answer(UUID patient, UUID centre, String at, int overall, String status) {
        java.sql.Timestamp when = java.sql.Timestamp.from(Instant.parse(at));
        jdbc.sql(
                        """
                        insert into survey.response (id, patient_id, centre_id, instrument_id, instrument_version, status,
                            answers, scores, answered_by, answered_by_role, started_at, saved_at, submitted_at)
                        values (:id, :p, :c, 'hemonet-satisfaction', 1, :status, cast(:answers as jsonb),
                            cast(:scores as jsonb), :p, 'PATIENT', :at, :at, :submitted)""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("c", centre)
                .param("status", status)
                .param("answers", "{\"overall-1\": " + (overall / 25 + 1) + "}")
                .param("scores", "{\"overall\": " + overall + ".0}")
                .param("at", when)
                .param("submitted", status.equals("DRAFT") ? null : when)
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

    private static JsonNode line(JsonNode trends, UUID centre) {
        return StreamSupport.stream(trends.path("centres").spliterator(), false)
                .filter(l -> l.path("centreId").asString().equals(centre.toString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCentresOwnTeamSeesItsAdherenceCompletenessAndSatisfactionAsComputed() {
        JsonNode t = row(get(tarnClinician, "/api/v1/reports/centres?year=" + YEAR), tarn);
        assertThat(t.path("disclosureControl").asBoolean()).isFalse();
        assertThat(t.path("patients").asString()).isEqualTo("9");
        assertThat(t.path("adherenceMedian").asString()).isEqualTo("75.0");
        assertThat(t.path("diaryCompletenessMedian").asString()).isEqualTo("87.5");
        assertThat(t.path("satisfactionMean").asString()).isEqualTo("68.8");

        JsonNode b = row(get(beckClinician, "/api/v1/reports/centres?year=" + YEAR), beck);
        assertThat(b.path("disclosureControl").asBoolean()).isFalse();
        assertThat(b.path("patients").asString()).isEqualTo("3");
        assertThat(b.path("adherenceMedian").asString()).isEqualTo("50.0");
        assertThat(b.path("diaryCompletenessMedian").asString()).isEqualTo("50.0");
        assertThat(b.path("satisfactionMean").asString()).isEqualTo("75.0");
        // Beck's own team sees Tarn as an analyst would: 9 patients rounded to 10, figures on 8 or more shown
        JsonNode tarnSeenFromBeck = row(get(beckClinician, "/api/v1/reports/centres?year=" + YEAR), tarn);
        assertThat(tarnSeenFromBeck.path("disclosureControl").asBoolean()).isTrue();
        assertThat(tarnSeenFromBeck.path("patients").asString()).isEqualTo("10");
        assertThat(tarnSeenFromBeck.path("adherenceMedian").asString()).isEqualTo("75.0");
    }

    @Test
    void theNetworkRolesSeeFiguresOnEightOrMoreAndStarsBelow() {
        JsonNode c = get(analyst, "/api/v1/reports/centres?year=" + YEAR);
        JsonNode t = row(c, tarn);
        // Beck and Gill are both hidden (3 and 2 patients), so no partner is taken with a lone one: Tarn is shown
        assertThat(t.path("disclosureControl").asBoolean()).isTrue();
        assertThat(t.path("patients").asString()).isEqualTo("10");
        assertThat(t.path("adherenceMedian").asString()).isEqualTo("75.0");
        assertThat(t.path("diaryCompletenessMedian").asString()).isEqualTo("87.5");
        assertThat(t.path("satisfactionMean").asString()).isEqualTo("68.8");
        for (UUID small : List.of(beck, gill)) {
            JsonNode s = row(c, small);
            for (String field : List.of("patients", "adherenceMedian", "diaryCompletenessMedian", "satisfactionMean")) {
                assertThat(s.path(field).asString()).as(field).isEqualTo("*");
            }
        }
    }

    @Test
    void filteredToTheThreeCentresTheNetworkMediansAreOverTheFourteenPatients() {
        JsonNode c = get(analyst, "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        assertThat(c.path("items")).hasSize(3);
        JsonNode n = c.path("network");
        assertThat(n.path("adherenceMedian").asString()).isEqualTo("68.8");
        assertThat(n.path("diaryCompletenessMedian").asString()).isEqualTo("87.5");
        // beside the hidden Beck and Gill no count of the network is shown
        assertThat(n.path("patients").asString()).isEqualTo("*");
        assertThat(n.path("treatmentYears").asString()).isEqualTo("*");
        // satisfaction is by centre, not by cohort: not shown under a cohort filter
        assertThat(n.path("satisfactionMean").asString()).isEqualTo("–");
        assertThat(row(c, tarn).path("adherenceMedian").asString()).isEqualTo("75.0");
        assertThat(row(c, tarn).path("satisfactionMean").asString()).isEqualTo("–");

        JsonNode own = get(tarnClinician, "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        assertThat(own.path("network").path("adherenceMedian").asString()).isEqualTo("68.8");
        assertThat(row(own, tarn).path("patients").asString()).isEqualTo("9");
    }

    @Test
    void aSatisfactionMeanOnFewerThanEightRespondentsIsHiddenInAShownRowAndInItsTrend() {
        JsonNode earlier = row(get(analyst, "/api/v1/reports/centres?year=" + (YEAR - 1)), tarn);
        assertThat(earlier.path("patients").asString()).isEqualTo("10");
        assertThat(earlier.path("satisfactionMean").asString()).isEqualTo("*");
        assertThat(row(get(tarnClinician, "/api/v1/reports/centres?year=" + (YEAR - 1)), tarn)
                        .path("satisfactionMean")
                        .asString())
                .isEqualTo("70.0");

        JsonNode analystLine = line(
                get(analyst, "/api/v1/reports/trends?measure=satisfactionMean&from=" + (YEAR - 1) + "&to=" + YEAR),
                tarn);
        assertThat(analystLine.path("values").get(0).path("value").asString()).isEqualTo("*");
        assertThat(analystLine.path("values").get(1).path("value").asString()).isEqualTo("68.8");
        assertThat(analystLine.path("values").get(1).path("change").asString()).isEqualTo("*");
        JsonNode ownLine = line(
                get(
                        tarnClinician,
                        "/api/v1/reports/trends?measure=satisfactionMean&from=" + (YEAR - 1) + "&to=" + YEAR),
                tarn);
        assertThat(ownLine.path("values").get(1).path("change").asString()).isEqualTo("-1.2");
    }

    @Test
    void theAdherenceTrendOfTheOwnCentreGoesFromUndefinedToItsMedian() {
        // 2024 holds December only, when no plan was in force: no scheduled dose, so adherence is undefined, not 0
        JsonNode l = line(
                get(
                        tarnClinician,
                        "/api/v1/reports/trends?measure=adherenceMedian&from=2024&to=2025&diagnosis=" + RARE),
                tarn);
        assertThat(l.path("values").get(0).path("value").asString()).isEqualTo("–");
        assertThat(l.path("values").get(1).path("value").asString()).isEqualTo("75.0");
        assertThat(l.path("values").get(1).path("change").asString()).isEqualTo("–");
    }

    @Test
    void theCsvCarriesTheFiguresAsTheJsonShowsThem() {
        HttpResponse<String> r =
                new ApiClient(port).signIn(analyst).get("/api/v1/reports/centres.csv?year=" + YEAR, "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        List<List<String>> records = records(r.body());
        List<String> header = records.get(0);
        List<String> tarnCells = records.stream()
                .filter(c -> c.get(0).equals(tarnName))
                .findFirst()
                .orElseThrow();
        assertThat(tarnCells.get(header.indexOf("adherence_median"))).isEqualTo("75.0");
        assertThat(tarnCells.get(header.indexOf("diary_completeness_median"))).isEqualTo("87.5");
        assertThat(tarnCells.get(header.indexOf("satisfaction_mean"))).isEqualTo("68.8");
        List<String> beckCells = records.stream()
                .filter(c -> c.get(0).equals(beckName))
                .findFirst()
                .orElseThrow();
        for (String column :
                List.of("patients", "adherence_median", "diary_completeness_median", "satisfaction_mean")) {
            assertThat(beckCells.get(header.indexOf(column))).as(column).isEqualTo("*");
        }
        // no count of 1–7 anywhere in what the analyst downloads
        for (List<String> cells : records.subList(1, records.size())) {
            if (cells.size() != header.size()) {
                continue; // the footnote
            }
            for (String column : List.of("patients", "with_diary", "patient_years", "treatment_years")) {
                String cell = cells.get(header.indexOf(column));
                assertThat(cell.matches("[1-7]")).as(cells.toString()).isFalse();
            }
        }
    }

    /** The records of a CSV (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks). */
    static List<List<String>> records(String csv) {
        List<List<String>> records = new java.util.ArrayList<>();
        List<String> record = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new java.util.ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
