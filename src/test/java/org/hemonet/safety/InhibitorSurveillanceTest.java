package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.identity.Role;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inhibitor surveillance (issue 13, clinical.md §2, §9) on PostgreSQL, through the registry's API as a nurse would
 * enter Bethesda results: two positive samples on different days in a patient previously negative file one INHIBITOR
 * draft, attributed to the product and batch last infused before the first positive sample; a third positive sample
 * files nothing more; two positive samples on the same day confirm nothing; a patient with haemophilia B is positive
 * from 0.3 BU (0.42 BU here: the lowest titre one dilution can give), where a patient with haemophilia A is not.
 *
 * <p>Titres: residual 50 % undiluted is 1.00 BU, 75 % is 0.42 BU (clinical.md §2: BU = dilution × log2(100 / r)).
 */
class InhibitorSurveillanceTest extends IntegrationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoPositiveSamplesOnDifferentDaysFileOneDraftNamingTheProductLastInfusedBeforeTheFirst() {
        LocalDate today = LocalDate.now(LONDON);
        UUID earlier = product(ProductClass.FVIII_RECOMBINANT_STANDARD, "Early");
        UUID culprit = product(ProductClass.FVIII_PLASMA_DERIVED, "Culprit");
        UUID sameDay = product(ProductClass.FVIII_RECOMBINANT_EXTENDED, "SameDay");
        catalogue.receiveBatch(culprit, "CUL-42", today.plusYears(1), 10, 500, today.minusDays(60), null);
        TestNetwork.Site site = TestNetwork.in(context).centre("Surveillance");
        UUID patient = site.patient("Ian", "Surveil").patientId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        infuse(nurse, patient, earlier, null, today.minusDays(30));
        infuse(nurse, patient, culprit, "CUL-42", today.minusDays(12));
        infuse(nurse, patient, sameDay, null, today.minusDays(5));

        bethesda(nurse, patient, today.minusDays(20), "75"); // 0.42 BU: negative against FVIII
        bethesda(nurse, patient, today.minusDays(5), "50"); // 1.00 BU: first positive
        awaitQuiet();
        assertThat(surveillanceDrafts(patient))
                .as("one positive sample is not yet an inhibitor")
                .isEmpty();

