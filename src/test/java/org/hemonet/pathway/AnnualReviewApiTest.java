package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
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
 * Issue 17's annual review through the API (the contract): {@code POST /api/v1/patients/{id}/annual-reviews} → 201
 * {@code {"id", "due", "sections"}} pre-filled with the year's figures; each discipline writes its part with If-Match
 * (412 when stale); a clinician signs it; the clinic letter is a PDF whose text carries the ABR and HJHS figures;
 * another centre gets 404; bad input 400 naming the field; who is due follows the test clock.
 */
class AnnualReviewApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    TestNetwork.Site site;
    PatientAccounts.Created patient;
    ZoneId zone;
    LocalDate today;
    ApiClient clinician;
    ApiClient nurse;
    ApiClient physio;

    @BeforeEach
    void aPatientWithAYearOfDiaryAndTwoJointScores() {
        site = TestNetwork.in(context).centre("Review");
        patient = site.patient("Rhys", "Review");
        zone = registry.zoneOf(patient.patientId()).orElseThrow();
        today = LocalDate.now(TestClock.get().withZone(zone));
        AnnualReviewFixtures.diary(jdbc, patient.patientId(), zone, today);
        clinician = new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        physio = new ApiClient(port).signIn(site.staff(Role.PHYSIO).username());
        AnnualReviewFixtures.jointScores(physio, patient.patientId(), today);
    }

    private String reviews() {
        return "/api/v1/patients/" + patient.patientId() + "/annual-reviews";
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> put(ApiClient client, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"))
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request);
    }

    private HttpResponse<String> complete(ApiClient client, String id, String ifMatch) {
        return client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/annual-reviews/" + id + "/completion"))
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"))
                .header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String part(String assessment, String plan) {
        return "{\"assessment\": \"" + assessment + "\", \"carePlan\": \"" + plan + "\"}";
    }

    @Test
    void opensPreFilledTheTeamWritesItsPartsAClinicianSignsAndTheLetterCarriesTheFigures() throws Exception {
        HttpResponse<String> opened = nurse.postJson(reviews(), "{\"gp\": \"Dr A Patel, Riverside Surgery\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode review = body(opened);
        String id = review.get("id").asString();
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/v1/annual-reviews/" + id);
        // a first review is due the day it opens
        assertThat(review.get("due").asString()).isEqualTo(today.toString());
        JsonNode sections = review.get("sections");
        // ABR = episodes / observation days x 365.25 over the 12 months ending today (clinical.md §4)
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(today.minusYears(1), today);
        assertThat(sections.get("outcomes").get("bleeds").asInt()).isEqualTo(AnnualReviewFixtures.BLEEDS_THIS_YEAR);
        assertThat(sections.get("outcomes").get("observationDays").asInt()).isEqualTo(days);
        assertThat(sections.get("outcomes").get("abr").decimalValue())
                .isEqualByComparingTo(AnnualReviewFixtures.abr(AnnualReviewFixtures.BLEEDS_THIS_YEAR, days));
        assertThat(sections.get("outcomes").get("jointImmobilisingBleeds").isNull())
                .isFalse();
        // the same figure the outcome module gives for the same period
        JsonNode outcomes = body(clinician.get("/api/v1/patients/" + patient.patientId() + "/outcomes"));
        assertThat(sections.get("outcomes").get("abr").decimalValue())
                .isEqualByComparingTo(outcomes.get("abr").decimalValue());
        // the trend holds the year before (6 bleeds) and this year, oldest first
        JsonNode trend = sections.get("abrTrend");
        assertThat(trend.size()).isGreaterThanOrEqualTo(2);
        assertThat(trend.get(trend.size() - 1).get("abr").decimalValue())
                .isEqualByComparingTo(sections.get("outcomes").get("abr").decimalValue());
        int daysBefore = (int) java.time.temporal.ChronoUnit.DAYS.between(today.minusYears(2), today.minusYears(1));
        assertThat(trend.get(trend.size() - 2).get("abr").decimalValue())
                .isEqualByComparingTo(AnnualReviewFixtures.abr(AnnualReviewFixtures.BLEEDS_YEAR_BEFORE, daysBefore));
        // HJHS: the latest score compared with the one before it, higher is worse
        JsonNode hjhs = sections.get("hjhs");
        assertThat(hjhs.get("latestTotal").asInt()).isEqualTo(AnnualReviewFixtures.HJHS_NOW);
        assertThat(hjhs.get("previousTotal").asInt()).isEqualTo(AnnualReviewFixtures.HJHS_BEFORE);
        assertThat(hjhs.get("difference").asInt())
                .isEqualTo(AnnualReviewFixtures.HJHS_NOW - AnnualReviewFixtures.HJHS_BEFORE);
        assertThat(sections.has("adherence")).isTrue();
        assertThat(sections.has("supply")).isTrue();
        assertThat(sections.get("inhibitors").get("status").asString()).isNotBlank();
        assertThat(sections.get("haematology").isNull()).isTrue();

        String base = "/api/v1/annual-reviews/" + id;
        HttpResponse<String> nursing = put(
                nurse,
                base + "/sections/nursing",
                part("Infuses confidently at home.", "Review stock monthly."),
                "\"1\"");
        assertThat(nursing.statusCode()).as(nursing.body()).isEqualTo(200);
        assertThat(nursing.headers().firstValue("ETag")).hasValue("\"2\"");
        // the physiotherapist read version 1: stale, nothing saved
        HttpResponse<String> stale =
                put(physio, base + "/sections/physiotherapy", part("Knee better.", "Quadriceps programme."), "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(body(clinician.get(base))
                        .get("sections")
                        .get("physiotherapy")
                        .isNull())
                .isTrue();
        HttpResponse<String> physiotherapy =
                put(physio, base + "/sections/physiotherapy", part("Knee better.", "Quadriceps programme."), "\"2\"");
        assertThat(physiotherapy.statusCode()).as(physiotherapy.body()).isEqualTo(200);
        HttpResponse<String> haematology = put(
                clinician,
                base + "/sections/haematology",
                part("Good control on prophylaxis.", "Continue prophylaxis; PK study next visit."),
                "\"3\"");
        assertThat(haematology.statusCode()).as(haematology.body()).isEqualTo(200);
        JsonNode written = body(haematology).get("sections");
        assertThat(written.get("nursing").get("assessment").asString()).isEqualTo("Infuses confidently at home.");
        assertThat(written.get("carePlan").size()).isEqualTo(3);

        HttpResponse<String> signed = complete(clinician, id, "\"4\"");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(body(signed).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(body(signed).get("completedOn").asString()).isEqualTo(today.toString());
        // a signed review no longer changes
        assertThat(put(nurse, base + "/sections/nursing", part("Later.", ""), "\"5\"")
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<byte[]> letter = nurse.getBytes(base + "/letter.pdf");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String text = pdfText(letter.body());
        String abr = sections.get("outcomes").get("abr").decimalValue().toPlainString();
        assertThat(text)
                .contains("Rhys Review", "Dr A Patel, Riverside Surgery", site.name())
                .contains("Annualised bleeding rate (ABR): " + abr)
                .contains("HJHS total " + AnnualReviewFixtures.HJHS_NOW + " of 124")
                .contains("Previously " + AnnualReviewFixtures.HJHS_BEFORE + " on")
                .contains("change -3")
                .contains("Infuses confidently at home.", "Quadriceps programme.", "Signed by");
        // the patient reads their own signed letter
        ApiClient own = new ApiClient(port).signIn(patient.username());
        assertThat(own.getBytes(base + "/letter.pdf").statusCode()).isEqualTo(200);
        // every read and write is in the audit trail
        long events = jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p
                          and resource_type in ('AnnualReview', 'ClinicLetter') and outcome = 'SUCCESS'""")
                .param("p", patient.patientId())
                .query(Long.class)
                .single();
        assertThat(events).isGreaterThanOrEqualTo(8);
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append(' ');
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    @Test
    void adherenceDiaryCompletenessAndThePlanComeFromTheRegimenAndTheDiary() {
        org.hemonet.product.Product octavia =
                context.getBean(org.hemonet.product.ProductCatalogue.class).products().stream()
                        .filter(p -> p.brandName().equals("Octavia"))
                        .findFirst()
                        .orElseThrow();
        HttpResponse<String> plan = nurse.postJson(
                "/api/v1/patients/" + patient.patientId() + "/treatment-plans",
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dose":2000,"schedule":"EVERY_N_DAYS",
                 "scheduleInterval":2,"validFrom":"%s"}
                """
                        .formatted(octavia.id(), today.minusDays(30)));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        int logged = 5;
        for (int i = 0; i < logged; i++) {
            jdbc.sql(
                            """
                            insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit,
                                reason, recorded_by)
                            values (:id, :p, :at, :product, 2000, 'IU', 'PROPHYLAXIS', 'test')""")
                    .param("id", java.util.UUID.randomUUID())
                    .param("p", patient.patientId())
                    .param(
                            "at",
                            today.minusDays(2L + 4 * i)
                                    .atTime(8, 0)
                                    .atZone(zone)
                                    .toOffsetDateTime())
                    .param("product", octavia.id())
                    .update();
        }
        JsonNode sections = body(nurse.postJson(reviews(), "{}")).get("sections");
        JsonNode adherence = sections.get("adherence");
        // diary completeness = logged prophylactic infusions / doses expected by the regimen (clinical.md §4):
        // every second day over the plan's 30 days
        int expected = adherence.get("expectedDoses").asInt();
        assertThat(expected).isBetween(14, 16);
        assertThat(adherence.get("loggedProphylacticInfusions").asInt()).isEqualTo(logged);
        assertThat(adherence.get("diaryCompletenessPercent").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(logged * 100.0 / expected)
                        .setScale(1, java.math.RoundingMode.HALF_UP));
        assertThat(adherence.get("prophylaxisAdherencePercent").isNull()).isFalse();
        assertThat(sections.get("supply").get("regimen").asString()).isEqualTo("PROPHYLAXIS");
        assertThat(sections.get("supply").get("product").asString()).startsWith("Octavia");
    }

    @Test
    void badInputIs400NamingTheFieldAndVersionsAreChecked() {
        assertThat(problemField(nurse.postJson(reviews(), "{\"gp\": \"" + "x".repeat(501) + "\"}"), 400))
                .isEqualTo("gp");
        HttpResponse<String> opened = nurse.postJson(reviews(), "{}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String base = "/api/v1/annual-reviews/" + body(opened).get("id").asString();
        // one review in progress at a time
        assertThat(clinician.postJson(reviews(), "{}").statusCode()).isEqualTo(409);
        assertThat(problemField(put(nurse, base + "/sections/nursing", part(" ", "x"), "\"1\""), 400))
                .isEqualTo("assessment");
        assertThat(problemField(put(nurse, base + "/sections/dentistry", part("a", "b"), "\"1\""), 400))
                .isEqualTo("discipline");
        assertThat(problemField(put(nurse, base + "/sections/nursing", part("a", "b"), "one"), 400))
                .isEqualTo("If-Match");
        assertThat(put(nurse, base + "/sections/nursing", part("a", "b"), null).statusCode())
                .isEqualTo(428);
        // each discipline writes its own part
        assertThat(put(physio, base + "/sections/nursing", part("a", "b"), "\"1\"")
                        .statusCode())
                .isEqualTo(403);
        // a clinician signs, after the haematology part
        assertThat(complete(nurse, body(opened).get("id").asString(), "\"1\"").statusCode())
                .isEqualTo(403);
        assertThat(problemField(complete(clinician, body(opened).get("id").asString(), "\"1\""), 400))
                .isEqualTo("sections.haematology");
        assertThat(put(nurse, base + "/sections/nursing", part("a", "b"), "\"7\"")
                        .statusCode())
                .isEqualTo(412);
        // nothing above changed the review
        assertThat(body(clinician.get(base)).get("version").asInt()).isEqualTo(1);
        // a physiotherapist does not open reviews
        assertThat(physio.postJson(reviews(), "{}").statusCode()).isEqualTo(403);
    }

    private String problemField(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return body(response).get("field").asString();
    }

    @Test
    void anotherCentreGets404AndAggregateRoles403() {
        HttpResponse<String> opened = nurse.postJson(reviews(), "{}");
        String base = "/api/v1/annual-reviews/" + body(opened).get("id").asString();
        TestNetwork.Site other = TestNetwork.in(context).centre("Elsewhere");
        ApiClient stranger =
                new ApiClient(port).signIn(other.staff(Role.CLINICIAN).username());
        assertThat(stranger.postJson(reviews(), "{}").statusCode()).isEqualTo(404);
        assertThat(stranger.get(reviews()).statusCode()).isEqualTo(404);
        assertThat(stranger.get(base).statusCode()).isEqualTo(404);
        assertThat(stranger.getBytes(base + "/letter.pdf").statusCode()).isEqualTo(404);
        assertThat(put(stranger, base + "/sections/haematology", part("a", "b"), "\"1\"")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.postJson("/api/v1/patients/" + patient.patientId() + "/shared-decisions", "{}")
                        .statusCode())
                .isEqualTo(404);
        long denied = jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and resource_type = 'AnnualReview'
                          and outcome = 'DENIED'""")
                .param("p", patient.patientId())
                .query(Long.class)
                .single();
        assertThat(denied).isGreaterThanOrEqualTo(4);
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.postJson(reviews(), "{}").statusCode()).isEqualTo(403);
        assertThat(analyst.get("/api/v1/annual-reviews/due").statusCode()).isEqualTo(403);
        // the patient does not see a review in progress
        ApiClient own = new ApiClient(port).signIn(patient.username());
        assertThat(own.get(base).statusCode()).isEqualTo(404);
    }

    @Test
    void whoIsDueFollowsTheClockAndTheIntervalSetting() {
        PatientAccounts.Created never = site.patient("Nia", "Never");
        // the last review was held a year and three days ago (sessions outlive a clock moved back, not forward)
        Period interval = Period.ofMonths(12);
        LocalDate reviewDay = today.minus(interval).minusDays(3);
        TestClock.get().set(reviewDay.atTime(12, 0).atZone(zone).toInstant());
        String id = body(nurse.postJson(reviews(), "{}")).get("id").asString();
        put(clinician, "/api/v1/annual-reviews/" + id + "/sections/haematology", part("Well.", "Same plan."), "\"1\"");
        assertThat(complete(clinician, id, "\"2\"").statusCode()).isEqualTo(200);
        LocalDate dueDay = reviewDay.plus(interval);

        // that day: the reviewed patient is up to date, the other has no review recorded
        JsonNode due = body(nurse.get("/api/v1/annual-reviews/due?overdue=true&centreId=" + site.centreId()));
        assertThat(ids(due))
                .contains(never.patientId().toString())
                .doesNotContain(patient.patientId().toString());
        JsonNode everyone = body(nurse.get("/api/v1/annual-reviews/due?centreId=" + site.centreId()));
        JsonNode reviewed = find(everyone, patient.patientId().toString());
        assertThat(reviewed.get("due").asString()).isEqualTo(dueDay.toString());
        assertThat(reviewed.get("overdue").asBoolean()).isFalse();
        assertThat(reviewed.get("lastReviewedOn").asString()).isEqualTo(reviewDay.toString());
        assertThat(find(everyone, never.patientId().toString()).get("overdue").asBoolean())
                .isTrue();

        // today, a year and three days on: overdue by the days since it fell due
        TestClock.get().reset();
        due = body(nurse.get("/api/v1/annual-reviews/due?overdue=true&centreId=" + site.centreId()));
        JsonNode overdue = find(due, patient.patientId().toString());
        assertThat(overdue.get("daysOverdue").asLong())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(dueDay, today))
                .isPositive();
        // the next review says when it was due, and shows as in progress
        HttpResponse<String> next = nurse.postJson(reviews(), "{}");
        assertThat(next.statusCode()).isEqualTo(201);
        assertThat(body(next).get("due").asString()).isEqualTo(dueDay.toString());
        due = body(nurse.get("/api/v1/annual-reviews/due?overdue=true&centreId=" + site.centreId()));
        assertThat(find(due, patient.patientId().toString()).get("openReviewId").asString())
                .isEqualTo(body(next).get("id").asString());
    }

    private static java.util.List<String> ids(JsonNode list) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        assertThat(list.has("items")).as(list.toString()).isTrue();
        list.get("items").forEach(i -> ids.add(i.get("patientId").asString()));
        return ids;
    }

    private static JsonNode find(JsonNode list, String patientId) {
        for (JsonNode i : list.get("items")) {
            if (i.get("patientId").asString().equals(patientId)) {
                return i;
            }
        }
        throw new AssertionError("not listed: " + patientId);
    }

    @Test
    void sharedDecisionsAreRecordedValidatedShownToThePatientAndInTheLetter() throws Exception {
        String decisions = "/api/v1/patients/" + patient.patientId() + "/shared-decisions";
        String decision =
                """
                {"planChange": "Factor VIII prophylaxis to emicizumab", "optionsDiscussed": "Stay on factor; emicizumab weekly",
                 "whatMatters": "Fewer injections before school", "choice": "Emicizumab every week",
                 "agreedBy": "Rhys, his mother and the clinician"}""";
        assertThat(problemField(
                        clinician.postJson(decisions, decision.replace("\"Emicizumab every week\"", "\"\"")), 400))
                .isEqualTo("choice");
        assertThat(problemField(
                        clinician.postJson(
                                decisions, decision.replace("{", "{\"decidedOn\": \"" + today.plusDays(2) + "\", ")),
                        400))
                .isEqualTo("decidedOn");
        HttpResponse<String> created = clinician.postJson(decisions, decision);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).get("decidedOn").asString()).isEqualTo(today.toString());
        ApiClient own = new ApiClient(port).signIn(patient.username());
        JsonNode mine = body(own.get(decisions));
        assertThat(mine.get("items").get(0).get("choice").asString()).isEqualTo("Emicizumab every week");
        // the patient reads, the team records
        assertThat(own.postJson(decisions, decision).statusCode()).isEqualTo(403);

        String id = body(nurse.postJson(reviews(), "{}")).get("id").asString();
        String text = pdfText(
                nurse.getBytes("/api/v1/annual-reviews/" + id + "/letter.pdf").body());
        assertThat(text).contains("DRAFT", "Fewer injections before school", "Emicizumab every week");

        HttpResponse<String> voided = clinician.postJson(
                "/api/v1/shared-decisions/" + body(created).get("id").asString() + "/void",
                "{\"reason\": \"Entered for the wrong patient\"}");
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(body(voided).get("voidReason").asString()).isEqualTo("Entered for the wrong patient");
        assertThat(body(clinician.get(decisions)).get("items").size()).isEqualTo(1);
        assertThat(pdfText(nurse.getBytes("/api/v1/annual-reviews/" + id + "/letter.pdf")
                        .body()))
                .doesNotContain("Fewer injections before school");
    }
}
