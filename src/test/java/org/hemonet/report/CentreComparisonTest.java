package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BleedYears;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Centres compared (issue 18) on two centres built here with hand-worked figures, for 2013 (365 days; each patient's
 * diary starts with an infusion in December 2012, so each has the whole year of observation and ABR = episodes):
 *
 * <ul>
 *   <li>Alpha, 10 patients, episodes 0,0,0,0,0,1,1,2,3,4 → median 0.50, IQR 0.00–1.75 (type 7), zero bleeds 5/10;
 *   <li>Beta, 3 patients, episodes 0,2,6 → median 2.00, IQR 1.00–4.00, zero bleeds 1/3 — suppressed for the network;
 *   <li>both together, 13 patients: 0×6,1,1,2,2,3,4,6 → median 1.00, IQR 0.00–2.00, zero bleeds 6/13 = 0.462.
 * </ul>
 *
 * Every patient here has factor V deficiency, which no other test or demo patient has: filtered on it, the network is
 * these 13, whatever other tests wrote. Unfiltered it is not: an open diary counts in every later year, so another
 * test's earlier diary (FunnelAllHiddenTest's three patients of 2003, say) is in 2013's network too.
 */
class CentreComparisonTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YEAR = "2013";
    private static final String RARE = "FACTOR_V_DEFICIENCY";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    static UUID alpha;
    static UUID beta;
    static String alphaClinician;
    /** A clinician of both centres: sees both as computed, and so the network beside them exactly. */
    static String bothClinician;

    @BeforeEach
    void network() {
        if (alpha != null) {
            return;
        }
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site a = network.centre("Alpha");
        TestNetwork.Site b = network.centre("Beta");
        alpha = a.centreId();
        beta = b.centreId();
        alphaClinician = a.staff(Role.CLINICIAN).username();
        bothClinician = "t-both-" + UUID.randomUUID().toString().substring(0, 8);
        context.getBean(org.hemonet.identity.AccountAdministration.class)
                .create(new org.hemonet.identity.NewAccount(
                        bothClinician,
                        "Clinician of Alpha and Beta",
                        org.hemonet.identity.Role.CLINICIAN,
                        org.hemonet.support.SignIn.DEMO_PASSWORD,
                        java.util.Set.of(a.centreId(), b.centreId()),
                        java.util.Map.of(),
                        org.hemonet.support.SignIn.DEMO_TOTP_SECRET));
        int[] alphaEpisodes = {0, 0, 0, 0, 0, 1, 1, 2, 3, 4};
        for (int i = 0; i < alphaEpisodes.length; i++) {
            withEpisodes(a.patient("A" + i, "Compared").patientId(), alphaEpisodes[i]);
        }
        for (int episodes : new int[] {0, 2, 6}) {
            withEpisodes(b.patient("B" + episodes, "Compared").patientId(), episodes);
        }
    }

    /** A diagnosis no other test or demo patient has, so that a filter on it holds this test's two centres only. */
    private void rareDiagnosis(UUID patient) {
        jdbc.sql("update patient.diagnosis set type = :type where patient_id = :p and superseded_at is null")
                .param("type", RARE)
                .param("p", patient)
                .update();
    }

    /** An infusion in December 2012 (the diary's start) and {@code episodes} bleeds in 2013, each a week apart. */
    private void withEpisodes(UUID patient, int episodes) {
        rareDiagnosis(patient);
        BleedYears.write(jdbc, patient, Integer.parseInt(YEAR), episodes, "comparison-test");
    }

    private JsonNode get(String user, String path) {
        HttpResponse<String> r = new ApiClient(port).signIn(user).get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode row(JsonNode comparison, UUID centre) {
        return StreamSupport.stream(comparison.path("items").spliterator(), false)
                .filter(r -> r.path("centreId").asString().equals(centre.toString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCentresOwnTeamSeesItsFiguresAsComputedAndTheOtherCentreUnderDisclosureControl() {
        JsonNode c = get(alphaClinician, "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        JsonNode a = row(c, alpha);
        assertThat(a.path("patients").asString()).isEqualTo("10");
        assertThat(a.path("abrMedian").asString()).isEqualTo("0.50");
        assertThat(a.path("abrIqr").get(0).asString()).isEqualTo("0.00");
        assertThat(a.path("abrIqr").get(1).asString()).isEqualTo("1.75");
        assertThat(a.path("zeroBleedProportion").asString()).isEqualTo("0.500");
        assertThat(a.path("disclosureControl").asBoolean()).isFalse();
        JsonNode b = row(c, beta);
        assertThat(b.path("patients").asString()).isEqualTo("*");
        assertThat(b.path("abrMedian").asString()).isEqualTo("*");
        assertThat(b.path("zeroBleedProportion").asString()).isEqualTo("*");
        // the network row: the patients of the filter with diary time in 2013, Alpha's and Beta's only
        JsonNode n = c.path("network");
        // 13, hidden: Beta is hidden, and a total beside hidden centres, exact or rounded, could pin them with what
        // other filters or years show (§8, DisclosureControl)
        assertThat(n.path("included").asString()).isEqualTo("*");
        assertThat(n.path("patients").asString()).isEqualTo("*");
        assertThat(n.path("abrMedian").asString()).isEqualTo("1.00");
        assertThat(n.path("abrIqr").get(1).asString()).isEqualTo("2.00");
        // nor a proportion over the hidden count: 6/13 beside Alpha's exact 5/10 would leave Beta 1 of 3 or 7 of 16
        // (ComparisonDifferencingTest finds such figures pinning a hidden count)
        assertThat(n.path("zeroBleedProportion").asString()).isEqualTo("*");
        JsonNode both = get(bothClinician, "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        assertThat(row(both, beta).path("zeroBleedProportion").asString()).isEqualTo("0.333");
    }

    @Test
    void analystsSeeEveryCentreRoundedAndNeverOneSuppressedCentreAlone() {
        // filtered to Alpha and Beta: Beta is hidden, and Alpha, the only other centre, with it (secondary suppression)
        JsonNode rare = get("analyst", "/api/v1/reports/centres?year=" + YEAR + "&diagnosis=" + RARE);
        assertThat(row(rare, beta).path("patients").asString()).isEqualTo("*");
        assertThat(row(rare, alpha).path("patients").asString()).isEqualTo("*");
        assertThat(row(rare, alpha).path("abrMedian").asString()).isEqualTo("*");
        assertThat(row(rare, alpha).path("zeroBleedProportion").asString()).isEqualTo("*");
        // the whole network: what else is hidden depends on the other tests' centres
        JsonNode c = get("analyst", "/api/v1/reports/centres?year=" + YEAR);
        JsonNode a = row(c, alpha);
        assertThat(a.path("disclosureControl").asBoolean()).isTrue();
        // Alpha is shown rounded, or hidden with Beta when it is the smallest other centre (secondary suppression)
        if (a.path("patients").asString().equals("*")) {
            assertThat(a.path("abrMedian").asString()).isEqualTo("*");
        } else {
            assertThat(a.path("patients").asString()).isEqualTo("10");
            assertThat(a.path("abrMedian").asString()).isEqualTo("0.50");
        }
        assertThat(row(c, beta).path("patients").asString()).isEqualTo("*");
        List<String> hidden = new ArrayList<>();
        c.path("items").forEach(r -> {
            if (r.path("patients").asString().equals("*")) {
                hidden.add(r.path("centreName").asString());
            }
            assertThat(r.path("patients").asString()).matches("\\*|0|\\d*[05]");
        });
        assertThat(hidden)
                .as("a lone hidden centre beside an exact network total")
                .hasSizeGreaterThan(1);
    }

    @Test
    void theCsvHoldsTheSameRowsAndNoOtherCentresCountBetweenOneAndSeven() {
        HttpResponse<String> r =
                new ApiClient(port).signIn(alphaClinician).get("/api/v1/reports/centres.csv?year=" + YEAR, "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String alphaLine =
                r.body().lines().filter(l -> l.contains("Alpha")).findFirst().orElseThrow();
        assertThat(alphaLine).contains(",2013,10,10,0.50,0.00,1.75,0.500,");
        r.body()
                .lines()
                .skip(1)
                .filter(l -> !l.startsWith("Network") && !l.startsWith("*"))
                .forEach(l -> {
                    String[] cells = l.split(",", -1);
                    if (cells.length < 9) {
                        return; // the footnote
                    }
                    assertThat(cells[2]).as(l).doesNotMatch("[1-7]");
                });
    }

    @Test
    void theFunnelHasExactBinomialLimitsAroundTheNetworkProportion() {
        // Alpha's own clinician sees Beta hidden, so not the network value: the limits are drawn around the centres
        // shown instead — Alpha alone, 5/10 = 0.500; at n = 10, qbinom(0.025, 10, 0.5) = 2, qbinom(0.975) = 8
        JsonNode hidden = get(
                alphaClinician,
                "/api/v1/reports/funnel?year=" + YEAR + "&measure=zeroBleedProportion&diagnosis=" + RARE);
        assertThat(hidden.path("networkValue").asString()).isEqualTo("*");
        assertThat(hidden.path("referenceValue").asString()).isEqualTo("0.500");
        JsonNode aroundAlpha = StreamSupport.stream(hidden.path("limits").spliterator(), false)
                .filter(l -> l.path("n").asInt() == 10)
                .findFirst()
                .orElseThrow();
        assertThat(aroundAlpha.path("lower95").asDouble()).isEqualTo(0.2);
        assertThat(aroundAlpha.path("upper95").asDouble()).isEqualTo(0.8);
        assertThat(StreamSupport.stream(hidden.path("points").spliterator(), false)
                        .filter(p -> p.path("centreId").asString().equals(beta.toString()))
                        .findFirst()
                        .orElseThrow()
                        .path("value")
                        .asString())
                .isEqualTo("*");
        // a clinician of both centres sees both as computed
        JsonNode f = get(
                bothClinician,
                "/api/v1/reports/funnel?year=" + YEAR + "&measure=zeroBleedProportion&diagnosis=" + RARE);
        assertThat(f.path("networkValue").asString()).isEqualTo("0.462");
        assertThat(f.path("referenceValue").asString()).isEqualTo("0.462");
        JsonNode alphaPoint = StreamSupport.stream(f.path("points").spliterator(), false)
                .filter(p -> p.path("centreId").asString().equals(alpha.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(alphaPoint.path("value").asString()).isEqualTo("0.500");
        assertThat(alphaPoint.path("outside95").asBoolean()).isFalse();
        JsonNode betaPoint = StreamSupport.stream(f.path("points").spliterator(), false)
                .filter(p -> p.path("centreId").asString().equals(beta.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(betaPoint.path("value").asString()).isEqualTo("0.333");
        assertThat(betaPoint.path("outside95").asBoolean()).isFalse();
        // p = 6/13: at n = 10, qbinom(0.025) = 2 and qbinom(0.975) = 8 (worked with R's pbinom)
        JsonNode ten = StreamSupport.stream(f.path("limits").spliterator(), false)
                .filter(l -> l.path("n").asInt() == 10)
                .findFirst()
                .orElseThrow();
        assertThat(ten.path("lower95").asDouble()).isEqualTo(0.2);
        assertThat(ten.path("upper95").asDouble()).isEqualTo(0.8);
    }

    @Test
    void trendsGiveEachYearWithTheChangeFromTheYearBefore() {
        // 2012: December only (the diaries start on 1 December), no bleed → every ABR 0; 2013 as above
        JsonNode t =
                get(alphaClinician, "/api/v1/reports/trends?measure=abrMedian&from=2012&to=2013&diagnosis=" + RARE);
        assertThat(t.path("measure").asString()).isEqualTo("abrMedian");
        JsonNode a = StreamSupport.stream(t.path("centres").spliterator(), false)
                .filter(l -> l.path("centreId").asString().equals(alpha.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(a.path("values")).hasSize(2);
        assertThat(a.path("values").get(0).path("year").asInt()).isEqualTo(2012);
        assertThat(a.path("values").get(0).path("value").asString()).isEqualTo("0.00");
        assertThat(a.path("values").get(0).path("change").asString()).isEqualTo("–");
        assertThat(a.path("values").get(1).path("value").asString()).isEqualTo("0.50");
        assertThat(a.path("values").get(1).path("change").asString()).isEqualTo("+0.50");
        JsonNode b = StreamSupport.stream(t.path("centres").spliterator(), false)
                .filter(l -> l.path("centreId").asString().equals(beta.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(b.path("values").get(1).path("value").asString()).isEqualTo("*");
        assertThat(b.path("values").get(1).path("change").asString()).isEqualTo("*");
        assertThat(t.path("network").path("values").get(1).path("value").asString())
                .isEqualTo("1.00");
    }

    @Test
    void theDiaryCoverageFunnelCountsTheCentresRegisteredPatients() {
        JsonNode f = get(alphaClinician, "/api/v1/reports/funnel?year=" + YEAR + "&measure=withDiaryProportion");
        assertThat(f.path("measure").asString()).isEqualTo("withDiaryProportion");
        JsonNode alphaPoint = StreamSupport.stream(f.path("points").spliterator(), false)
                .filter(p -> p.path("centreId").asString().equals(alpha.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(alphaPoint.path("n").asString()).isEqualTo("10");
        assertThat(alphaPoint.path("value").asString()).isEqualTo("1.000");
    }

    @Test
    void badFiltersAreRefusedNamingTheFieldAndPatientsAreForbidden() {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> measure = analyst.get("/api/v1/reports/funnel?measure=abrMean");
        assertThat(measure.statusCode()).isEqualTo(400);
        assertThat(measure.body()).contains("measure");
        HttpResponse<String> severity = analyst.get("/api/v1/reports/centres?severity=VERY");
        assertThat(severity.statusCode()).isEqualTo(400);
        assertThat(severity.body()).contains("severity");
        HttpResponse<String> backwards = analyst.get("/api/v1/reports/trends?from=2020&to=2019");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("from");
        HttpResponse<String> trend = analyst.get("/api/v1/reports/trends?measure=joy");
        assertThat(trend.statusCode()).isEqualTo(400);
        assertThat(trend.body()).contains("measure");
        HttpResponse<String> year = analyst.get("/api/v1/reports/centres?year=12");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("year");
        for (String user : List.of("patient.tom", "courier", "admin")) {
            assertThat(new ApiClient(port)
                            .signIn(user)
                            .get("/api/v1/reports/centres")
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
    }
}
