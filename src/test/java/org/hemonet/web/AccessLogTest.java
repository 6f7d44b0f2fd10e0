package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** security.md §15: a patient sees who accessed their record; others cannot reach it. */
@AutoConfigureMockMvc
class AccessLogTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private UUID tomsId() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    @Test
    void patientSeesWhoOpenedTheirRecord() throws Exception {
        var session = SignIn.as(mvc, "patient.tom");
        UUID tom = tomsId();
        mvc.perform(get("/access-log").param("patient", tom.toString()).session(session));
        String page = mvc.perform(
                        get("/access-log").param("patient", tom.toString()).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Who has looked at Tom Bradley&#39;s record", "Tom Bradley", "Viewed", "access log");
    }

    @Test
    void anotherFamilyGetsTheNotFoundPageAndTheAttemptIsAudited() throws Exception {
        var session = SignIn.as(mvc, "parent.sara");
        UUID tom = tomsId();
        long deniedBefore = deniedReads(tom);
        var response = mvc.perform(
                        get("/access-log").param("patient", tom.toString()).session(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("Page not found").doesNotContain("Bradley");
        assertThat(deniedReads(tom)).isEqualTo(deniedBefore + 1);
    }

    @Test
    void anUnknownIdLooksExactlyLikeADeniedOne() throws Exception {
        var session = SignIn.as(mvc, "parent.sara");
        String denied = mvc.perform(
                        get("/access-log").param("patient", tomsId().toString()).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknown = mvc.perform(get("/access-log")
                        .param("patient", UUID.randomUUID().toString())
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // identical but for the per-render masked CSRF token of the sign-out form
        assertThat(withoutCsrfToken(unknown)).isEqualTo(withoutCsrfToken(denied));
    }

    private static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    private long deniedReads(UUID patientId) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and outcome = 'DENIED'")
                .param("p", patientId)
                .query(Long.class)
                .single();
    }
}
