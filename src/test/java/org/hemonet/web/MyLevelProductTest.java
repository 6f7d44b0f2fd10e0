package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.identity.Role;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.Dose;
import org.hemonet.pk.PkEstimator;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * "My factor level" uses the PK model of the concentrate the patient takes (issue 20): a product without a model
 * fitted on its molecule gets the "No validated PK model" notice instead of an estimate, another product's infusions
 * are not counted, and a signed-off study of the Solms model keeps the lean body weight and VWF it was fitted with.
 */
class MyLevelProductTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PkEstimator estimator;

    record Batch(UUID productId, String batchNumber) {}

    Batch batchOf(String brand) {
        return jdbc.sql(
                        """
                        select p.id, b.batch_number from product.product p join product.batch b on b.product_id = p.id
                        where p.brand_name = :brand order by b.batch_number limit 1""")
                .param("brand", brand)
                .query((rs, n) -> new Batch(rs.getObject("id", UUID.class), rs.getString("batch_number")))
                .single();
    }

    /** A patient of the test's own centre weighing 70 kg, with the given diagnosis. */
    PatientAccounts.Created patient(TestNetwork.Site site, String given, String diagnosis) {
        PatientAccounts.Created created = site.patient(given, "Product");
        jdbc.sql("insert into patient.weight (id, patient_id, measured_on, weight_kg) values (:id, :p, :on, 70)")
                .param("id", UUID.randomUUID())
                .param("p", created.patientId())
                .param("on", LocalDate.now(TestClock.get()).minusDays(30))
                .update();
        jdbc.sql("update patient.diagnosis set type = :t where patient_id = :p")
                .param("t", diagnosis)
                .param("p", created.patientId())
                .update();
        return created;
    }

    void logInfusion(ApiClient api, UUID patient, Batch batch, Instant at, int iu) {
        HttpResponse<String> logged = api.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %d, "reason": "PROPHYLAXIS"}"""
                        .formatted(at, batch.productId(), batch.batchNumber(), iu));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
    }

    long audited(UUID patient) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and resource_type = 'EstimatedLevel'")
                .param("p", patient)
                .query(Long.class)
                .single();
    }

    static double shownLevel(String html) {
        Matcher level = Pattern.compile("about ([\\d,]+) IU/dL").matcher(html);
        assertThat(level.find()).as(html).isTrue();
        return Double.parseDouble(level.group(1).replace(",", ""));
    }

    Instant hoursAgo(int hours) {
        return TestClock.get().instant().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aProductWithoutAFittedModelShowsTheNoticeAndNoEstimate() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Level product");
        PatientAccounts.Created own = patient(site, "Alba", "HEMOPHILIA_B");
        ApiClient api = new ApiClient(port).signIn(own.username());
        logInfusion(api, own.patientId(), batchOf("Albira"), hoursAgo(3), 2000);

        long auditedBefore = audited(own.patientId());
        String html = api.getHtml("/my-level").body();
        // before issue 20's fix the page applied the eftrenonacog alfa model (Koopman 2023) to albutrepenonacog alfa
        assertThat(html)
                .as(html)
                .contains("No validated PK model for this product: Albira (albutrepenonacog alfa)")
                .doesNotContain("Estimated level now", "data-curve");
        // the record was read to find the product: audited even though no estimate is shown
        assertThat(audited(own.patientId())).isEqualTo(auditedBefore + 1);
    }

    @Test
    void theSolmsModelWithoutAStudyAsksForOneInsteadOfGuessingLeanBodyWeightAndVwf() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Level Solms none");
        PatientAccounts.Created own = patient(site, "Jiva", "HEMOPHILIA_A");
        ApiClient api = new ApiClient(port).signIn(own.username());
        logInfusion(api, own.patientId(), batchOf("Damara"), hoursAgo(4), 3000);

        long auditedBefore = audited(own.patientId());
        String html = api.getHtml("/my-level").body();
        // Solms 2020 needs lean body weight and VWF antigen, which only a PK study records: no estimate from Allard
        assertThat(html)
                .as(html)
                .contains("The model for Damara (damoctocog alfa pegol) needs your lean body weight")
                .doesNotContain("data-curve", "Estimated for");
        assertThat(audited(own.patientId())).isEqualTo(auditedBefore + 1);
    }

    @Test
    void plasmaDerivedFixUsesBrekkanAndInfusionsOfAnotherProductAreNotCounted() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Level product IX");
        PatientAccounts.Created own = patient(site, "Plas", "HEMOPHILIA_B");
        ApiClient api = new ApiClient(port).signIn(own.username());
        Instant given = hoursAgo(6);
        logInfusion(api, own.patientId(), batchOf("Plasmavia IX"), given, 1000);
        // an earlier dose of another FIX concentrate: not plasma-derived FIX, so not counted in Brekkan's curve
        logInfusion(api, own.patientId(), batchOf("Eftrix"), hoursAgo(30), 3000);

        String html = api.getHtml("/my-level").body();
        assertThat(html)
                .as(html)
                .contains(
                        "Estimated for Plasmavia IX, from the model of that product",
                        "Infusions of another product in the last 14 days are not counted: 1.");
        double brekkan = estimator.levelAt(
                TestClock.get().instant(),
                List.of(Dose.bolus(given, 1000)),
                estimator.typicalParameters("fix-brekkan-2016", Covariates.of(70, 36)),
                0);
        // whole units below 20 IU/dL; one unit either way for the seconds between the page and this line
        assertThat(brekkan).isLessThan(20);
        assertThat(shownLevel(html)).isCloseTo(brekkan, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aStudyOfAStandardProductIsAppliedWithTheEloctaCategoryOnceThePatientTakesElocta() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Level Elocta");
        PatientAccounts.Created own = patient(site, "Efmo", "HEMOPHILIA_A");
        UUID patient = own.patientId();
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        Instant dose = hoursAgo(120).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> saved = clinician.postJson(
                "/api/v1/patients/" + patient + "/pk-studies",
                """
                {"model": "fviii-allard-2020", "weightKg": 70, "ageYears": 36, "product": "STANDARD",
                 "doses": [{"at": "%s", "iu": 3500}],
                 "samples": [{"at": "%s", "iuPerDl": 90}, {"at": "%s", "iuPerDl": 30}, {"at": "%s", "iuPerDl": 9}]}"""
                        .formatted(
                                dose,
                                dose.plus(30, ChronoUnit.MINUTES),
                                dose.plus(12, ChronoUnit.HOURS),
                                dose.plus(30, ChronoUnit.HOURS)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        var study = new JsonMapper().readTree(saved.body());
        HttpResponse<String> signedOff = clinician.postForm(
                "/patients/" + patient + "/pk/sign-off",
                "studyId=" + study.get("id").asString() + "&regimen=0&productId="
                        + batchOf("Coagen").productId());
        assertThat(signedOff.statusCode()).isEqualTo(302);

        ApiClient api = new ApiClient(port).signIn(own.username());
        Instant given = hoursAgo(30);
        logInfusion(api, patient, batchOf("Elora"), given, 3500);
        String html = api.getHtml("/my-level").body();
        assertThat(html).as(html).contains("Based on your own PK study of", "Estimated for Elora");
        List<Double> eta = new java.util.ArrayList<>();
        study.get("estimate").get("eta").forEach(e -> eta.add(e.asDouble()));
        Instant now = TestClock.get().instant();
        // pk-models.md: ELOCTA = 1 for efmoroctocog alfa; the study's η on today's covariates, product included
        double elocta = estimator.levelAt(
                now,
                List.of(Dose.bolus(given, 3500)),
                estimator.individualParameters("fviii-allard-2020", Covariates.of(70, 36, "ELOCTA"), eta),
                0);
        double standard = estimator.levelAt(
                now,
                List.of(Dose.bolus(given, 3500)),
                estimator.individualParameters("fviii-allard-2020", Covariates.of(70, 36, "STANDARD"), eta),
                0);
        // whole units below 20 IU/dL: the two categories must give levels the page can tell apart
        assertThat(elocta).isLessThan(20);
        assertThat(elocta - standard).isGreaterThan(2);
        assertThat(shownLevel(html)).isCloseTo(elocta, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aSignedOffSolmsStudyKeepsItsLeanBodyWeightAndVwfOnTheLevelPage() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Level Solms");
        PatientAccounts.Created own = patient(site, "Dami", "HEMOPHILIA_A");
        UUID patient = own.patientId();
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        Instant dose = hoursAgo(72).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> saved = clinician.postJson(
                "/api/v1/patients/" + patient + "/pk-studies",
                """
                {"model": "fviii-solms-2020", "weightKg": 70, "ageYears": 36, "leanBodyWeightKg": 56.52,
                 "vwfIuPerDl": 110, "doses": [{"at": "%s", "iu": 3500}],
                 "samples": [{"at": "%s", "iuPerDl": 110}, {"at": "%s", "iuPerDl": 40}, {"at": "%s", "iuPerDl": 14}]}"""
                        .formatted(
                                dose,
                                dose.plus(30, ChronoUnit.MINUTES),
                                dose.plus(24, ChronoUnit.HOURS),
                                dose.plus(48, ChronoUnit.HOURS)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        var study = new JsonMapper().readTree(saved.body());
        UUID studyId = UUID.fromString(study.get("id").asString());
        Batch damara = batchOf("Damara");
        HttpResponse<String> signedOff = clinician.postForm(
                "/patients/" + patient + "/pk/sign-off",
                "studyId=" + studyId + "&regimen=0&productId=" + damara.productId());
        assertThat(signedOff.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select signed_off_at is not null from pk.study where id = :id")
                        .param("id", studyId)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        ApiClient api = new ApiClient(port).signIn(own.username());
        Instant given = hoursAgo(2);
        logInfusion(api, patient, damara, given, 3500);
        String html = api.getHtml("/my-level").body();
        // before the fix the Solms study could not be applied (no lean body weight): population Allard was shown
        assertThat(html)
                .as(html)
                .contains(
                        "Based on your own PK study of",
                        "lean body weight (56.5 kg) and von Willebrand factor (110 IU/dL)",
                        "Estimated for Damara")
                .doesNotContain("the average for people of your weight and age");
        List<Double> eta = new java.util.ArrayList<>();
        study.get("estimate").get("eta").forEach(e -> eta.add(e.asDouble()));
        double expected = estimator.levelAt(
                TestClock.get().instant(),
                List.of(Dose.bolus(given, 3500)),
                estimator.individualParameters(
                        "fviii-solms-2020",
                        Covariates.of(70, 36).with("leanBodyWeightKg", 56.52).with("vwfIuPerDl", 110.0),
                        eta),
                0);
        assertThat(expected).isBetween(60.0, 160.0);
        // fives between 20 and 100 IU/dL, tens above
        assertThat(shownLevel(html)).isCloseTo(expected, org.assertj.core.data.Offset.offset(10.0));
    }
}
