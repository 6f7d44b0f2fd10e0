package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Research extracts (issue 18) over the whole network (the demo network and whatever other tests registered), with a
 * centre of this test's own for the figures it checks: six patients with research consent and the same
 * quasi-identifiers (born 1990-05-17, male, haemophilia A without severity, not tested for inhibitors, the centre's
 * region), whose diaries start in 2018 so that 2019 is observed in full (365 days, ABR = episodes × 365.25/365); one
 * patient who never consented and one who withdrew.
 */
class ResearchExtractTest extends IntegrationTest {

    private static final int YEAR = 2019;
    private static final int[] EPISODES = {0, 0, 1, 2, 3, 0};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ResearchExtract extracts;

    @Autowired
    AccountAdministration accounts;

    static List<UUID> consenting;
    static UUID neverConsented;
    static UUID withdrew;
    static Map<UUID, String> nhsNumbers = new HashMap<>();
    static String familyName;
    static String commissionerLike;

    @BeforeEach
    void network() {
        if (consenting != null) {
            return;
        }
        TestNetwork.Site site = TestNetwork.in(context).centre("Extract");
        familyName = "Extracted" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < EPISODES.length; i++) {
            UUID p = patient(site, "R" + i);
            consent(p, true, null);
            withEpisodes(p, EPISODES[i]);
            ids.add(p);
        }
        neverConsented = patient(site, "None");
        withEpisodes(neverConsented, 1);
        withdrew = patient(site, "Withdrew");
        consent(withdrew, true, "2024-03-01");
        withEpisodes(withdrew, 1);
        // HJHS of patient R3: 10 in March, 4 in October (the latest), a voided 20 in November; R0 has none in 2019
        hjhs(ids.get(3), "2019-03-10", 10, false);
        hjhs(ids.get(3), "2019-10-10", 4, false);
        hjhs(ids.get(3), "2019-11-10", 20, true);
        hjhs(ids.get(4), "2020-02-01", 7, false);
        consenting = ids;
    }

    private UUID patient(TestNetwork.Site site, String given) {
        PatientAccounts.Created created = site.patient(given, familyName);
        String nhs =
                "9" + String.format("%09d", Math.floorMod(created.patientId().hashCode(), 1_000_000_000));
        jdbc.sql("update patient.patient set national_id_scheme = 'NHS', national_id = :n where id = :id")
                .param("n", nhs)
                .param("id", created.patientId())
                .update();
        nhsNumbers.put(created.patientId(), nhs);
        return created.patientId();
    }

    private void consent(UUID patient, boolean given, String withdrawnOn) {
        jdbc.sql(
                        """
                        insert into patient.consent (id, patient_id, kind, given, recorded_on, withdrawn_on, recorded_by)
                        values (:id, :p, 'RESEARCH', :g, date '2018-01-10', cast(:w as date), 'extract-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("g", given)
                .param("w", withdrawnOn)
                .update();
    }

    /** An infusion in 2018 (the diary's start) and {@code episodes} knee bleeds in 2019, each a week apart. */
    private void withEpisodes(UUID patient, int episodes) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, timestamptz '2018-12-01 09:00:00Z', :product, 1000, 'IU', 'PROPHYLAXIS',
                            'extract-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("product", UUID.randomUUID())
                .update();
        for (int e = 0; e < episodes; e++) {
            jdbc.sql(
                            """
                            insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                            values (:id, :p, timestamptz '2019-03-01 10:00:00Z' + make_interval(days => 7 * :e),
                                'LEFT_KNEE', 'SPONTANEOUS', 'extract-test')""")
                    .param("id", UUID.randomUUID())
                    .param("p", patient)
                    .param("e", e)
                    .update();
        }
    }

    /** A routine HJHS with the left knee's swelling = {@code total} − gait, gait ≤ 4, the rest not evaluable. */
    private void hjhs(UUID patient, String on, int total, boolean voided) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into outcome.joint_score (id, patient_id, assessed_on, assessor_username, assessor_role,
                            context, recorded_at, recorded_by, voided_at, voided_by, void_reason)
                        values (:id, :p, cast(:on as date), 'extract-test', 'PHYSIO', 'ROUTINE', now(), 'extract-test',
                            case when :v then now() end, case when :v then 'extract-test' end,
                            case when :v then 'entered in error' end)""")
                .param("id", id)
                .param("p", patient)
                .param("on", on)
                .param("v", voided)
                .update();
        int gait = Math.min(4, total);
        item(id, "GLOBAL", "GAIT", gait);
        int rest = total - gait;
        for (String joint : List.of("LEFT_KNEE", "RIGHT_KNEE", "LEFT_ANKLE", "RIGHT_ANKLE")) {
            int v = Math.min(3, rest);
            rest -= v;
            item(id, joint, "SWELLING", v);
        }
        item(id, "LEFT_ELBOW", "SWELLING", null);
    }

    private void item(UUID score, String joint, String item, Integer value) {
        jdbc.sql(
                        """
                        insert into outcome.joint_score_item (score_id, joint, item, value, not_evaluable)
                        values (:s, :j, :i, cast(:v as smallint), :ne)""")
                .param("s", score)
                .param("j", joint)
                .param("i", item)
                .param("v", value)
                .param("ne", value == null)
                .update();
    }

    private HttpResponse<String> extract(String user, String body) {
        return new ApiClient(port).signIn(user).postJson("/api/v1/extracts", body);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private long auditEvents(String username, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event
                        where username = :u and resource_type = 'ResearchExtract' and outcome = :o""")
                .param("u", username)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    @Test
    void anExtractWithK5ShowsEveryQuasiIdentifierCombinationAtLeastFiveTimesAndItsHeadersMatchTheCounts()
            throws IOException {
        HttpResponse<String> response = extract("analyst", "{\"year\": " + YEAR + ", \"k\": 5}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        List<CSVRecord> rows = parse(response.body());
        assertThat(rows).isNotEmpty();
        Map<List<String>, Integer> classes = new HashMap<>();
        for (CSVRecord r : rows) {
            classes.merge(
                    List.of(
                            r.get("age_band"),
                            r.get("sex"),
                            r.get("region"),
                            r.get("severity"),
                            r.get("inhibitor_status")),
                    1,
                    Integer::sum);
            assertThat(r.get("year")).isEqualTo(Integer.toString(YEAR));
        }
        assertThat(classes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));

        // the headers are the counts of the same de-identification run on the rows the extract starts from
        List<ResearchExtract.Subject> subjects = extracts.subjects(YEAR);
        KAnonymity.Result<ResearchExtract.Subject> expected = KAnonymity.anonymise(
                subjects.stream().map(s -> new KAnonymity.Row<>(s.quasi(), s)).toList(), 5);
        int generalised = Integer.parseInt(
                response.headers().firstValue("X-Rows-Generalised").orElseThrow());
        int suppressed = Integer.parseInt(
                response.headers().firstValue("X-Rows-Suppressed").orElseThrow());
        assertThat(generalised).isEqualTo(expected.generalised());
        assertThat(suppressed).isEqualTo(expected.suppressed());
        assertThat(rows.size() + suppressed).isEqualTo(subjects.size());
        // our six identical patients form one class of 6 at the finest level: published, not generalised
        assertThat(expected.rows().stream()
                        .filter(r -> consenting.contains(r.payload().patientId()))
                        .map(KAnonymity.Anonymised::level))
                .hasSize(6)
                .containsOnly(0);
    }

    @Test
    void aLargerKSuppressesOrGeneralisesAtLeastAsMuch() {
        HttpResponse<String> k5 = extract("analyst", "{\"year\": " + YEAR + "}");
        HttpResponse<String> k10 = extract("analyst", "{\"year\": " + YEAR + ", \"k\": 10}");

        assertThat(k5.statusCode()).isEqualTo(200);
        assertThat(k10.statusCode()).isEqualTo(200);
        int suppressed5 =
                Integer.parseInt(k5.headers().firstValue("X-Rows-Suppressed").orElseThrow());
        int suppressed10 =
                Integer.parseInt(k10.headers().firstValue("X-Rows-Suppressed").orElseThrow());
        assertThat(suppressed10).isGreaterThanOrEqualTo(suppressed5);
        assertThat(k5.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("research-extract-2019-k5.csv");
    }

    @Test
    void theExtractHoldsNoPatientIdNhsNumberNameOrDateOfBirth() throws IOException {
        HttpResponse<String> response = extract("analyst", "{\"year\": " + YEAR + ", \"k\": 5}");

        String body = response.body();
        assertThat(body).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        for (UUID id : consenting) {
            assertThat(body).doesNotContain(id.toString()).doesNotContain(nhsNumbers.get(id));
        }
        assertThat(body).doesNotContain(familyName).doesNotContain("1990-05-17");
        assertThat(parse(body)).allSatisfy(r -> assertThat(r.get("pseudonym")).matches("[0-9a-f]{32}"));
        assertThat(parse(body).get(0).toMap().keySet()).containsExactlyInAnyOrderElementsOf(ResearchExtract.COLUMNS);
    }

    @Test
    void pseudonymsAreStableWithinOneExtractAndDifferInTheNext() throws IOException {
        List<CSVRecord> first =
                parse(extract("analyst", "{\"year\": " + YEAR + "}").body());
        List<CSVRecord> second =
                parse(extract("analyst", "{\"year\": " + YEAR + "}").body());

        Set<String> a =
                new HashSet<>(first.stream().map(r -> r.get("pseudonym")).toList());
        Set<String> b =
                new HashSet<>(second.stream().map(r -> r.get("pseudonym")).toList());
        assertThat(a).hasSize(first.size()); // one row per patient-year: no pseudonym twice
        assertThat(b).hasSameSizeAs(a);
        assertThat(a).doesNotContainAnyElementsOf(b);
        byte[] key = new byte[32];
        UUID patient = consenting.get(0);
        assertThat(ResearchExtract.pseudonym(key, patient)).isEqualTo(ResearchExtract.pseudonym(key, patient));
        key[0] = 1;
        assertThat(ResearchExtract.pseudonym(key, patient))
                .isNotEqualTo(ResearchExtract.pseudonym(new byte[32], patient));
    }

    @Test
    void onlyPatientsWithResearchConsentAreInAndTheirFiguresAreTheOutcomeModules() {
        Map<UUID, ResearchExtract.Subject> subjects = new HashMap<>();
        extracts.subjects(YEAR).forEach(s -> subjects.put(s.patientId(), s));

        assertThat(subjects).containsKeys(consenting.toArray(UUID[]::new));
        assertThat(subjects).doesNotContainKeys(neverConsented, withdrew);
        for (int i = 0; i < EPISODES.length; i++) {
            ResearchExtract.Subject s = subjects.get(consenting.get(i));
            BigDecimal abr = BigDecimal.valueOf(EPISODES[i] * 365.25 / 365).setScale(2, java.math.RoundingMode.HALF_UP);
            assertThat(s.values().abr()).isEqualByComparingTo(abr);
            assertThat(s.values().ajbr()).isEqualByComparingTo(abr); // every bleed was in a knee
            assertThat(s.quasi().age()).isEqualTo(29); // on 1 July 2019
            assertThat(s.quasi().sex()).isEqualTo("MALE");
            assertThat(s.values().diagnosis()).isEqualTo("HEMOPHILIA_A");
        }
        assertThat(subjects.get(consenting.get(3)).values().hjhsTotal()).isEqualTo(4);
        assertThat(subjects.get(consenting.get(4)).values().hjhsTotal()).isNull(); // assessed in 2020 only
        assertThat(subjects.get(consenting.get(0)).values().hjhsTotal()).isNull();
        String region = subjects.get(consenting.get(0)).quasi().region();
        assertThat(region).isNotEqualTo("Unknown"); // the centre's region when no residence is recorded
    }

    @Test
    void everyExtractWritesOneAuditEventWithItsFilter() {
        long before = auditEvents("analyst", "SUCCESS");
        extract("analyst", "{\"year\": " + YEAR + ", \"k\": 7}");

        assertThat(auditEvents("analyst", "SUCCESS")).isEqualTo(before + 1);
        String filter = jdbc.sql(
                        """
                        select resource_id from audit.event
                        where username = 'analyst' and resource_type = 'ResearchExtract' and outcome = 'SUCCESS'
                        order by seq desc limit 1""")
                .query(String.class)
                .single();
        assertThat(filter).isEqualTo("year=2019;k=7");
    }

    @Test
    void onlyNetworkAnalystsWithTheResearchPermissionMayExtract() {
        String analystWithout = "t-analyst-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                analystWithout,
                "Analyst without research",
                Role.NETWORK_ANALYST,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(),
                SignIn.DEMO_TOTP_SECRET));
        TestNetwork.Site site = TestNetwork.in(context).centre("Refused");
        String clinician = site.staff(Role.CLINICIAN).username();
        String patient = site.patient("Refused", "Patient").username();
        for (String user : List.of("commissioner", analystWithout, clinician, patient, "admin")) {
            long denied = auditEvents(user, "DENIED");
            HttpResponse<String> response = extract(user, "{\"year\": " + YEAR + "}");
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            assertThat(response.body()).as(user).doesNotContain("pseudonym");
            assertThat(auditEvents(user, "DENIED")).as(user).isEqualTo(denied + 1);
        }
    }

    @Test
    void badYearsAndKAreRefusedNamingTheField() {
        Map<String, String> cases = new HashMap<>();
        cases.put("{\"year\": " + YEAR + ", \"k\": 4}", "k");
        cases.put("{\"year\": " + YEAR + ", \"k\": 0}", "k");
        int thisYear = java.time.LocalDate.now(TestClock.get()).getYear();
        cases.put("{\"year\": " + (thisYear + 1) + "}", "year");
        cases.put("{\"year\": 1899}", "year");
        cases.put("{\"k\": 5}", "year");
        cases.put("{\"year\": \"last\"}", "year");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = extract("analyst", c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.body()).as(c.getKey()).contains("\"field\":\"" + c.getValue() + "\"");
        }
        assertThat(extract("analyst", "{\"year\": " + thisYear + "}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theFormDownloadsTheExtractAndExplainsBadInputOrAMissingPermission() throws IOException {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> page = analyst.getHtml("/reports/extract");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"year\"").contains("name=\"k\"");

        HttpResponse<String> download = analyst.postForm("/reports/extract", "year=" + YEAR + "&k=5");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.headers().firstValue("X-Rows-Suppressed")).isPresent();
        assertThat(parse(download.body())).isNotEmpty();

        HttpResponse<String> tooSmall = analyst.postForm("/reports/extract", "year=" + YEAR + "&k=3");
        assertThat(tooSmall.statusCode()).isEqualTo(200);
        assertThat(tooSmall.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(tooSmall.body()).contains("k must be at least 5").contains("aria-invalid=\"true\"");
        HttpResponse<String> notANumber = analyst.postForm("/reports/extract", "year=last&k=5");
        assertThat(notANumber.body()).contains("Enter a whole number.");

        assertThat(new ApiClient(port)
                        .signIn("commissioner")
                        .getHtml("/reports/extract")
                        .statusCode())
                .isEqualTo(403);
        String analystWithout = "t-analyst-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                analystWithout,
                "Analyst without research",
                Role.NETWORK_ANALYST,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(),
                SignIn.DEMO_TOTP_SECRET));
        HttpResponse<String> without =
                new ApiClient(port).signIn(analystWithout).getHtml("/reports/extract");
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.body())
                .contains("does not hold the research permission")
                .doesNotContain("name=\"k\"");
    }
}
