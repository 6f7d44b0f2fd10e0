package org.hemonet.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's registry returns (docs/returns.md) on a hand-built centre, year Y = two years before the test clock's.
 *
 * <p>Centre A, its products F8 (FVIII, IU) and EMI (emicizumab, mg) made for the test:
 *
 * <ul>
 *   <li><b>Ann</b> — haemophilia A, baseline 0.5 IU/dL (severe), 34 on 31 Dec Y (18-39), never tested for inhibitors,
 *       data-sharing consent given. Infusions of F8: 1000 IU on 1 Dec Y-1 (before the year: not counted; it starts
 *       her diary, so Y is observed whole), 2000 IU on 1 Jan, 3000 on 4 Mar, 2000 on 10 Jun → 7000 IU, 3 infusions.
 *       Bleeds: left knee spontaneous on 4 Mar, 10 Apr, 20 May (three spontaneous episodes within six months: a
 *       target joint since 20 May, unresolved on 31 Dec, clinical.md §3), right thigh traumatic on 10 Jun with 2 days
 *       off work → 4 episodes, 3 joint, 3 spontaneous, 1 target joint; ABR 4 × 365.25 ÷ days of Y, AJBR 3 × 365.25 ÷
 *       days (4.00 / 3.00 in a 365-day year, 3.99 / 2.99 in a leap year). Plan: prophylaxis with F8 from 1 Jan Y.
 *       HJHS on 1 Aug Y: left knee swelling 2 + pain 1, gait 1 → 4, six joints scored (a later score in Y+1, total 6,
 *       is not the year's). Annual review completed on 15 Sep Y.
 *   <li><b>Ben</b> — haemophilia A, 3 IU/dL (moderate), 9 (5-11); Bethesda 50 % at 1:8 on 1 Jun Y → 8 BU (positive,
 *       high responder) and 70 % undiluted on 1 Mar Y+1 → 0.51 BU (negative): at the end of Y he is
 *       POSITIVE_HIGH_RESPONDER (today NEGATIVE_PREVIOUS_HIGH_RESPONDER), peak 8 BU. ITI since 1 Jul Y. EMI 90 mg on
 *       1, 8 and 15 Jan → 270 mg, 3 infusions, no bleed (ABR 0.00 over the whole year). No plan. A death reported with
 *       onset 1 Nov Y. Consent given.
 *   <li><b>Eve</b> — haemophilia A, 0.2 IU/dL (severe), 20 (18-39), data sharing refused: in the national return, not
 *       in the WBDR file. No diary.
 *   <li><b>Cat</b> — haemophilia B, 0.8 IU/dL (severe), 74 (60+), no consent recorded, no diary.
 *   <li><b>Dan</b> — haemophilia A, born in Y+1: in neither file of Y.
 * </ul>
 *
 * Centre B: nine severe and one moderate haemophilia A patients, each given one 1000 IU infusion of F8 in Y.
 */
class RegistryReturnsApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    record Scenario(
            int year,
            TestNetwork.Site a,
            TestNetwork.Site b,
            String clinicianA,
            String clinicianB,
            UUID f8,
            UUID emi,
            UUID ann,
            UUID ben,
            UUID eve,
            UUID cat,
            UUID dan) {}

    private static Scenario scenario;

    @Test
    void aCentresOwnNationalReturnHoldsItsExactFigures() throws IOException {
        Scenario s = scenario();
        ApiClient clinician = new ApiClient(port).signIn(s.clinicianA());
        HttpResponse<String> response =
                clinician.get("/api/v1/returns/national-annual.csv?year=" + s.year(), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("X-Disclosure-Controlled")).hasValue("false");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"national-annual-return-" + s.year() + ".csv\"");
        String body = response.body();
        assertThat(body)
                .startsWith(
                        "year,centre_code,centre,table,diagnosis,category,product_id,product,product_class,unit,value\r\n")
                .doesNotContain("NATIONAL")
                .doesNotContain(s.b().name());
        Figures f = Figures.of(body);
        String a = code(s.a());
        String ha = "HEMOPHILIA_A";

        assertThat(f.row(a, "registered_by_severity", ha))
                .containsEntry("SEVERE", "2")
                .containsEntry("MODERATE", "1")
                .containsEntry("MILD", "0")
                .containsEntry("SYMPTOMATIC_CARRIER", "0")
                .containsEntry("ASYMPTOMATIC_CARRIER", "0")
                .containsEntry("NOT_CLASSIFIED", "0")
                .containsEntry("TOTAL", "3")
                .hasSize(7);
        assertThat(f.row(a, "registered_by_inhibitor", ha))
                .containsEntry("NOT_TESTED", "2")
                .containsEntry("POSITIVE_HIGH_RESPONDER", "1")
                .containsEntry("NEGATIVE_PREVIOUS_HIGH_RESPONDER", "0")
                .containsEntry("NEGATIVE", "0")
                .containsEntry("TOTAL", "3");
        assertThat(f.row(a, "registered_by_age_band", ha))
                .containsEntry("0-4", "0")
                .containsEntry("5-11", "1")
                .containsEntry("12-17", "0")
                .containsEntry("18-39", "2")
                .containsEntry("40-59", "0")
                .containsEntry("60+", "0")
                .containsEntry("TOTAL", "3");
        assertThat(f.row(a, "treated_by_severity", ha))
                .containsEntry("SEVERE", "1")
                .containsEntry("MODERATE", "1")
                .containsEntry("TOTAL", "2");
        assertThat(f.row(a, "observed_by_severity", ha))
                .containsEntry("SEVERE", "1")
                .containsEntry("MODERATE", "1")
                .containsEntry("TOTAL", "2");
        assertThat(f.row(a, "bleeds_by_severity", ha))
                .containsEntry("SEVERE", "4")
                .containsEntry("MODERATE", "0")
                .containsEntry("TOTAL", "4");
        assertThat(f.row(a, "joint_bleeds_by_severity", ha))
                .containsEntry("SEVERE", "3")
                .containsEntry("MODERATE", "0")
                .containsEntry("TOTAL", "3");
        assertThat(f.row(a, "treated_by_product", ha))
                .containsEntry(s.f8().toString(), "1")
                .containsEntry(s.emi().toString(), "1")
                .containsEntry("TOTAL", "2")
                .hasSize(3);
        assertThat(f.row(a, "units_by_product", ha))
                .containsEntry(s.f8().toString(), "7000")
                .containsEntry(s.emi().toString(), "270")
                .hasSize(2);
        assertThat(f.unit(a, "units_by_product", ha, s.f8())).isEqualTo("IU");
        assertThat(f.unit(a, "units_by_product", ha, s.emi())).isEqualTo("MG");
        assertThat(f.row(a, "reviewed_by_severity", ha))
                .containsEntry("SEVERE", "1")
                .containsEntry("MODERATE", "0")
                .containsEntry("TOTAL", "1");
        assertThat(f.row(a, "deaths_by_severity", ha))
                .containsEntry("SEVERE", "0")
                .containsEntry("MODERATE", "1")
                .containsEntry("TOTAL", "1");

        String hb = "HEMOPHILIA_B";
        assertThat(f.row(a, "registered_by_severity", hb))
                .containsEntry("SEVERE", "1")
                .containsEntry("TOTAL", "1");
        assertThat(f.row(a, "registered_by_age_band", hb))
                .containsEntry("60+", "1")
                .containsEntry("TOTAL", "1");
        assertThat(f.row(a, "treated_by_severity", hb)).containsEntry("TOTAL", "0");
        assertThat(f.row(a, "observed_by_severity", hb)).containsEntry("TOTAL", "0");
        assertThat(f.row(a, "bleeds_by_severity", hb)).containsEntry("TOTAL", "0");
        assertThat(f.row(a, "treated_by_product", hb)).containsOnlyKeys("TOTAL");
        assertThat(f.tables(a, "VON_WILLEBRAND_DISEASE")).isEmpty();

        // one audit event for the download
        assertThat(exports(s.clinicianA(), "NationalAnnualReturn", "year=" + s.year() + ";centre=all"))
                .isEqualTo(1);
    }

    @Test
    void theWbdrFileHoldsOneRowPerConsentingPatientWithoutIdentifiers() throws IOException {
        Scenario s = scenario();
        ApiClient clinician = new ApiClient(port).signIn(s.clinicianA());
        HttpResponse<String> response = clinician.get(
                "/api/v1/returns/wbdr.csv?year=" + s.year() + "&centreId=" + s.a().centreId(), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Patients")).hasValue("2");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"wbdr-" + s.year() + ".csv\"");
        String body = response.body();
        assertThat(body)
                .startsWith("pseudonym,year,centre_code,year_of_birth,sex,diagnosis,diagnosis_subtype,severity,"
                        + "baseline_factor_level_iu_dl,inhibitor_status,inhibitor_ever,peak_titre_bu,iti_ever,regimen,"
                        + "plan_product_class,product_classes_used,units_iu,units_mg,infusions,observation_days,"
                        + "bleeds,joint_bleeds,spontaneous_bleeds,abr,ajbr,target_joints,days_lost_school,"
                        + "days_lost_work,hjhs_total,hjhs_joints_scored,annual_review,died\r\n");
        for (UUID id : List.of(s.ann(), s.ben(), s.eve(), s.cat(), s.dan())) {
            assertThat(body).doesNotContain(id.toString());
        }
        assertThat(body).doesNotContain("Ann ").doesNotContain("Returnson").doesNotContain("-05-17");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(body))
                .getRecords();
        assertThat(rows).hasSize(2);
        int days = Year.of(s.year()).length();
        CSVRecord ann = rows.stream()
                .filter(r -> r.get("diagnosis").equals("HEMOPHILIA_A")
                        && r.get("severity").equals("SEVERE"))
                .findFirst()
                .orElseThrow();
        CSVRecord ben = rows.stream()
                .filter(r -> r.get("severity").equals("MODERATE"))
                .findFirst()
                .orElseThrow();
        Map<String, String> expectedAnn = new HashMap<>();
        expectedAnn.putAll(Map.of(
                "year", Integer.toString(s.year()),
                "centre_code", code(s.a()),
                "year_of_birth", Integer.toString(s.year() - 34),
                "sex", "MALE",
                "diagnosis", "HEMOPHILIA_A",
                "diagnosis_subtype", "",
                "severity", "SEVERE",
                "baseline_factor_level_iu_dl", "0.5",
                "inhibitor_status", "NOT_TESTED",
                "inhibitor_ever", "NOT_TESTED"));
        expectedAnn.putAll(Map.of(
                "peak_titre_bu", "",
                "iti_ever", "NO",
                "regimen", "PROPHYLAXIS",
                "plan_product_class", "FVIII_RECOMBINANT_STANDARD",
                "product_classes_used", "FVIII_RECOMBINANT_STANDARD",
                "units_iu", "7000",
                "units_mg", "0",
                "infusions", "3",
                "observation_days", Integer.toString(days),
                "bleeds", "4"));
        expectedAnn.putAll(Map.of(
                "joint_bleeds", "3",
                "spontaneous_bleeds", "3",
                "abr", rate(4, days),
                "ajbr", rate(3, days),
                "target_joints", "1",
                "days_lost_school", "0",
                "days_lost_work", "2",
                "hjhs_total", "4",
                "hjhs_joints_scored", "6",
                "annual_review", "YES"));
        expectedAnn.put("died", "NO");
        assertThat(ann.toMap()).containsAllEntriesOf(expectedAnn);
        assertThat(ann.get("pseudonym")).matches("[0-9a-f]{32}");

        Map<String, String> expectedBen = new HashMap<>();
        expectedBen.putAll(Map.of(
                "year_of_birth", Integer.toString(s.year() - 9),
                "severity", "MODERATE",
                "baseline_factor_level_iu_dl", "3",
                "inhibitor_status", "POSITIVE_HIGH_RESPONDER",
                "inhibitor_ever", "YES",
                "peak_titre_bu", "8",
                "iti_ever", "YES",
                "regimen", "NONE",
                "plan_product_class", "",
                "product_classes_used", "EMICIZUMAB"));
        expectedBen.putAll(Map.of(
                "units_iu", "0",
                "units_mg", "270",
                "infusions", "3",
                "observation_days", Integer.toString(days),
                "bleeds", "0",
                "joint_bleeds", "0",
                "abr", "0.00",
                "target_joints", "0",
                "hjhs_total", "",
                "hjhs_joints_scored", ""));
        expectedBen.putAll(Map.of("annual_review", "NO", "died", "YES", "days_lost_work", "0"));
        assertThat(ben.toMap()).containsAllEntriesOf(expectedBen);

        // the pseudonym is keyed, not random: the same patient has the same one next time (the registry follows people)
        HttpResponse<String> again = clinician.get("/api/v1/returns/wbdr.csv?year=" + s.year(), "text/csv");
        assertThat(again.body()).contains(ann.get("pseudonym")).contains(ben.get("pseudonym"));
        assertThat(new ApiClient(port)
                        .signIn(s.clinicianA())
                        .get("/api/v1/returns/wbdr.csv?year=" + (s.year() - 1), "text/csv")
                        .body())
                .contains(ann.get("pseudonym"));

        // audited: each exported patient, and the download
        assertThat(patientExports(s.ann(), s.year())).isEqualTo(2);
        assertThat(patientExports(s.eve(), s.year())).isZero();
        assertThat(exports(s.clinicianA(), "WbdrReturn", "year=" + s.year() + ";centre=" + s.a().centreId()))
                .isEqualTo(1);
    }

    @Test
    void theNetworkFileHoldsTheNationalFiguresOnlyExact() throws IOException {
        Scenario s = scenario();
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> response = analyst.get("/api/v1/returns/national-annual.csv?year=" + s.year(), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Disclosure-Controlled")).hasValue("true");
        String body = response.body();
        for (UUID id : List.of(s.ann(), s.ben(), s.eve(), s.cat())) {
            assertThat(body).doesNotContain(id.toString());
        }
        Figures f = Figures.of(body);
        String a = code(s.a());
        String b = code(s.b());
        String ha = "HEMOPHILIA_A";
        // no centre's rows: per-centre cells suppressed table by table could be recovered across the return's linked
        // tables (ReturnDifferencingTest), so below national level nothing is published to network roles
        assertThat(f.records()).isNotEmpty().allSatisfy(r -> assertThat(r.get("centre_code"))
                .isEqualTo("NATIONAL"));
        assertThat(f.tables(a, ha)).isEmpty();
        assertThat(f.tables(b, ha)).isEmpty();
        // the national figures exact: the test's own products were used by A (Ann: F8, Ben: EMI) and B (ten: F8)
        assertThat(f.row("NATIONAL", "treated_by_product", ha))
                .containsEntry(s.f8().toString(), "11")
                .containsEntry(s.emi().toString(), "1");
        assertThat(f.row("NATIONAL", "units_by_product", ha))
                .containsEntry(s.f8().toString(), "17000")
                .containsEntry(s.emi().toString(), "270");

        // filtered to B: still national figures only
        Figures onlyB = Figures.of(analyst.get(
                        "/api/v1/returns/national-annual.csv?year=" + s.year() + "&centreId=" + s.b().centreId(),
                        "text/csv")
                .body());
        assertThat(onlyB.tables(b, ha)).isEmpty();
        assertThat(onlyB.row("NATIONAL", "treated_by_product", ha)).containsEntry(s.f8().toString(), "11");

        // B's own clinician sees B exactly
        Figures own = Figures.of(new ApiClient(port)
                .signIn(s.clinicianB())
                .get("/api/v1/returns/national-annual.csv?year=" + s.year(), "text/csv")
                .body());
        assertThat(own.row(b, "registered_by_severity", ha))
                .containsEntry("SEVERE", "9")
                .containsEntry("MODERATE", "1")
                .containsEntry("TOTAL", "10");
    }

    @Test
    void onlyCentreStaffAndNetworkRolesDownloadReturnsEachAsMuchAsTheyMaySee() {
        Scenario s = scenario();
        String national = "/api/v1/returns/national-annual.csv?year=" + s.year();
        String wbdr = "/api/v1/returns/wbdr.csv?year=" + s.year();

        ApiClient patient =
                new ApiClient(port).signIn(s.a().patient("Pia", "Returnee").username());
        assertThat(patient.get(national, "text/csv").statusCode()).isEqualTo(403);
        assertThat(patient.get(wbdr, "text/csv").statusCode()).isEqualTo(403);
        ApiClient courier =
                new ApiClient(port).signIn(s.a().staff(Role.DELIVERY_PROVIDER).username());
        assertThat(courier.get(national, "text/csv").statusCode()).isEqualTo(403);
        assertThat(courier.get(wbdr, "text/csv").statusCode()).isEqualTo(403);
        ApiClient admin = new ApiClient(port).signIn("admin");
        assertThat(admin.get(national, "text/csv").statusCode()).isEqualTo(403);
        assertThat(admin.get(wbdr, "text/csv").statusCode()).isEqualTo(403);
        // patient-level: never for aggregate roles (security.md §6)
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.get(wbdr, "text/csv").statusCode()).isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("commissioner")
                        .get(wbdr, "text/csv")
                        .statusCode())
                .isEqualTo(403);

        // another centre's clinician: A's centre is 404, as an unknown one
        ApiClient clinicianB = new ApiClient(port).signIn(s.clinicianB());
        HttpResponse<String> otherNational =
                clinicianB.get(national + "&centreId=" + s.a().centreId(), "application/json");
        HttpResponse<String> unknown = clinicianB.get(national + "&centreId=" + UUID.randomUUID(), "application/json");
        assertThat(otherNational.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(otherNational.body()).isEqualTo(unknown.body());
        assertThat(clinicianB
                        .get(wbdr + "&centreId=" + s.a().centreId(), "application/json")
                        .statusCode())
                .isEqualTo(404);
        // and B's own WBDR file holds none of A's patients (no consent recorded at B: empty)
        HttpResponse<String> ownWbdr = clinicianB.get(wbdr, "text/csv");
        assertThat(ownWbdr.statusCode()).isEqualTo(200);
        assertThat(ownWbdr.headers().firstValue("X-Patients")).hasValue("0");

        // bad input: a 400 naming the year
        ApiClient clinicianA = new ApiClient(port).signIn(s.clinicianA());
        HttpResponse<String> missing = clinicianA.get("/api/v1/returns/national-annual.csv", "application/json");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("year");
        int next = LocalDate.now(TestClock.get()).getYear() + 1;
        HttpResponse<String> future = clinicianA.get("/api/v1/returns/wbdr.csv?year=" + next, "application/json");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("year");

        // the page offers the files to those who may download them
        HttpResponse<String> page = clinicianA.getHtml("/returns");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"download-national\"", "id=\"download-wbdr\"", s.a().name());
        HttpResponse<String> analystPage = analyst.getHtml("/returns");
        assertThat(analystPage.body())
                .contains("id=\"download-national\"", "id=\"returns-disclosure\"")
                .doesNotContain("id=\"download-wbdr\"");
        assertThat(patient.getHtml("/returns").statusCode()).isEqualTo(403);
    }

    // ---- the scenario ----------------------------------------------------------------------------------------------

    private synchronized Scenario scenario() {
        if (scenario == null) {
            scenario = build();
        }
        return scenario;
    }

    private Scenario build() {
        int y = LocalDate.now(TestClock.get()).getYear() - 2;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID f8 = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "returnocog alfa",
                "Returnate " + tag,
                "Test",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(1000, 2000),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.7")));
        UUID emi = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "returnizumab",
                "Returnlibra " + tag,
                "Test",
                ProductClass.EMICIZUMAB,
                DoseUnit.MG,
                List.of(30, 60, 150),
                null,
                null,
                null,
                new BigDecimal("150"),
                new BigDecimal("20")));

        TestNetwork.Site a = TestNetwork.in(context).centre("Returns A");
        TestNetwork.Staff clinicianA = a.staff(Role.CLINICIAN);
        Actor actorA =
                new Actor(clinicianA.accountId(), clinicianA.username(), "CLINICIAN", Set.of(a.centreId()), Set.of());
        UUID ann = patient(a, "Ann", HA, LocalDate.of(y - 34, 5, 17), "0.5", List.of());
        UUID ben = patient(
                a,
                "Ben",
                HA,
                LocalDate.of(y - 9, 3, 1),
                "3",
                List.of(
                        new NewPatient.BethesdaAssay(LocalDate.of(y, 6, 1), new BigDecimal("50"), new BigDecimal("8")),
                        new NewPatient.BethesdaAssay(LocalDate.of(y + 1, 3, 1), new BigDecimal("70"), BigDecimal.ONE)));
        UUID eve = patient(a, "Eve", HA, LocalDate.of(y - 20, 6, 1), "0.2", List.of());
        UUID cat = patient(a, "Cat", DiagnosisType.HEMOPHILIA_B, LocalDate.of(y - 74, 1, 1), "0.8", List.of());
        UUID dan = patient(a, "Dan", HA, LocalDate.of(y + 1, 2, 1), "0.5", List.of());

        ApiClient api = new ApiClient(port).signIn(clinicianA.username());
        infuse(api, ann, LocalDate.of(y - 1, 12, 1), f8, "1000", null);
        infuse(api, ann, LocalDate.of(y, 1, 1), f8, "2000", null);
        infuse(api, ann, LocalDate.of(y, 3, 4), f8, "3000", null);
        infuse(api, ann, LocalDate.of(y, 6, 10), f8, "2000", null);
        bleed(api, ann, LocalDate.of(y, 3, 4), BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS, 0);
        bleed(api, ann, LocalDate.of(y, 4, 10), BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS, 0);
        bleed(api, ann, LocalDate.of(y, 5, 20), BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS, 0);
        bleed(api, ann, LocalDate.of(y, 6, 10), BleedSite.RIGHT_THIGH, BleedCause.TRAUMATIC, 2);
        plans.importPlan(
                actorA,
                ann,
                new Prescription(
                        Regimen.PROPHYLAXIS,
                        f8,
                        null,
                        new BigDecimal("2000"),
                        null,
                        null,
                        Schedule.Kind.EVERY_N_DAYS,
                        2,
                        null,
                        LocalTime.of(8, 0),
                        "Europe/London",
                        LocalDate.of(y, 1, 1),
                        null,
                        null,
                        null));
        for (int day : new int[] {1, 8, 15}) {
            infuse(api, ben, LocalDate.of(y, 1, day), emi, null, "90");
        }

        LocalDate today = LocalDate.now(TestClock.get());
        for (UUID p : List.of(ann, ben)) {
            created(api.postJson(
                    "/api/v1/patients/" + p + "/consents",
                    "{\"kind\":\"DATA_SHARING\",\"given\":true,\"recordedOn\":\"%s\"}".formatted(today)));
        }
        created(api.postJson(
                "/api/v1/patients/" + eve + "/consents",
                "{\"kind\":\"DATA_SHARING\",\"given\":false,\"recordedOn\":\"%s\"}".formatted(today)));
        created(api.postJson(
                "/api/v1/patients/" + ben + "/iti-episodes",
                "{\"startedOn\":\"%s\",\"regimen\":\"100 IU/kg daily\",\"outcome\":\"ONGOING\"}"
                        .formatted(LocalDate.of(y, 7, 1))));
        created(api.postJson(
                "/api/v1/adverse-events",
                """
                {"patientId": "%s", "category": "DEATH", "onsetOn": "%s", "serious": true, "outcome": "FATAL",
                 "status": "REPORTED"}"""
                        .formatted(ben, LocalDate.of(y, 11, 1))));
        score(api, ann, LocalDate.of(y, 8, 1), 1);
        score(api, ann, LocalDate.of(y + 1, 2, 1), 3);

        // the annual review, completed on 15 September of the year
        TestClock.get().set(LocalDate.of(y, 9, 15).atTime(10, 0).toInstant(ZoneOffset.UTC));
        try {
            ApiClient reviewer = new ApiClient(port).signIn(clinicianA.username());
            HttpResponse<String> opened = reviewer.postJson("/api/v1/patients/" + ann + "/annual-reviews", "{}");
            created(opened);
            String id = opened.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
            String base = "http://localhost:" + port + "/api/v1/annual-reviews/" + id;
            HttpResponse<String> part = reviewer.send(HttpRequest.newBuilder(URI.create(base + "/sections/haematology"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", reviewer.cookie("XSRF-TOKEN"))
                    .header("If-Match", "\"1\"")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"assessment\": \"Well controlled.\", \"carePlan\": \"Continue.\"}")));
            assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
            HttpResponse<String> completed = reviewer.send(HttpRequest.newBuilder(URI.create(base + "/completion"))
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", reviewer.cookie("XSRF-TOKEN"))
                    .header("If-Match", "\"2\"")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        } finally {
            TestClock.get().reset();
        }

        TestNetwork.Site b = TestNetwork.in(context).centre("Returns B");
        TestNetwork.Staff clinicianB = b.staff(Role.CLINICIAN);
        ApiClient apiB = new ApiClient(port).signIn(clinicianB.username());
        for (int i = 0; i < 10; i++) {
            UUID p = patient(
                    b, "Bea" + (char) ('a' + i), HA, LocalDate.of(y - 30, 1, 1), i == 0 ? "2" : "0.5", List.of());
            infuse(apiB, p, LocalDate.of(y, 2, 1), f8, "1000", null);
        }
        return new Scenario(y, a, b, clinicianA.username(), clinicianB.username(), f8, emi, ann, ben, eve, cat, dan);
    }

    static final DiagnosisType HA = DiagnosisType.HEMOPHILIA_A;

    private UUID patient(
            TestNetwork.Site site,
            String given,
            DiagnosisType diagnosis,
            LocalDate born,
            String level,
            List<NewPatient.BethesdaAssay> tests) {
        UUID id = UUID.randomUUID();
        registry.register(new NewPatient(
                id,
                site.centreId(),
                given,
                "Returnson",
                born,
                Sex.MALE,
                null,
                null,
                null,
                diagnosis,
                null,
                false,
                new BigDecimal(level),
                born.plusMonths(6),
                new BigDecimal("70"),
                born.plusMonths(6),
                tests,
                "Europe/London"));
        return id;
    }

    private static void infuse(ApiClient api, UUID patient, LocalDate on, UUID product, String iu, String mg) {
        String dose = iu != null ? "\"doseIu\": " + iu : "\"doseMg\": " + mg;
        created(api.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                "{\"administeredAt\": \"%s\", \"productId\": \"%s\", %s, \"reason\": \"PROPHYLAXIS\"}"
                        .formatted(at(on), product, dose)));
    }

    private static void bleed(
            ApiClient api, UUID patient, LocalDate on, BleedSite site, BleedCause cause, int daysOffWork) {
        created(api.postJson(
                "/api/v1/patients/" + patient + "/bleeds",
                """
                {"startedAt": "%s", "site": "%s", "cause": "%s", "pain": 3, "jointImmobilising": false,
                 "daysLostSchool": 0, "daysLostWork": %d}"""
                        .formatted(at(on).minusSeconds(3600), site, cause, daysOffWork)));
    }

    private static Instant at(LocalDate on) {
        return on.atTime(12, 0).atZone(LONDON).toInstant();
    }

    /** An HJHS 2.1 score: left knee swelling 2 and pain 1, every other item 0, gait as given. */
    private static void score(ApiClient api, UUID patient, LocalDate on, int gait) {
        String zero =
                """
                {"swelling": 0, "durationOfSwelling": 0, "muscleAtrophy": 0, "crepitus": 0, "flexionLoss": 0,
                 "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        String knee =
                zero.replace("\"swelling\": 0", "\"swelling\": 2").replace("\"jointPain\": 0", "\"jointPain\": 1");
        created(api.postJson(
                "/api/v1/patients/" + patient + "/joint-scores",
                """
                {"assessedOn": "%s", "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s, "LEFT_KNEE": %s,
                 "RIGHT_KNEE": %s, "LEFT_ANKLE": %s, "RIGHT_ANKLE": %s}, "gait": %d}"""
                        .formatted(on, zero, zero, knee, zero, zero, zero, gait)));
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** ABR-style rate: episodes ÷ days × 365.25, 2 decimals (clinical.md §4). */
    private static String rate(int episodes, int days) {
        return BigDecimal.valueOf(episodes * 365.25 / days)
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private String code(TestNetwork.Site site) {
        return jdbc.sql("select code from centre.centre where id = :id")
                .param("id", site.centreId())
                .query(String.class)
                .single();
    }

    private long exports(String username, String resource, String resourceId) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where username = :u and resource_type = :r
                          and resource_id = :id and action = 'EXPORT' and outcome = 'SUCCESS'""")
                .param("u", username)
                .param("r", resource)
                .param("id", resourceId)
                .query(Long.class)
                .single();
    }

    private long patientExports(UUID patient, int year) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and resource_type = 'WbdrReturn'
                          and action = 'EXPORT' and resource_id = :id""")
                .param("p", patient)
                .param("id", "year=" + year)
                .query(Long.class)
                .single();
    }

    /** The lines of a national return, by centre, table, diagnosis and category (a product's id for products). */
    record Figures(List<CSVRecord> records) {

        static Figures of(String csv) throws IOException {
            return new Figures(CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords());
        }

        Map<String, String> row(String centreCode, String table, String diagnosis) {
            Map<String, String> row = new HashMap<>();
            for (CSVRecord r : records) {
                if (r.get("centre_code").equals(centreCode)
                        && r.get("table").equals(table)
                        && r.get("diagnosis").equals(diagnosis)) {
                    String key = r.get("category").equals("PRODUCT") ? r.get("product_id") : r.get("category");
                    assertThat(row.put(key, r.get("value")))
                            .as("one line per cell: " + r)
                            .isNull();
                }
            }
            return row;
        }

        String unit(String centreCode, String table, String diagnosis, UUID product) {
            return records.stream()
                    .filter(r -> r.get("centre_code").equals(centreCode)
                            && r.get("table").equals(table)
                            && r.get("diagnosis").equals(diagnosis)
                            && r.get("product_id").equals(product.toString()))
                    .map(r -> r.get("unit"))
                    .findFirst()
                    .orElseThrow();
        }

        Set<String> tables(String centreCode, String diagnosis) {
            return records.stream()
                    .filter(r -> r.get("centre_code").equals(centreCode)
                            && r.get("diagnosis").equals(diagnosis))
                    .map(r -> r.get("table"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
