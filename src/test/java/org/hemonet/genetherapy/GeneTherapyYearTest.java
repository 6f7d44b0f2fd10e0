package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21's "done when": a FIX gene therapy patient walked through a year on the test clock (the schedule from the
 * default template, due and overdue, an ALT rise to 2 × baseline raising exactly one alert, its acknowledgement and a
 * tapered corticosteroid course, stable expression without a loss-of-expression alert), and a second patient losing
 * expression after two consecutive results under 5 IU/dL (the early weeks, before expression is established, not
 * counted).
 */
class GeneTherapyYearTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    private final JsonMapper json = JsonMapper.builder().build();

    TestNetwork.Site site;
    ApiClient nurse;
    ApiClient clinician;
    String clinicianName;
    Product genovix;
    LocalDate infusedOn;

    @BeforeEach
    void aCentreWithStaff() {
        site = TestNetwork.in(context).centre("Gene therapy");
        nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        clinicianName = site.staff(Role.CLINICIAN).username();
        clinician = new ApiClient(port).signIn(clinicianName);
        genovix = GeneTherapyPatients.product(catalogue, "Genovix");
        infusedOn = LocalDate.now(ZoneOffset.UTC).minusYears(2).withDayOfMonth(10);
        at(infusedOn);
    }

    private void at(LocalDate day) {
        TestClock.get().set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private JsonNode infuse(UUID patient) {
        return ok(
                nurse.postJson(
                        "/api/v1/patients/" + patient + "/gene-therapies",
                        """
                        {"productId":"%s","batchNumber":"%s","infusedOn":"%s","doseVgPerKg":2e13,
                         "aavAntibodies":"NEGATIVE","baselineAlt":25,"liverHealth":"NORMAL","inhibitorHistory":"NEVER"}
                        """
                                .formatted(genovix.id(), GeneTherapyPatients.batchOf(catalogue, genovix), infusedOn)),
                201);
    }

    private JsonNode result(UUID patient, String analyte, String value, LocalDate on) {
        String method = analyte.endsWith("ACTIVITY") ? "\"ONE_STAGE\"" : "null";
        String unit = analyte.endsWith("ACTIVITY") ? "IU/dL" : "U/L";
        return ok(
                nurse.postJson(
                        "/api/v1/patients/" + patient + "/lab-results",
                        """
                        {"analyte":"%s","method":%s,"value":%s,"unit":"%s","sampledOn":"%s"}"""
                                .formatted(analyte, method, value, unit, on)),
                201);
    }

    private JsonNode detail(UUID patient, String geneTherapyId) {
        return ok(nurse.get("/api/v1/patients/" + patient + "/gene-therapies/" + geneTherapyId), 200);
    }

    @Test
    void aYearAfterFixGeneTherapyWithOneAltRiseTreatedBySteroidsAndStableExpression() {
        UUID patient = GeneTherapyPatients.register(registry, site, "Felix", DiagnosisType.HEMOPHILIA_B);
        JsonNode created = infuse(patient);
        String id = created.get("id").asString();

        // the default template: weekly to week 12, fortnightly to 26, every 4 weeks to 52 (26 visits in year one)
        List<Integer> weeks = new ArrayList<>();
        for (JsonNode visit : created.get("schedule")) {
            int week = visit.get("week").asInt();
            assertThat(LocalDate.parse(visit.get("due").asString())).isEqualTo(infusedOn.plusWeeks(week));
            assertThat(visit.get("analytes").toString()).isEqualTo("[\"FIX_ACTIVITY\",\"ALT\"]");
            if (week <= 52) {
                weeks.add(week);
            }
        }
        assertThat(weeks)
                .containsExactly(
                        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 26, 30, 34, 38, 42, 46, 50, 52);
        // then every 26 weeks for life
        assertThat(created.get("schedule").get(26).get("week").asInt()).isEqualTo(78);
        assertThat(created.get("nextDue").asString())
                .isEqualTo(infusedOn.plusWeeks(1).toString());

        int altAlerts = 0;
        String courseId = null;
        for (int week : weeks) {
            LocalDate due = infusedOn.plusWeeks(week);
            if (week == 20) {
                // four days late: the visit is overdue until its samples come in
                at(due.plusDays(4));
                JsonNode late = detail(patient, id);
                assertThat(late.get("overdue").asInt()).isEqualTo(1);
                assertThat(late.get("nextDue").asString()).isEqualTo(due.toString());
                JsonNode list = ok(clinician.get("/api/v1/gene-therapies"), 200);
                assertThat(list.toString()).contains(patient.toString());
            } else {
                at(due);
            }
            // FIX activity rises in the first weeks and stays 30-40 IU/dL
            String fix = week < 4 ? String.valueOf(8 * week) : String.valueOf(30 + week % 10);
            JsonNode f = result(patient, "FIX_ACTIVITY", fix, at());
            assertThat(f.get("alerts")).isEmpty();
            // ALT 22-28 U/L, 2 × baseline (50) at week 8, still raised (45) at week 9
            String alt = week == 8 ? "50" : week == 9 ? "45" : String.valueOf(22 + week % 7);
            JsonNode a = result(patient, "ALT", alt, at());
            altAlerts += a.get("alerts").size();
            if (week == 8) {
                assertThat(a.get("alerts")).hasSize(1);
                JsonNode alert = a.get("alerts").get(0);
                assertThat(alert.get("type").asString()).isEqualTo("ALT_RISE");
                assertThat(alert.get("raisedOn").asString()).isEqualTo(due.toString());
                assertThat(alert.get("acknowledged").asBoolean()).isFalse();
                // on the centre's list until acknowledged
                JsonNode list = ok(clinician.get("/api/v1/gene-therapies"), 200);
                JsonNode row = row(list, patient);
                assertThat(row.get("openAlerts")).hasSize(1);
                JsonNode ack = ok(
                        clinician.postJson(
                                "/api/v1/patients/" + patient + "/gene-therapies/" + id + "/alerts/"
                                        + alert.get("id").asString() + "/acknowledgement",
                                "{\"note\":\"Prednisolone started\"}"),
                        200);
                assertThat(ack.get("acknowledged").asBoolean()).isTrue();
                assertThat(ack.get("acknowledgedBy").asString()).isEqualTo(clinicianName);
                assertThat(ack.get("acknowledgedAt").asString()).startsWith(due.toString());
                // a second acknowledgement is a conflict
                assertThat(clinician
                                .postJson(
                                        "/api/v1/patients/" + patient + "/gene-therapies/" + id + "/alerts/"
                                                + alert.get("id").asString() + "/acknowledgement",
                                        "{}")
                                .statusCode())
                        .isEqualTo(409);
                assertThat(row(ok(clinician.get("/api/v1/gene-therapies"), 200), patient)
                                .get("openAlerts"))
                        .isEmpty();
                JsonNode course = ok(
                        clinician.postJson(
                                "/api/v1/patients/" + patient + "/gene-therapies/" + id + "/steroid-courses",
                                """
                                {"alertId":"%s","drug":"prednisolone","startedOn":"%s","doseMgPerDay":60,
                                 "taper":[{"from":"%s","doseMgPerDay":40},{"from":"%s","doseMgPerDay":20}]}"""
                                        .formatted(
                                                alert.get("id").asString(), due, due.plusWeeks(2), due.plusWeeks(4))),
                        201);
                assertThat(course.get("status").asString()).isEqualTo("ACTIVE");
                assertThat(course.get("currentDoseMgPerDay").decimalValue()).isEqualByComparingTo("60");
                courseId = course.get("id").asString();
            }
            if (week == 11) {
                JsonNode course = detail(patient, id).get("steroidCourses").get(0);
                assertThat(course.get("status").asString()).isEqualTo("TAPERING");
                assertThat(course.get("currentDoseMgPerDay").decimalValue()).isEqualByComparingTo("40");
            }
            if (week == 14) {
                // the taper ends: 0 mg/day from week 16
                JsonNode course = ok(
                        clinician.postJson(
                                "/api/v1/patients/" + patient + "/gene-therapies/" + id + "/steroid-courses/" + courseId
                                        + "/steps",
                                "{\"from\":\"%s\",\"doseMgPerDay\":0}".formatted(infusedOn.plusWeeks(16))),
                        201);
                assertThat(course.get("status").asString()).isEqualTo("TAPERING");
            }
        }
        assertThat(altAlerts).isEqualTo(1);

        JsonNode year = detail(patient, id);
        assertThat(year.get("alerts")).hasSize(1);
        assertThat(year.get("alerts").get(0).get("type").asString()).isEqualTo("ALT_RISE");
        assertThat(year.get("expression")).hasSize(26);
        assertThat(year.get("overdue").asInt()).isZero();
        assertThat(year.get("missed").asInt()).isZero();
        assertThat(year.get("nextDue").asString())
                .isEqualTo(infusedOn.plusWeeks(78).toString());
        JsonNode course = year.get("steroidCourses").get(0);
        assertThat(course.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(course.get("endedOn").asString())
                .isEqualTo(infusedOn.plusWeeks(16).toString());
        assertThat(course.get("currentDoseMgPerDay").decimalValue()).isEqualByComparingTo("0");
        // ALT at week 8 is 2 × baseline and raised; week 10's is not
        JsonNode alt8 = year.get("alt").get(7);
        assertThat(alt8.get("timesBaseline").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(alt8.get("raised").asBoolean()).isTrue();
        assertThat(year.get("alt").get(9).get("raised").asBoolean()).isFalse();
    }

    @Test
    void twoConsecutiveResultsUnderFiveIuPerDlFromWeekTwelveRaiseOneLossOfExpressionAlert() {
        UUID patient = GeneTherapyPatients.register(registry, site, "Lorcan", DiagnosisType.HEMOPHILIA_B);
        String id = infuse(patient).get("id").asString();
        // before week 12 expression is still rising: low results raise nothing
        assertThat(resultAt(patient, 2, "3")).isEmpty();
        assertThat(resultAt(patient, 3, "2")).isEmpty();
        assertThat(resultAt(patient, 12, "20")).isEmpty();
        assertThat(resultAt(patient, 14, "8")).isEmpty();
        // one result under 5: not yet
        assertThat(resultAt(patient, 16, "4.5")).isEmpty();
        // the second in a row
        JsonNode alerts = resultAt(patient, 18, "3");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("type").asString()).isEqualTo("LOSS_OF_EXPRESSION");
        assertThat(alerts.get(0).get("detail").asString()).contains("review need for prophylaxis");
        // the same episode goes on: no second alert
        assertThat(resultAt(patient, 20, "2")).isEmpty();

        JsonNode detail = detail(patient, id);
        assertThat(detail.get("alerts")).hasSize(1);
        JsonNode alert = detail.get("alerts").get(0);
        assertThat(alert.get("type").asString()).isEqualTo("LOSS_OF_EXPRESSION");
        assertThat(alert.get("sampledOn").asString())
                .isEqualTo(infusedOn.plusWeeks(18).toString());
        assertThat(alert.get("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(alert.get("threshold").decimalValue()).isEqualByComparingTo("5");
        // the centre's list shows it
        JsonNode row = row(ok(clinician.get("/api/v1/gene-therapies"), 200), patient);
        assertThat(row.get("openAlerts").get(0).get("type").asString()).isEqualTo("LOSS_OF_EXPRESSION");
    }

    @Test
    void refusesWhatCannotBeRightAndHidesOtherCentresPatients() {
        UUID patientA = GeneTherapyPatients.register(registry, site, "Aidan", DiagnosisType.HEMOPHILIA_A);
        // a FIX gene therapy for haemophilia A
        HttpResponse<String> wrong = nurse.postJson(
                "/api/v1/patients/" + patientA + "/gene-therapies",
                """
                {"productId":"%s","batchNumber":"%s","infusedOn":"%s","doseVgPerKg":2e13,"aavAntibodies":"NEGATIVE",
                 "baselineAlt":25}"""
                        .formatted(genovix.id(), GeneTherapyPatients.batchOf(catalogue, genovix), infusedOn));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("productId");
        UUID patientB = GeneTherapyPatients.register(registry, site, "Bram", DiagnosisType.HEMOPHILIA_B);
        HttpResponse<String> noAlt = nurse.postJson(
                "/api/v1/patients/" + patientB + "/gene-therapies",
                """
                {"productId":"%s","batchNumber":"%s","infusedOn":"%s","doseVgPerKg":2e13,"aavAntibodies":"NEGATIVE"}"""
                        .formatted(genovix.id(), GeneTherapyPatients.batchOf(catalogue, genovix), infusedOn));
        assertThat(noAlt.statusCode()).isEqualTo(400);
        assertThat(noAlt.body()).contains("baselineAlt");
        HttpResponse<String> future = nurse.postJson(
                "/api/v1/patients/" + patientB + "/lab-results",
                "{\"analyte\":\"ALT\",\"value\":30,\"unit\":\"U/L\",\"sampledOn\":\"%s\"}"
                        .formatted(infusedOn.plusDays(3)));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("sampledOn");
        HttpResponse<String> noMethod = nurse.postJson(
                "/api/v1/patients/" + patientB + "/lab-results",
                "{\"analyte\":\"FIX_ACTIVITY\",\"value\":30,\"unit\":\"IU/dL\",\"sampledOn\":\"%s\"}"
                        .formatted(infusedOn));
        assertThat(noMethod.statusCode()).isEqualTo(400);
        assertThat(noMethod.body()).contains("method");
        HttpResponse<String> badUnit = nurse.postJson(
                "/api/v1/patients/" + patientB + "/lab-results",
                "{\"analyte\":\"ALT\",\"value\":30,\"unit\":\"mg\",\"sampledOn\":\"%s\"}".formatted(infusedOn));
        assertThat(badUnit.statusCode()).isEqualTo(400);
        assertThat(badUnit.body()).contains("unit");
        String id = infuse(patientB).get("id").asString();
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + patientB + "/gene-therapies",
                                """
                                {"productId":"%s","batchNumber":"%s","infusedOn":"%s","doseVgPerKg":2e13,
                                 "aavAntibodies":"NEGATIVE","baselineAlt":25}"""
                                        .formatted(
                                                genovix.id(),
                                                GeneTherapyPatients.batchOf(catalogue, genovix),
                                                infusedOn))
                        .statusCode())
                .isEqualTo(409);

        TestNetwork.Site other = TestNetwork.in(context).centre("Elsewhere");
        // staff sign in on real time (the second factor follows the clock)
        TestClock.get().reset();
        ApiClient stranger =
                new ApiClient(port).signIn(other.staff(Role.CLINICIAN).username());
        assertThat(stranger.get("/api/v1/patients/" + patientB + "/gene-therapies/" + id)
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/patients/" + patientB + "/lab-results").statusCode())
                .isEqualTo(404);
        assertThat(ok(stranger.get("/api/v1/gene-therapies"), 200).get("items").toString())
                .doesNotContain(patientB.toString());
    }

    private JsonNode resultAt(UUID patient, int week, String fix) {
        at(infusedOn.plusWeeks(week));
        return result(patient, "FIX_ACTIVITY", fix, at()).get("alerts");
    }

    private static LocalDate at() {
        return LocalDate.ofInstant(TestClock.get().instant(), ZoneOffset.UTC);
    }

    private static JsonNode row(JsonNode list, UUID patient) {
        for (JsonNode row : list.get("items")) {
            if (row.get("patientId").asString().equals(patient.toString())) {
                return row;
            }
        }
        throw new AssertionError("not on the list: " + patient + " in " + list);
    }
}
