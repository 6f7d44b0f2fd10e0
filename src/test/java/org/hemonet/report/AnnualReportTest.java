package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BleedYears;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The annual report PDF (issue 18), generated in the background: the network report holds the network ABR median that
 * the centres compared give the same reader, and a centre's own report holds its figures as computed. Year 2023, whose
 * diaries start in December 2022, later than the other report tests' years (an open diary counts in every later year).
 */
class AnnualReportTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int YEAR = 2023;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNetworkAndCentreReportsHoldTheFiguresOfTheCentresCompared() throws Exception {
        TestNetwork sites = TestNetwork.in(context);
        TestNetwork.Site site = sites.centre("Annual Dale");
        // not the centre hidden beside another test's small one, so the funnel has a centre to draw
        BleedYears.smallestShownCentre(sites, jdbc, "Annual Wold", YEAR, "annual-report-test");
        int[] episodes = {0, 0, 1, 2, 2, 3, 4, 4, 6, 9}; // median 2.50, 2 of 10 with no bleed
        for (int i = 0; i < episodes.length; i++) {
            withEpisodes(site.patient("Y" + i, "Dale").patientId(), episodes[i]);
        }
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        String networkAbr = JSON.readTree(
                        analyst.get("/api/v1/reports/centres?year=" + YEAR).body())
                .path("network")
                .path("abrMedian")
                .asString();
        assertThat(networkAbr).matches("\\d+\\.\\d\\d");

        String network = pdfText(analyst, "{\"year\": " + YEAR + "}");
        assertThat(network).contains("Hemonet annual report " + YEAR);
        assertThat(network).contains("Centres compared");
        assertThat(network).contains("Methods and definitions");
        // the funnel plot and the ABR trend, drawn beside their tables
        assertThat(lastImages).as("chart images in the network report").isEqualTo(2);
        assertThat(network)
                .containsPattern("ABR median \\(all patients with a diary\\) .*" + networkAbr.replace(".", "\\.")
                        + " in " + YEAR);

        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        String own = pdfText(clinician, "{\"year\": " + YEAR + ", \"centreId\": \"" + site.centreId() + "\"}");
        assertThat(own).contains("Annual Dale");
        assertThat(own).contains("The ABR median at Annual Dale");
        assertThat(own).contains("2.50");
        // the further measures beside: every bleed here is a knee bleed, so the AJBR is the ABR — median 2.50, IQR
        // 1.25–4.00 (type 7 over 0, 0, 1, 2, 2, 3, 4, 4, 6, 9), right after the name (the first table has counts there)
        assertThat(own).contains("Joints and pain by centre");
        // (the PDF's text runs the cells of a row together); then joint-immobilising 0/10 and target joints 5/10 (the
        // five patients with 3 or more spontaneous knee bleeds a week apart)
        assertThat(own)
                .containsPattern(java.util.regex.Pattern.quote(site.name())
                        + "\\s*2\\.50\\s*1\\.25.4\\.00\\s*0\\.000\\s*0\\.500");
    }

    @Test
    void badRequestsAreRefusedAndAJobIsItsOwnersOnly() {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> noYear = analyst.postJson("/api/v1/reports/annual", "{}");
        assertThat(noYear.statusCode()).isEqualTo(400);
        assertThat(noYear.body()).contains("year");
        HttpResponse<String> badYear = analyst.postJson("/api/v1/reports/annual", "{\"year\": 12}");
        assertThat(badYear.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownCentre = analyst.postJson(
                "/api/v1/reports/annual", "{\"year\": 2020, \"centreId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(unknownCentre.statusCode()).isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .postJson("/api/v1/reports/annual", "{\"year\": 2020}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> started = analyst.postJson("/api/v1/reports/annual", "{\"year\": 2020}");
        assertThat(started.statusCode()).isEqualTo(202);
        String url = started.headers().firstValue("Location").orElseThrow();
        // a client polling for the PDF itself is told the job runs (JSON whatever it accepts), then gets the PDF
        HttpResponse<String> polled = analyst.get(url, "application/pdf");
        assertThat(polled.statusCode()).as(polled.body()).isIn(200, 202);
        if (polled.statusCode() == 202) {
            assertThat(polled.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/json");
            assertThat(polled.body()).contains("\"status\"");
        }
        // an Accept header the address cannot answer in is a 406 naming what it can, not an internal error
        HttpResponse<String> pdfOfJson = analyst.get("/api/v1/reports/centres?year=2020", "application/pdf");
        assertThat(pdfOfJson.statusCode()).as(pdfOfJson.body()).isEqualTo(406);
        assertThat(pdfOfJson.body()).contains("not-acceptable").contains("application/json");
        assertThat(new ApiClient(port).signIn("commissioner").get(url).statusCode())
                .as("another account's job")
                .isEqualTo(404);
    }

    private static String pdfText(ApiClient client, String body) throws IOException, InterruptedException {
        HttpResponse<String> started = client.postJson("/api/v1/reports/annual", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String url = started.headers().firstValue("Location").orElseThrow();
        JsonNode status = JSON.readTree(started.body());
        assertThat(status.path("url").asString()).isEqualTo(url);
        for (int i = 0; i < 600; i++) {
            HttpResponse<byte[]> r = client.getBytes(url);
            if (r.statusCode() == 200) {
                assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
                PdfReader reader = new PdfReader(r.body());
                lastImages = images(reader);
                PdfTextExtractor extractor = new PdfTextExtractor(reader);
                StringBuilder text = new StringBuilder();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(extractor.getTextFromPage(page)).append('\n');
                }
                return text.toString().replaceAll("\\s+", " ");
            }
            assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(202);
            Thread.sleep(100);
        }
        throw new AssertionError("the annual report did not finish within a minute");
    }

    /** The number of image XObjects in the last PDF read by {@link #pdfText}. */
    private static int lastImages;

    private static int images(PdfReader reader) {
        int images = 0;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            com.lowagie.text.pdf.PdfObject o = reader.getPdfObjectRelease(i);
            if (o instanceof com.lowagie.text.pdf.PdfStream stream
                    && com.lowagie.text.pdf.PdfName.IMAGE.equals(stream.get(com.lowagie.text.pdf.PdfName.SUBTYPE))) {
                images++;
            }
        }
        return images;
    }

    private void withEpisodes(UUID patient, int episodes) {
        BleedYears.write(jdbc, patient, YEAR, episodes, "annual-report-test");
    }
}
