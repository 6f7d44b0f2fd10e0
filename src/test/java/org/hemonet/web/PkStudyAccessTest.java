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

@AutoConfigureMockMvc
class PkStudyAccessTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String tomsPkPage() {
        return "/patients/"
                + jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                        .query(UUID.class)
                        .single()
                + "/pk";
    }

    @Test
    void clinicianOfTheCentreSeesThePopulationCurve() throws Exception {
        var response = mvc.perform(get(tomsPkPage()).session(SignIn.as(mvc, "clinician.north")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Population estimate", "data-curve=\"[[");
    }

    @Test
    void clinicianOfAnotherCentreGetsNotFound() throws Exception {
        var response = mvc.perform(get(tomsPkPage()).session(SignIn.as(mvc, "clinician.south")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain("Bradley");
    }

    @Test
    void aggregateRolesAreForbiddenPatientPages() throws Exception {
        for (String user : new String[] {"analyst", "admin"}) {
            var response = mvc.perform(get(tomsPkPage()).session(SignIn.as(mvc, user)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(user).isEqualTo(403);
            assertThat(response.getContentAsString()).as(user).doesNotContain("Bradley");
        }
    }

    @Test
    void thePatientAndOtherStaffRolesAreForbiddenThePkPage() throws Exception {
        for (String user : new String[] {"patient.tom", "physio.north"}) {
            var response = mvc.perform(get(tomsPkPage()).session(SignIn.as(mvc, user)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(user).isEqualTo(403);
            assertThat(response.getContentAsString()).as(user).doesNotContain("data-curve");
        }
    }

    @Test
    void aSavedStudyOfAnotherCentresPatientIsNotFoundAndTheRefusalIsAudited() throws Exception {
        String study = tomsPkPage() + "/studies/" + UUID.randomUUID();
        long denied = jdbc.sql(
                        "select count(*) from audit.event where outcome = 'DENIED' and resource_type = 'PkStudy'")
                .query(Long.class)
                .single();
        var response = mvc.perform(get(study).session(SignIn.as(mvc, "clinician.south")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit.event where outcome = 'DENIED' and resource_type = 'PkStudy'")
                        .query(Long.class)
                        .single())
                .isEqualTo(denied + 1);
        assertThat(mvc.perform(get(study).session(SignIn.as(mvc, "clinician.north")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("an unknown study of a patient one may see")
                .isEqualTo(404);
    }
}
