package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The patient record page, its forms, the registration form and the centres page, over real HTTP. */
class PatientPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    UUID tom;

    @BeforeEach
    void findTom() {
        var found = new JsonMapper()
                .readTree(new ApiClient(port)
                        .signIn("clinician.north")
                        .get("/api/v1/patients?q=Bradley")
                        .body());
        tom = UUID.fromString(found.get("items").get(0).get("id").asString());
    }

    @Test
    void staffListLinksToTheRecordPage() {
        var page = new ApiClient(port).signIn("clinician.north").getHtml("/");
        assertThat(page.body()).contains("/patients/" + tom);
    }

    @Test
    void staffListFiltersByDiagnosisInhibitorAndCentre() {
        ApiClient client = new ApiClient(port).signIn("clinician.north");
        assertThat(client.getHtml("/?diagnosis=HEMOPHILIA_A").body()).contains("Bradley, Tom");
        assertThat(client.getHtml("/?diagnosis=VON_WILLEBRAND_DISEASE").body()).doesNotContain("Bradley, Tom");
        assertThat(client.getHtml("/?inhibitor=true").body()).doesNotContain("Bradley, Tom");
        assertThat(client.getHtml("/?inhibitor=false&severity=SEVERE").body()).contains("Bradley, Tom");
        assertThat(client.getHtml("/?centre=" + UUID.randomUUID()).body()).contains("No patients match.");
    }

    @Test
    void recordPageShowsDiagnosisSeverityInhibitorsAndCareTeam() {
        var page = new ApiClient(port).signIn("nurse.north").getHtml("/patients/" + tom);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Bradley, Tom",
                        "Haemophilia A",
                        "Severe",
                        "Add a Bethesda result",
                        "Named care team",
                        "Infection and risk status",
                        "Correct the record");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void recordOfAnotherCentreIsTheFriendly404() {
        var page = new ApiClient(port).signIn("clinician.south").getHtml("/patients/" + tom);
        var unknown = new ApiClient(port).signIn("clinician.south").getHtml("/patients/" + UUID.randomUUID());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Bradley");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .getHtml("/patients/" + tom)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aggregateRolesAndAdministratorsGet403OnThePatientPages() {
        for (String user : java.util.List.of("analyst", "commissioner", "admin")) {
            ApiClient client = new ApiClient(port).signIn(user);
            assertThat(client.getHtml("/patients/" + tom).statusCode()).as(user).isEqualTo(403);
            assertThat(client.getHtml("/patients/new").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void itiFormRecordsAnEpisodeOrExplainsTheDates() {
        ApiClient client = new ApiClient(port).signIn("clinician.north");
        assertThat(client.getHtml("/patients/" + tom).body()).contains("Add an ITI episode");
        var bad = client.postForm(
                "/patients/" + tom + "/iti-episodes",
                "startedOn=2025-06-01&endedOn=2025-01-01&regimen=Daily+FVIII&outcome=FAILURE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("before the start date");
        var good = client.postForm(
                "/patients/" + tom + "/iti-episodes",
                "startedOn=2025-06-01&endedOn=2025-12-01&regimen=Alternate-day+50+IU%2Fkg&outcome=SUCCESS");
        assertThat(good.statusCode()).isEqualTo(302);
        var page = client.getHtml("/patients/" + tom);
        assertThat(page.body()).contains("Alternate-day 50 IU/kg").contains("success");
    }

    @Test
    void bethesdaFormRecordsAResultOrExplainsTheRange() {
        ApiClient client = new ApiClient(port).signIn("clinician.north");
        var bad = client.postForm(
                "/patients/" + tom + "/inhibitor-tests", "sampledOn=2026-01-10&residualActivityPercent=20&dilution=1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("between 25 and 75");
        var good = client.postForm(
                "/patients/" + tom + "/inhibitor-tests", "sampledOn=2026-01-10&residualActivityPercent=74&dilution=1");
        assertThat(good.statusCode()).isEqualTo(302);
        var page = client.getHtml("/patients/" + tom);
        assertThat(page.body()).contains("0.43 BU");
    }

    @Test
    void registrationFormRegistersAndShowsTheRecord() {
        ApiClient client = new ApiClient(port).signIn("clinician.east");
        var form = client.getHtml("/patients/new");
        assertThat(form.statusCode()).isEqualTo(200);
        String centre = form.body().replaceAll("(?s).*<option value=\"([0-9a-f-]{36})\".*", "$1");
        var bad = client.postForm(
                "/patients/new",
                "centreId=" + centre + "&givenName=Mo&familyName=Formtest&dateOfBirth=2012-05-01&sex=MALE"
                        + "&nationalId=1234567890&diagnosis=HEMOPHILIA_B&baselineLevel=3&measuredOn=2024-01-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("This NHS number is not valid");
        var good = client.postForm(
                "/patients/new",
                "centreId=" + centre + "&givenName=Mo&familyName=Formtest&dateOfBirth=2012-05-01&sex=MALE"
                        + "&diagnosis=HEMOPHILIA_B&baselineLevel=3&measuredOn=2024-01-01&weightKg=40");
        assertThat(good.statusCode()).isEqualTo(302);
        String location = good.headers().firstValue("Location").orElseThrow();
        var record = client.getHtml(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(record.body()).contains("Formtest, Mo", "Moderate", "Preparation");
    }

    @Test
    void centresPageShowsDesignationForNetworkUsers() {
        var page = new ApiClient(port).signIn("analyst").getHtml("/centres");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Centres and designation", "West Haemophilia Centre", "Not met");
        assertThat(new ApiClient(port).signIn("patient.tom").getHtml("/centres").statusCode())
                .isEqualTo(404);
    }
}
