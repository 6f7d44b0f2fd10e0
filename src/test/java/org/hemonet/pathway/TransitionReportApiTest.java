package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's centre report of 12–18-year-olds by transition stage (clinical.md §10: preparation from 12, transfer
 * between 16 and 18): who is overdue for preparation (transfer stage, checklist incomplete) or transfer (18, no
 * hand-over); younger and older patients are left out; only the centre's own staff see it.
 */
class TransitionReportApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    private final JsonMapper json = JsonMapper.builder().build();

    private UUID patient(TestNetwork.Site site, String given, Period age) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(TestClock.get());
        registry.register(new NewPatient(
                id,
                site.centreId(),
                given,
                "Stage",
                today.minus(age).minusDays(20),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                new BigDecimal("0.5"),
                today.minusYears(2),
                null,
                null,
                List.of(),
                null));
        return id;
    }

    private void checklistDone(ApiClient nurse, UUID patient) {
        HttpResponse<String> read = nurse.get("/api/v1/patients/" + patient);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed = nurse.patchJson(
                "/api/v1/patients/" + patient,
                """
                {"knowsDiagnosisAndProduct": true, "selfInfuses": true, "ordersSupplies": true,
                 "knowsEmergencyPlan": true, "reason": "Transition clinic"}""",
                etag);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void listsTheCentresTwelveToEighteenYearOldsByStageWithWhoIsOverdue() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Transition");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        UUID eleven = patient(site, "Eleven", Period.ofYears(11));
        UUID thirteen = patient(site, "Thirteen", Period.ofYears(13));
        UUID sixteen = patient(site, "Sixteen", Period.ofYears(16));
        UUID seventeen = patient(site, "Seventeen", Period.ofYears(17));
        UUID eighteen = patient(site, "Eighteen", Period.ofYears(18));
        UUID twenty = patient(site, "Twenty", Period.ofYears(20));
        checklistDone(nurse, seventeen);

        HttpResponse<String> response = nurse.get("/api/v1/transition-report?centreId=" + site.centreId());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("stages").get("PREPARATION").asInt()).isEqualTo(1);
        assertThat(report.get("stages").get("TRANSFER").asInt()).isEqualTo(2);
        assertThat(report.get("stages").get("TRANSFER_DUE").asInt()).isEqualTo(1);
        assertThat(report.get("preparationOverdue").asInt()).isEqualTo(1);
        assertThat(report.get("transferOverdue").asInt()).isEqualTo(1);
        java.util.Map<String, JsonNode> lines = new java.util.HashMap<>();
        report.get("patients").forEach(l -> lines.put(l.get("patientId").asString(), l));
        assertThat(lines).doesNotContainKeys(eleven.toString(), twenty.toString());
        assertThat(lines.get(thirteen.toString()).get("stage").asString()).isEqualTo("PREPARATION");
        assertThat(lines.get(sixteen.toString()).get("preparationOverdue").asBoolean())
                .isTrue();
        assertThat(lines.get(seventeen.toString()).get("checklistDone").asInt()).isEqualTo(4);
        assertThat(lines.get(seventeen.toString()).get("preparationOverdue").asBoolean())
                .isFalse();
        assertThat(lines.get(eighteen.toString()).get("transferOverdue").asBoolean())
                .isTrue();
        // the overdue first
        assertThat(report.get("patients").get(0).get("preparationOverdue").asBoolean()
                        || report.get("patients").get(0).get("transferOverdue").asBoolean())
                .isTrue();

        // handing the 18-year-old over ends "transfer overdue"
        TestNetwork.Site adult = TestNetwork.in(context).centre("Adult");
        HttpResponse<String> handover = nurse.postJson(
                "/api/v1/patients/" + eighteen + "/handover",
                "{\"toCentreId\": \"" + adult.centreId() + "\", \"summary\": \"Ready.\"}");
        assertThat(handover.statusCode()).as(handover.body()).isEqualTo(201);
        report = json.readTree(nurse.get("/api/v1/transition-report?centreId=" + site.centreId())
                .body());
        assertThat(report.get("transferOverdue").asInt()).isZero();
        assertThat(report.get("stages").get("TRANSFER_DUE").asInt()).isZero();

        // another centre's staff see only their own centres; aggregate roles and patients are refused
        ApiClient stranger =
                new ApiClient(port).signIn(adult.staff(Role.CLINICIAN).username());
        JsonNode theirs =
                json.readTree(stranger.get("/api/v1/transition-report").body());
        assertThat(theirs.get("patients").toString()).doesNotContain(thirteen.toString(), sixteen.toString());
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get("/api/v1/transition-report")
                        .statusCode())
                .isEqualTo(403);
    }
}
