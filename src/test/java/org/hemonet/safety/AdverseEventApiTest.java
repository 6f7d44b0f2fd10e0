package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adverse event reports over real HTTP (issue 13): staff report and change them with If-Match, transitions and voiding
 * with a reason, another centre gets 404 and a DENIED audit event, an analyst gets 403 and no narrative, a patient's
 * report is always a draft and they see only the reports they filed.
 */
class AdverseEventApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    long audited(UUID patient, String action, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and action = :a and outcome = :o
                        and resource_type = 'AdverseEvent'""")
                .param("p", patient)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    static String report(UUID patient, UUID product, String status) {
        return """
                {"patientId": "%s", "category": "ACUTE_REACTION", "onsetOn": "%s", "productId": "%s",
                 "batchNumber": "B-1", "serious": true, "outcome": "RECOVERED",
                 "narrative": "Urticaria 20 minutes after the infusion", "status": "%s"}"""
                .formatted(patient, LocalDate.now().minusDays(2), product, status);
    }

    @Test
    void centreStaffReportChangeAndVoidAnEventWithVersions() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Safety");
        TestNetwork.Staff nurse = site.staff(Role.NURSE);
        PatientAccounts.Created patient = site.patient("Ada", "Reaction");
        UUID product = DemoProducts.factorConcentrate(jdbc).productId();
        ApiClient api = new ApiClient(port).signIn(nurse.username());

        HttpResponse<String> created =
                api.postJson("/api/v1/adverse-events", report(patient.patientId(), product, "REPORTED"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"REPORTED\"", "\"version\":1", "Urticaria");
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(audited(patient.patientId(), "CREATE", "SUCCESS")).isEqualTo(1);

        HttpResponse<String> closed = api.patchJson(
                "/api/v1/adverse-events/" + id,
                "{\"status\": \"CLOSED\", \"followUp\": \"Resolved with antihistamine\"}",
                "\"1\"");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(closed.body()).contains("\"status\":\"CLOSED\"", "\"version\":2", "Resolved with antihistamine");

        HttpResponse<String> stale =
                api.patchJson("/api/v1/adverse-events/" + id, "{\"outcome\": \"UNKNOWN\"}", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);

        HttpResponse<String> backwards =
                api.patchJson("/api/v1/adverse-events/" + id, "{\"status\": \"DRAFT\"}", "\"2\"");
        assertThat(backwards.statusCode()).isEqualTo(409);

        HttpResponse<String> noReason =
                api.patchJson("/api/v1/adverse-events/" + id, "{\"status\": \"VOIDED\"}", "\"2\"");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("voidReason");

        HttpResponse<String> voided = api.patchJson(
                "/api/v1/adverse-events/" + id, "{\"status\": \"VOIDED\", \"voidReason\": \"Wrong patient\"}", "\"2\"");
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(voided.body()).contains("\"status\":\"VOIDED\"", "Wrong patient");
        assertThat(audited(patient.patientId(), "VOID", "SUCCESS")).isEqualTo(1);

        HttpResponse<String> list = api.get("/api/v1/adverse-events?patientId=" + patient.patientId());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).startsWith("{\"items\":[").contains(id);
        assertThat(api.get("/api/v1/adverse-events?centreId=" + site.centreId() + "&status=VOIDED")
                        .body())
                .contains(id);
    }

    @Test
    void badInputNamesTheField() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Safety");
        ApiClient api = new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        UUID patient = site.patient("Bea", "Input").patientId();
        HttpResponse<String> noCategory = api.postJson(
                "/api/v1/adverse-events", "{\"patientId\": \"%s\", \"onsetOn\": \"2026-01-01\"}".formatted(patient));
        assertThat(noCategory.statusCode()).isEqualTo(400);
        assertThat(noCategory.body()).contains("category");
        HttpResponse<String> future = api.postJson(
                "/api/v1/adverse-events",
                "{\"patientId\": \"%s\", \"category\": \"OTHER\", \"onsetOn\": \"2999-01-01\"}".formatted(patient));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("onsetOn");
        HttpResponse<String> closedAtOnce = api.postJson(
                "/api/v1/adverse-events",
                "{\"patientId\": \"%s\", \"category\": \"OTHER\", \"onsetOn\": \"2026-01-01\", \"status\": \"CLOSED\"}"
                        .formatted(patient));
        assertThat(closedAtOnce.statusCode()).isEqualTo(400);
        assertThat(closedAtOnce.body()).contains("status");
    }

    @Test
    void anotherCentreGetsNotFoundAndAnAnalystNeverSeesANarrative() {
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site site = network.centre("Safety");
        TestNetwork.Site other = network.centre("Elsewhere");
        UUID patient = site.patient("Cy", "Private").patientId();
        UUID product = DemoProducts.factorConcentrate(jdbc).productId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        String id = nurse.postJson("/api/v1/adverse-events", report(patient, product, "REPORTED"))
                .body()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        ApiClient stranger =
                new ApiClient(port).signIn(other.staff(Role.CLINICIAN).username());
        long deniedBefore = audited(patient, "READ", "DENIED");
        HttpResponse<String> refused = stranger.get("/api/v1/adverse-events/" + id);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("Urticaria");
        assertThat(stranger.get("/api/v1/adverse-events?patientId=" + patient).statusCode())
                .isEqualTo(404);
        assertThat(audited(patient, "READ", "DENIED")).isGreaterThan(deniedBefore);
        assertThat(stranger.postJson("/api/v1/adverse-events", report(patient, product, "REPORTED"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/adverse-events?centreId=" + site.centreId())
                        .statusCode())
                .isEqualTo(404);

        ApiClient analyst = new ApiClient(port).signIn("analyst");
        for (String path :
                new String[] {"/api/v1/adverse-events/" + id, "/api/v1/adverse-events?patientId=" + patient}) {
            HttpResponse<String> response = analyst.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).doesNotContain("Urticaria");
        }
    }

    @Test
    void aPatientsReportIsADraftAndTheySeeOnlyWhatTheyFiled() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Safety");
        PatientAccounts.Created patient = site.patient("Dee", "Diary");
        UUID product = DemoProducts.factorConcentrate(jdbc).productId();
        ApiClient staff = new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        staff.postJson("/api/v1/adverse-events", report(patient.patientId(), product, "REPORTED"));

        ApiClient self = new ApiClient(port).signIn(patient.username());
        HttpResponse<String> filed = self.postJson(
                "/api/v1/adverse-events",
                "{\"patientId\": \"%s\", \"category\": \"OTHER\", \"onsetOn\": \"%s\", \"narrative\": \"Felt faint\", \"status\": \"REPORTED\"}"
                        .formatted(patient.patientId(), LocalDate.now().minusDays(1)));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(filed.body()).contains("\"status\":\"DRAFT\"", "\"source\":\"PATIENT\"");
        HttpResponse<String> mine = self.get("/api/v1/adverse-events?patientId=" + patient.patientId());
        assertThat(mine.body()).contains("Felt faint").doesNotContain("Urticaria");
        String id = filed.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(self.patchJson("/api/v1/adverse-events/" + id, "{\"status\": \"REPORTED\"}", "\"1\"")
                        .statusCode())
                .isEqualTo(403);
    }
}
