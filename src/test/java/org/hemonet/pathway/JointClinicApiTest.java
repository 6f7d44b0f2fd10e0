package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joint transition clinics (issue 17): a nurse books one for a 17-year-old with the adult centre taking part; it shows
 * as the next joint clinic on the transition report until it is cancelled; bad dates are 400 naming the field; another
 * centre's staff get 404.
 */
class JointClinicApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    org.hemonet.identity.AccountAdministration accounts;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aJointClinicIsBookedShownOnTheTransitionReportAndCancelled() {
        TestNetwork.Site paediatric = TestNetwork.in(context).centre("JointPaeds");
        TestNetwork.Site adult = TestNetwork.in(context).centre("JointAdults");
        UUID teen = UUID.randomUUID();
        registry.register(new NewPatient(
                teen,
                paediatric.centreId(),
                "Tia",
                "Joint",
                LocalDate.now().minusYears(17).minusDays(10),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                null,
                null,
                null,
                null,
                List.of(),
                null));
        String patientAccount = "pt-" + teen.toString().substring(0, 8);
        accounts.create(new org.hemonet.identity.NewAccount(
                patientAccount,
                "Tia Joint",
                Role.PATIENT,
                org.hemonet.support.SignIn.DEMO_PASSWORD,
                java.util.Set.of(),
                java.util.Map.of(teen, "SELF"),
                null));
        ApiClient nurse =
                new ApiClient(port).signIn(paediatric.staff(Role.NURSE).username());
        LocalDate on = LocalDate.now().plusDays(30);
        HttpResponse<String> booked = nurse.postJson(
                "/api/v1/patients/" + teen + "/joint-clinics",
                "{\"clinicOn\": \"%s\", \"adultCentreId\": \"%s\", \"note\": \"Adult haematologist and physio\"}"
                        .formatted(on, adult.centreId()));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String id = json.readTree(booked.body()).path("id").asString();

        JsonNode report = json.readTree(nurse.get("/api/v1/transition-report").body());
        JsonNode line = null;
        for (JsonNode l : report.path("patients")) {
            if (l.path("patientId").asString().equals(teen.toString())) {
                line = l;
            }
        }
        assertThat(line).as(report.toString()).isNotNull();
        assertThat(line.path("nextJointClinic").asString()).isEqualTo(on.toString());
        assertThat(nurse.getHtml("/transition-report").body()).contains("/patients/" + teen + "/joint-clinics");
        assertThat(nurse.getHtml("/patients/" + teen + "/joint-clinics").body())
                .contains("Adult haematologist and physio", adult.name());

        // the patient is reminded the evening before (issue 16: clinic dates), at 18:00 their time
        ApiClient phone = new ApiClient(port).signIn(patientAccount);
        HttpResponse<String> channels = phone.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/me/notification-preferences"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", phone.cookie("XSRF-TOKEN"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"channels\": [\"IN_APP\"]}")));
        assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
        JsonNode reminders = json.readTree(
                phone.get("/api/v1/patients/" + teen + "/reminders?days=31").body());
        boolean reminded = false;
        for (JsonNode r : reminders.path("items")) {
            reminded |= r.path("kind").asString().equals("CLINIC_VISIT")
                    && r.path("localTime").asString().startsWith(on.minusDays(1) + "T18:00");
        }
        assertThat(reminded).as(reminders.toString()).isTrue();

        HttpResponse<String> tooFar = nurse.postJson(
                "/api/v1/patients/" + teen + "/joint-clinics",
                "{\"clinicOn\": \"%s\"}".formatted(LocalDate.now().plusYears(3)));
        assertThat(tooFar.statusCode()).isEqualTo(400);
        assertThat(tooFar.body()).contains("clinicOn");
        ApiClient stranger = new ApiClient(port).signIn(adult.staff(Role.NURSE).username());
        assertThat(stranger.get("/api/v1/patients/" + teen + "/joint-clinics").statusCode())
                .isEqualTo(404);
        ApiClient physio =
                new ApiClient(port).signIn(paediatric.staff(Role.PHYSIO).username());
        assertThat(physio.postJson(
                                "/api/v1/patients/" + teen + "/joint-clinics", "{\"clinicOn\": \"%s\"}".formatted(on))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> cancelled = nurse.postJson("/api/v1/joint-clinics/" + id + "/cancellation", "{}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).path("cancelledBy").asString())
                .isNotBlank();
        assertThat(nurse.postJson("/api/v1/joint-clinics/" + id + "/cancellation", "{}")
                        .statusCode())
                .isEqualTo(409);
        JsonNode after = json.readTree(nurse.get("/api/v1/transition-report").body());
        for (JsonNode l : after.path("patients")) {
            if (l.path("patientId").asString().equals(teen.toString())) {
                assertThat(l.path("nextJointClinic").isNull()).isTrue();
            }
        }
        assertThat(json.readTree(nurse.get("/api/v1/patients/" + teen + "/joint-clinics")
                                .body())
                        .path("items")
                        .size())
                .as("cancelled, never deleted")
                .isEqualTo(1);
    }
}
