package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.hemonet.support.CentrePatients;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Each demo login reaches a home page with real data fitting its role, and only that. */
@AutoConfigureMockMvc
class HomePagesTest extends IntegrationTest {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private String home(String username) throws Exception {
        return mvc.perform(get("/").session(SignIn.as(mvc, username)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void clinicianSeesTheirCentresPatientsOnly() throws Exception {
        String page = home("clinician.north");
        long expected = CentrePatients.visibleTo(jdbc, "North Comprehensive Care Centre");
        assertThat(expected).isGreaterThanOrEqualTo(26);
        assertThat(page).contains("North Comprehensive Care Centre", "Bradley, Tom", expected + " patients");
        assertThat(page).doesNotContain("Okafor");
    }

    @Test
    void staffSearchIsPostedSoNamesStayOutOfUrls() throws Exception {
        var session = SignIn.as(mvc, "clinician.north");
        var xsrf = mvc.perform(get("/login")).andReturn().getResponse().getCookie("XSRF-TOKEN");
        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/patients/search")
                                .session(session)
                                .cookie(xsrf)
                                .header("X-XSRF-TOKEN", xsrf.getValue())
                                .param("q", "bradley"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Bradley, Tom", "1 patient").doesNotContain("Ahmed");
    }

    @Test
    void clinicianOfAnotherCentreDoesNotSeeThosePatients() throws Exception {
        String page = home("clinician.south");
        assertThat(page).contains("Okafor, Leo", "Okafor, Sam").doesNotContain("Bradley, Tom");
    }

    @Test
    void nurseSeesTheSameCentreList() throws Exception {
        assertThat(home("nurse.north")).contains("Bradley, Tom").doesNotContain("Okafor");
    }

    @Test
    void patientSeesTheirOwnSummaryAndTheCentresNumber() throws Exception {
        String page = home("patient.tom");
        assertThat(page)
                .contains("Tom Bradley", "Haemophilia A", "Severe", "0161 496 0000")
                .doesNotContain("Okafor");
    }

    @Test
    void parentSwitchesBetweenTheirChildren() throws Exception {
        var session = SignIn.as(mvc, "parent.sara");
        String first =
                mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(first).contains(">Leo<", ">Sam<");
        String leo = mvc.perform(
                        get("/").param("patient", childId(first, "Leo")).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(leo).contains("<h1>Leo Okafor</h1>", "Severe");
        String sam = mvc.perform(
                        get("/").param("patient", childId(first, "Sam")).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(sam).contains("<h1>Sam Okafor</h1>", "Moderate");
    }

    private static String childId(String page, String name) {
        var matcher = java.util.regex.Pattern.compile("href=\"/\\?patient=([0-9a-f-]{36})\"[^>]*>" + name + "<")
                .matcher(page);
        assertThat(matcher.find()).as("a tab for " + name).isTrue();
        return matcher.group(1);
    }

    @Test
    void parentCannotOpenAnotherFamilysRecordByChangingTheAddress() throws Exception {
        var session = SignIn.as(mvc, "parent.sara");
        String tomsId = "00000000-0000-4000-8000-000000000000";
        String page = mvc.perform(get("/").param("patient", tomsId).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Okafor</h1>").doesNotContain("Bradley");
    }

    @Test
    void analystSeesAggregatesWithoutNames() throws Exception {
        String page = home("analyst");
        assertThat(page).contains("Registered patients", "North Comprehensive Care Centre");
        assertThat(page).doesNotContain("Bradley", "Okafor");
    }

    @Test
    void adminSeesAccountsAndCentresButNoPatients() throws Exception {
        String page = home("admin");
        assertThat(page).contains("clinician.north", "West Haemophilia Centre").doesNotContain("Bradley, Tom");
    }

    @Test
    void americanEnglishIsTheSecondLocale() throws Exception {
        var session = SignIn.as(mvc, "patient.tom");
        String page = mvc.perform(get("/").param("lang", "en-US").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Hemophilia A", "Your treatment center");
    }
}
