package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's hand-over to adult care (clinical.md §10): a 17-year-old's record moves from the paediatric to the adult
 * centre, whose team then sees it; the paediatric team no longer reads the record but reads the hand-over and its
 * summary letter until the setting's end (6 months), then gets 404 like anyone else (test clock).
 */
class HandoverApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    TestNetwork.Site paediatric;
    TestNetwork.Site adult;
    ApiClient paediatricNurse;
    ApiClient paediatricClinician;
    ApiClient adultClinician;

    @BeforeEach
    void twoCentres() {
        paediatric = TestNetwork.in(context).centre("Children's");
        adult = TestNetwork.in(context).centre("Adults'");
        paediatricNurse =
                new ApiClient(port).signIn(paediatric.staff(Role.NURSE).username());
        paediatricClinician =
                new ApiClient(port).signIn(paediatric.staff(Role.CLINICIAN).username());
        adultClinician = new ApiClient(port).signIn(adult.staff(Role.CLINICIAN).username());
    }

    /** A patient of the paediatric centre born {@code age} (and a month) before today. */
    private UUID patientAged(Period age, String given) {
        UUID id = UUID.randomUUID();
        registry.register(new NewPatient(
                id,
                paediatric.centreId(),
                given,
                "Handover",
                LocalDate.now(TestClock.get()).minus(age).minusMonths(1),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                new BigDecimal("0.5"),
                LocalDate.now(TestClock.get()).minusYears(5),
                null,
                null,
                List.of(),
                null));
        return id;
    }

    private String handover(String toCentre, String summary) {
        return "{\"toCentreId\": \"" + toCentre + "\", \"summary\": \"" + summary + "\"}";
    }

    private JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void theAdultCentreSeesTheRecordAndThePaediatricTeamReadsTheHandOverUntilTheSettingEnds() throws Exception {
        UUID patient = patientAged(Period.ofYears(17).plusMonths(7), "Finn");
        ZoneId zone = registry.zoneOf(patient).orElseThrow();
        assertThat(adultClinician.get("/api/v1/patients/" + patient).statusCode())
                .isEqualTo(404);
        // the hand-over happens six months and two days ago (sessions outlive a clock moved back, not forward)
        Instant handedOverAt = LocalDate.now(TestClock.get().withZone(zone))
                .minusMonths(6)
                .minusDays(2)
                .atTime(11, 0)
                .atZone(zone)
                .toInstant();
        TestClock.get().set(handedOverAt);
        HttpResponse<String> created = paediatricNurse.postJson(
                "/api/v1/patients/" + patient + "/handover",
                handover(adult.centreId().toString(), "Severe haemophilia A, self-infuses, no inhibitor."));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode h = body(created);
        String id = h.get("id").asString();
        assertThat(h.get("fromCentreId").asString())
                .isEqualTo(paediatric.centreId().toString());
        assertThat(h.get("ageYears").asInt()).isEqualTo(17);
        assertThat(Instant.parse(h.get("readAccessUntil").asString()))
                .isEqualTo(handedOverAt
                        .atOffset(java.time.ZoneOffset.UTC)
                        .plusMonths(6)
                        .toInstant());

        // the record is the adult centre's now, with a revision saying why
        HttpResponse<String> record = adultClinician.get("/api/v1/patients/" + patient);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(body(record).get("centreId").asString())
                .isEqualTo(adult.centreId().toString());
        assertThat(record.body()).contains("Transition to adult care");
        // the paediatric team no longer reads or writes the record, but reads the hand-over and its letter
        assertThat(paediatricClinician.get("/api/v1/patients/" + patient).statusCode())
                .isEqualTo(404);
        assertThat(paediatricClinician
                        .postJson(
                                "/api/v1/patients/" + patient + "/handover",
                                handover(adult.centreId().toString(), "again"))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> read = paediatricClinician.get("/api/v1/handovers/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read).get("patientName").asString()).isEqualTo("Finn Handover");
        HttpResponse<byte[]> letter = paediatricClinician.getBytes("/api/v1/handovers/" + id + "/letter.pdf");
        assertThat(letter.statusCode()).isEqualTo(200);
        String text = AnnualReviewApiTest.pdfText(letter.body());
        assertThat(text)
                .contains("Finn Handover", paediatric.name(), adult.name())
                .contains("Severe haemophilia A, self-infuses, no inhibitor.");

        // today, six months and two days on: the paediatric team's read access has ended
        TestClock.get().reset();
        assertThat(paediatricClinician.get("/api/v1/handovers/" + id).statusCode())
                .isEqualTo(404);
        assertThat(paediatricClinician
                        .getBytes("/api/v1/handovers/" + id + "/letter.pdf")
                        .statusCode())
                .isEqualTo(404);
        long denied = jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and resource_type = 'Handover'
                          and outcome = 'DENIED'""")
                .param("p", patient)
                .query(Long.class)
                .single();
        assertThat(denied).isEqualTo(2);
        // the adult team still reads both
        assertThat(adultClinician.get("/api/v1/handovers/" + id).statusCode()).isEqualTo(200);
        assertThat(adultClinician.get("/api/v1/patients/" + patient).statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIs400AndOnlyTheCentresClinicianOrNurseHandsOver() {
        UUID fifteen = patientAged(Period.ofYears(15), "Young");
        UUID seventeen = patientAged(Period.ofYears(17), "Older");
        String young = "/api/v1/patients/" + fifteen + "/handover";
        String older = "/api/v1/patients/" + seventeen + "/handover";
        assertThat(problemField(paediatricNurse.postJson(
                        young, handover(adult.centreId().toString(), "x"))))
                .isEqualTo("patientId");
        assertThat(problemField(paediatricNurse.postJson(
                        older, handover(paediatric.centreId().toString(), "x"))))
                .isEqualTo("toCentreId");
        assertThat(problemField(paediatricNurse.postJson(
                        older, handover(UUID.randomUUID().toString(), "x"))))
                .isEqualTo("toCentreId");
        assertThat(problemField(paediatricNurse.postJson(
                        older, handover(adult.centreId().toString(), " "))))
                .isEqualTo("summary");
        ApiClient physio =
                new ApiClient(port).signIn(paediatric.staff(Role.PHYSIO).username());
        assertThat(physio.postJson(older, handover(adult.centreId().toString(), "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(adultClinician
                        .postJson(older, handover(adult.centreId().toString(), "x"))
                        .statusCode())
                .isEqualTo(404);
        // nothing moved
        assertThat(body(paediatricNurse.get("/api/v1/patients/" + seventeen))
                        .get("centreId")
                        .asString())
                .isEqualTo(paediatric.centreId().toString());
    }

    private String problemField(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return body(response).get("field").asString();
    }
}
