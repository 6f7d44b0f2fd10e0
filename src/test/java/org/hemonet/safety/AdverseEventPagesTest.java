package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The adverse event pages over real HTTP (issue 13): the staff report form takes the product and batch from one of the
 * patient's infusions, names the field at fault and keeps what was typed, a stale version keeps the typed text and
 * says who changed the report, voiding needs a reason, a patient's report from the diary is a draft listed first for
 * triage, and people outside the patient's centre or without patient data do not reach the pages.
 */
class AdverseEventPagesTest extends IntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An infusion of the demo factor concentrate from its demo batch; returns its id. */
    UUID infusion(ApiClient api, UUID patient, Instant at) {
        DemoProducts demo = DemoProducts.factorConcentrate(jdbc);
        UUID product = demo.productId();
        String batch = demo.batchNumber();
        HttpResponse<String> logged = api.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 1000, "reason": "PROPHYLAXIS"}"""
                        .formatted(at, product, batch));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        return UUID.fromString(logged.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1"));
    }

    static UUID idOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.replaceAll(".*/safety/adverse-events/([0-9a-f-]{36}).*", "$1"));
    }

    record Stored(String status, String source, String batch, LocalDate onset, int version) {}

    Stored stored(UUID id) {
        return jdbc.sql(
                        "select status, source, batch_number, onset_on, version from safety.adverse_event where id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getInt(5)))
                .single();
    }

    @Test
    void aNurseReportsFromAnInfusionAndTheProductAndBatchComeFromIt() {
        Instant now = TestClock.get().instant();
        String batch = DemoProducts.factorConcentrate(jdbc).batchNumber();
        LocalDate onset = LocalDate.ofInstant(now, LONDON).minusDays(2);
        TestNetwork.Site site = TestNetwork.in(context).centre("AePages");
        PatientAccounts.Created patient = site.patient("Ida", "Pages");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        UUID infusion = infusion(nurse, patient.patientId(), now.minus(Duration.ofDays(3)));

        HttpResponse<String> page = nurse.getHtml("/patients/" + patient.patientId() + "/adverse-events/new");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Report an adverse event", "batch " + batch, "value=\"" + infusion + "\"");

        // no category: the field is named, and what was typed stays
        HttpResponse<String> missing = nurse.postForm(
                "/patients/" + patient.patientId() + "/adverse-events/new",
                form(Map.of(
                        "infusionId", infusion.toString(),
                        "onsetOn", onset.toString(),
                        "serious", "true",
                        "outcome", "RECOVERED",
                        "narrative", "Wheals on both arms",
                        "action", "report")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Choose what happened.", "Wheals on both arms", "class=\"invalid\"");

        HttpResponse<String> filed = nurse.postForm(
                "/patients/" + patient.patientId() + "/adverse-events/new",
                form(Map.of(
                        "category", "ACUTE_REACTION",
                        "infusionId", infusion.toString(),
                        "onsetOn", onset.toString(),
                        "batchNumber", "IGNORED-WITH-AN-INFUSION",
                        "serious", "true",
                        "outcome", "RECOVERED",
                        "narrative", "Wheals on both arms",
                        "action", "report")));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        UUID id = idOf(filed);
        assertThat(stored(id)).isEqualTo(new Stored("REPORTED", "STAFF", batch, onset, 1));

        // no onset date with an infusion chosen: the infusion's day
        HttpResponse<String> undated = nurse.postForm(
                "/patients/" + patient.patientId() + "/adverse-events/new",
                form(Map.of("category", "OTHER", "infusionId", infusion.toString(), "action", "draft")));
        assertThat(undated.statusCode()).as(undated.body()).isEqualTo(302);
        assertThat(stored(idOf(undated)))
                .isEqualTo(new Stored(
                        "DRAFT", "STAFF", batch, LocalDate.ofInstant(now.minus(Duration.ofDays(3)), LONDON), 1));

        HttpResponse<String> detail = nurse.getHtml("/safety/adverse-events/" + id + "?done=reported");
        assertThat(detail.body()).contains("Report submitted", batch, "Wheals on both arms");
        HttpResponse<String> list = nurse.getHtml("/safety/adverse-events?status=REPORTED");
        assertThat(list.body()).contains("Pages, Ida", "/safety/adverse-events/" + id);
        assertThat(nurse.getHtml("/safety/adverse-events?status=DRAFT").body())
                .doesNotContain("/safety/adverse-events/" + id);
    }

    @Test
    void aStaleVersionKeepsWhatWasTypedAndVoidingNeedsAReason() {
        TestNetwork.Site site = TestNetwork.in(context).centre("AeStale");
        PatientAccounts.Created patient = site.patient("Jo", "Stale");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        ApiClient doctor = new ApiClient(port).signIn(clinician.username());
        LocalDate onset = LocalDate.now(TestClock.get().withZone(LONDON)).minusDays(1);
        HttpResponse<String> created = nurse.postJson(
                "/api/v1/adverse-events",
                """
                {"patientId": "%s", "category": "OTHER", "onsetOn": "%s", "narrative": "First words", "status": "DRAFT"}"""
                        .formatted(patient.patientId(), onset));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1"));
        // the clinician adds a follow-up meanwhile: version 2
        assertThat(doctor.patchJson("/api/v1/adverse-events/" + id, "{\"followUp\": \"Seen in clinic\"}", "\"1\"")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale = nurse.postForm(
                "/safety/adverse-events/" + id,
                form(Map.of(
                        "version", "1",
                        "action", "submit",
                        "category", "ACUTE_REACTION",
                        "onsetOn", onset.toString(),
                        "serious", "false",
                        "outcome", "RECOVERING",
                        "narrative", "Rewritten narrative the nurse typed")));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body())
                .contains(clinician.username() + " changed this report after you opened it")
                .contains("Rewritten narrative the nurse typed", "Seen in clinic", "name=\"version\" value=\"2\"");
        assertThat(stored(id).status()).isEqualTo("DRAFT");

        HttpResponse<String> submitted = nurse.postForm(
                "/safety/adverse-events/" + id,
                form(Map.of(
                        "version", "2",
                        "action", "submit",
                        "category", "ACUTE_REACTION",
                        "onsetOn", onset.toString(),
                        "serious", "false",
                        "outcome", "RECOVERING",
                        "narrative", "Rewritten narrative the nurse typed")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(stored(id).status()).isEqualTo("REPORTED");

        HttpResponse<String> noReason = nurse.postForm(
                "/safety/adverse-events/" + id, form(Map.of("version", "3", "action", "void", "voidReason", " ")));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Say why the report is void");
        HttpResponse<String> voided = nurse.postForm(
                "/safety/adverse-events/" + id,
                form(Map.of("version", "3", "action", "void", "voidReason", "Filed for the wrong patient")));
        assertThat(voided.statusCode()).isEqualTo(302);
        assertThat(stored(id).status()).isEqualTo("VOIDED");
        assertThat(nurse.getHtml("/safety/adverse-events/" + id).body())
                .contains("Filed for the wrong patient")
                .doesNotContain("name=\"action\" value=\"void\"");
    }

    @Test
    void aPatientsReportFromTheDiaryIsADraftListedFirstForTriage() {
        TestNetwork.Site site = TestNetwork.in(context).centre("AeDiary");
        PatientAccounts.Created patient = site.patient("Kit", "Diary");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        Instant at = TestClock.get().instant().minus(Duration.ofDays(1));
        UUID infusion = infusion(nurse, patient.patientId(), at);
        String batch = DemoProducts.factorConcentrate(jdbc).batchNumber();
        // an older staff draft, so that the order is tested
        assertThat(nurse.postJson(
                                "/api/v1/adverse-events",
                                """
                                {"patientId": "%s", "category": "OTHER", "onsetOn": "%s", "status": "DRAFT"}"""
                                        .formatted(
                                                patient.patientId(),
                                                LocalDate.now(TestClock.get().withZone(LONDON))))
                        .statusCode())
                .isEqualTo(201);

        ApiClient kit = new ApiClient(port).signIn(patient.username());
        HttpResponse<String> diary = kit.getHtml("/diary?patient=" + patient.patientId());
        assertThat(diary.body())
                .contains("/safety/after-infusion?patient=" + patient.patientId() + "&amp;infusion=" + infusion);
        HttpResponse<String> page =
                kit.getHtml("/safety/after-infusion?patient=" + patient.patientId() + "&infusion=" + infusion);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Something went wrong after an infusion", "batch " + batch);

        String path = "/safety/after-infusion?patient=" + patient.patientId() + "&infusion=" + infusion;
        HttpResponse<String> empty = kit.postForm(path, form(Map.of("category", "ACUTE_REACTION", "serious", "false")));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Tell your team what happened (at most");
        HttpResponse<String> sent = kit.postForm(
                path,
                form(Map.of(
                        "category", "ACUTE_REACTION",
                        "onsetOn", LocalDate.ofInstant(at, LONDON).toString(),
                        "serious", "false",
                        "narrative", "Itchy rash an hour after")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        Stored draft = jdbc.sql(
                        """
                        select status, source, batch_number, onset_on, version from safety.adverse_event
                        where patient_id = :p and source = 'PATIENT'""")
                .param("p", patient.patientId())
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getInt(5)))
                .single();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.batch()).isEqualTo(batch);

        String list = nurse.getHtml("/safety/adverse-events").body();
        assertThat(list).contains("To triage (2)");
        assertThat(list.indexOf("From the patient or family")).isPositive().isLessThan(list.indexOf("Other</a>"));
    }

    @Test
    void anotherCentreGetsNotFoundAndAnalystsGetForbidden() {
        TestNetwork.Site site = TestNetwork.in(context).centre("AeMine");
        PatientAccounts.Created patient = site.patient("Lou", "Mine");
        ApiClient other = new ApiClient(port)
                .signIn(TestNetwork.in(context)
                        .centre("AeOther")
                        .staff(Role.NURSE)
                        .username());
        HttpResponse<String> form = other.getHtml("/patients/" + patient.patientId() + "/adverse-events/new");
        assertThat(form.statusCode()).isEqualTo(404);
        long denied = jdbc.sql("select count(*) from audit.event where patient_id = :p and outcome = 'DENIED'")
                .param("p", patient.patientId())
                .query(Long.class)
                .single();
        assertThat(denied).isPositive();
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.getHtml("/safety/adverse-events").statusCode()).isEqualTo(403);
        assertThat(analyst.getHtml("/patients/" + patient.patientId() + "/adverse-events/new")
                        .statusCode())
                .isEqualTo(403);
    }
}