        bethesda(nurse, patient, today.minusDays(2), "50"); // confirmed on another day
        List<Map<String, Object>> drafts = awaitDrafts(patient, 1);
        assertThat(drafts).hasSize(1);
        Map<String, Object> draft = drafts.get(0);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("category")).isEqualTo("INHIBITOR");
        assertThat(draft.get("reporter")).isEqualTo("Inhibitor surveillance");
        assertThat(draft.get("product_id")).isEqualTo(culprit);
        assertThat(draft.get("batch_number")).isEqualTo("CUL-42");
        assertThat(draft.get("onset_on").toString())
                .isEqualTo(today.minusDays(5).toString());

        bethesda(nurse, patient, today.minusDays(1), "40"); // a third positive sample
        awaitQuiet();
        assertThat(surveillanceDrafts(patient))
                .as("one draft per new inhibitor")
                .hasSize(1);

        HttpResponse<String> listed = nurse.get("/api/v1/adverse-events?patientId=" + patient + "&status=DRAFT");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("\"category\":\"INHIBITOR\"", "Inhibitor surveillance");
    }

    @Test
    void twoPositiveSamplesOnTheSameDayConfirmNothing() {
        LocalDate today = LocalDate.now(LONDON);
        TestNetwork.Site site = TestNetwork.in(context).centre("SameDay");
        UUID patient = site.patient("Jon", "Sameday").patientId();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        bethesda(nurse, patient, today.minusDays(3), "50");
        bethesda(nurse, patient, today.minusDays(3), "45");
        awaitQuiet();
        assertThat(surveillanceDrafts(patient)).isEmpty();
    }

    @Test
    void haemophiliaBIsPositiveFromThePointThreeBuThresholdAndHaemophiliaANot() {
        LocalDate today = LocalDate.now(LONDON);
        UUID nonacog = product(ProductClass.FIX_RECOMBINANT_STANDARD, "Nine");
        TestNetwork.Site site = TestNetwork.in(context).centre("FIX");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        HttpResponse<String> registered = clinician.postJson(
                "/api/v1/patients",
                """
                {"centreId": "%s", "givenName": "Kit", "familyName": "Nine", "dateOfBirth": "%s", "sex": "MALE",
                 "diagnosis": {"type": "HEMOPHILIA_B", "baselineFactorLevelIuPerDl": 0.5, "measuredOn": "%s"},
                 "previouslyUntreated": true}
                """
                        .formatted(site.centreId(), today.minusYears(1), today.minusMonths(6)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        UUID fixPatient = id(registered.body());
        infuse(clinician, fixPatient, nonacog, null, today.minusDays(9));
        bethesda(clinician, fixPatient, today.minusDays(6), "75"); // 0.42 BU ≥ 0.3: positive against FIX
        bethesda(clinician, fixPatient, today.minusDays(4), "75");
        List<Map<String, Object>> drafts = awaitDrafts(fixPatient, 1);
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).get("product_id")).isEqualTo(nonacog);
        assertThat(drafts.get(0).get("narrative").toString()).contains("against FIX", "0.3 BU");

        UUID fviiiPatient = site.patient("Lee", "Eight").patientId();
        bethesda(clinician, fviiiPatient, today.minusDays(6), "75"); // 0.42 BU < 0.6: negative against FVIII
        bethesda(clinician, fviiiPatient, today.minusDays(4), "75");
        awaitQuiet();
        assertThat(surveillanceDrafts(fviiiPatient)).isEmpty();
    }

    private UUID product(ProductClass productClass, String label) {
        return catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "survocog " + label.toLowerCase(java.util.Locale.ROOT),
                "Surv" + label + " " + UUID.randomUUID().toString().substring(0, 6),
                "Test",
                productClass,
                DoseUnit.IU,
                List.of(500, 1000),
                new BigDecimal(productClass.factor().equals("FIX") ? "1.0" : "2.0"),
                null,
                null,
                null,
                new BigDecimal("0.5")));
    }

    private static void infuse(ApiClient staff, UUID patient, UUID product, String batch, LocalDate on) {
        Instant at = on.atTime(9, 0).atZone(LONDON).toInstant();
        HttpResponse<String> infusion = staff.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                "{\"administeredAt\": \"%s\", \"productId\": \"%s\", %s \"doseIu\": 500, \"reason\": \"PROPHYLAXIS\"}"
                        .formatted(at, product, batch == null ? "" : "\"batchNumber\": \"" + batch + "\","));
        assertThat(infusion.statusCode()).as(infusion.body()).isEqualTo(201);
    }

    private static void bethesda(ApiClient staff, UUID patient, LocalDate sampledOn, String residual) {
        HttpResponse<String> test = staff.postJson(
                "/api/v1/patients/" + patient + "/inhibitor-tests",
                "{\"sampledOn\": \"%s\", \"residualActivityPercent\": %s, \"dilution\": 1}"
                        .formatted(sampledOn, residual));
        assertThat(test.statusCode()).as(test.body()).isEqualTo(201);
    }

    private List<Map<String, Object>> surveillanceDrafts(UUID patient) {
        return jdbc.sql(
                        """
                        select status, category, reporter, product_id, batch_number, onset_on, narrative
                        from safety.adverse_event where patient_id = :p and source = 'INHIBITOR_SURVEILLANCE'
                        """)
                .param("p", patient)
                .query()
                .listOfRows();
    }

    /** The draft is filed after the test's transaction commits: wait for it (bounded). */
    private List<Map<String, Object>> awaitDrafts(UUID patient, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> drafts = surveillanceDrafts(patient);
            if (drafts.size() >= expected) {
                return drafts;
            }
            sleep(100);
        }
        throw new AssertionError("expected " + expected + " surveillance drafts");
    }

    /** Gives a listener that should do nothing the time it would take to do something (the positive case: < 1 s). */
    private static void awaitQuiet() {
        sleep(1500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static UUID id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return UUID.fromString(m.group(1));
    }
}
