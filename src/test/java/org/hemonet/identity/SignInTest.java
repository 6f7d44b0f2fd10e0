package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.MockMvcSessions;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sign-in rules of security.md §7–§11, through the real login forms. */
@AutoConfigureMockMvc
class SignInTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    JdbcClient jdbc;

    private Cookie xsrf() throws Exception {
        return mvc.perform(get("/login")).andReturn().getResponse().getCookie("XSRF-TOKEN");
    }

    private MvcResult password(String username, String password, Cookie xsrf) throws Exception {
        return mvc.perform(post("/login")
                        .cookie(xsrf)
                        .header("X-XSRF-TOKEN", xsrf.getValue())
                        .param("username", username)
                        .param("password", password))
                .andReturn();
    }

    private String uniqueName(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void staffPasswordAloneGrantsNothing() throws Exception {
        MvcResult result = password("clinician.north", SignIn.DEMO_PASSWORD, xsrf());
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        var session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(mvc.perform(get("/").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
        assertThat(mvc.perform(get("/api/v1/centres").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void wrongSecondFactorCodeIsRefused() throws Exception {
        Cookie xsrf = xsrf();
        var session = (MockHttpSession)
                password("nurse.north", SignIn.DEMO_PASSWORD, xsrf).getRequest().getSession(false);
        String wrong = SignIn.totpCode().equals("000000") ? "111111" : "000000";
        var result = mvc.perform(post("/login/second-factor")
                        .session(session)
                        .cookie(xsrf)
                        .header("X-XSRF-TOKEN", xsrf.getValue())
                        .param("code", wrong))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("That code is not right");
        assertThat(mvc.perform(get("/").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        Cookie xsrf = xsrf();
        // an anonymous session first: opening a page before signing in remembers it in a session
        MockHttpSession browser = new MockHttpSession();
        mvc.perform(get("/patients").session(browser)).andReturn();
        String idBefore = (String) browser.getAttribute(MockMvcSessions.SESSION_ID);
        assertThat(idBefore).isNotNull();
        mvc.perform(post("/login")
                        .session(browser)
                        .cookie(xsrf)
                        .header("X-XSRF-TOKEN", xsrf.getValue())
                        .param("username", "patient.tom")
                        .param("password", SignIn.DEMO_PASSWORD))
                .andReturn();
        String idAfter = (String) browser.getAttribute(MockMvcSessions.SESSION_ID);
        assertThat(idAfter).isNotNull().isNotEqualTo(idBefore);
        // sessions are kept in the database (issue 14); the patient's idle limit is 12 hours
        assertThat(jdbc.sql("select max_inactive_interval from identity.http_session where session_id = ?")
                        .param(idAfter)
                        .query(Integer.class)
                        .single())
                .isEqualTo(12 * 3600);
        assertThat(jdbc.sql("select count(*) from identity.http_session where session_id = ?")
                        .param(idBefore)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void tenFailuresThrottleTheAccountAndTheAnswerIsTheSameAsForAnUnknownUser() throws Exception {
        String username = uniqueName("throttled");
        administration.create(
                new NewAccount(username, "Throttle Test", Role.PATIENT, "Kite-flying-77", Set.of(), Map.of(), null));
        Cookie xsrf = xsrf();
        for (int i = 0; i < 10; i++) {
            assertThat(password(username, "wrong-password-" + i, xsrf)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        MvcResult rightPassword = password(username, "Kite-flying-77", xsrf);
        MvcResult unknownUser = password(uniqueName("nobody"), "Kite-flying-77", xsrf);
        assertThat(rightPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(unknownUser.getResponse().getRedirectedUrl())
                .isEqualTo(rightPassword.getResponse().getRedirectedUrl());
        assertThat(unknownUser.getResponse().getStatus())
                .isEqualTo(rightPassword.getResponse().getStatus());
    }

    @Test
    void fewerThanTenFailuresDoNotLockTheAccount() throws Exception {
        String username = uniqueName("careless");
        administration.create(
                new NewAccount(username, "Careless Typist", Role.PATIENT, "Kite-flying-77", Set.of(), Map.of(), null));
        Cookie xsrf = xsrf();
        for (int i = 0; i < 9; i++) {
            password(username, "wrong-" + i, xsrf);
        }
        assertThat(password(username, "Kite-flying-77", xsrf).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void disablingAnAccountEndsItsSessionAtOnce() throws Exception {
        String username = uniqueName("leaver");
        UUID id = administration.create(
                new NewAccount(username, "Leaving Patient", Role.PATIENT, "Kite-flying-77", Set.of(), Map.of(), null));
        Cookie xsrf = xsrf();
        var session = (MockHttpSession)
                password(username, "Kite-flying-77", xsrf).getRequest().getSession(false);
        assertThat(mvc.perform(get("/").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        administration.setEnabled(id, false);
        assertThat(mvc.perform(get("/").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
        assertThat(password(username, "Kite-flying-77", xsrf).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void aChangeOfRoleAppliesOnTheNextRequest() throws Exception {
        var session = SignIn.as(mvc, "admin");
        assertThat(mvc.perform(get("/admin/accounts/new").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        String username = uniqueName("analyst");
        UUID id = administration.create(new NewAccount(
                username, "Temp Analyst", Role.NETWORK_ANALYST, "Kite-flying-long-77", Set.of(), Map.of(), null));
        administration.reassign(id, Role.ADMIN, Set.of());
        administration.reassign(id, Role.NETWORK_ANALYST, Set.of());
        assertThat(administration.find(id))
                .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.NETWORK_ANALYST));
    }

    @Test
    void aMoveToAnotherCentreAppliesOnTheNextRequestOfTheSameSession() throws Exception {
        UUID north = centre("NORTH");
        UUID south = centre("SOUTH");
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        UUID leo = jdbc.sql("select id from patient.patient where given_name = 'Leo' and family_name = 'Okafor'")
                .query(UUID.class)
                .single();
        String username = uniqueName("nurse");
        UUID id = administration.create(new NewAccount(
                username,
                "Moving Nurse",
                Role.NURSE,
                SignIn.DEMO_PASSWORD,
                Set.of(north),
                Map.of(),
                SignIn.DEMO_TOTP_SECRET));
        MockHttpSession session = SignIn.as(mvc, username);
        assertThat(status(session, tom)).isEqualTo(200);
        assertThat(status(session, leo)).isEqualTo(404);
        administration.reassign(id, Role.NURSE, Set.of(south));
        assertThat(status(session, tom)).isEqualTo(404);
        assertThat(status(session, leo)).isEqualTo(200);
    }

    private UUID centre(String code) {
        return jdbc.sql("select id from centre.centre where code = :c")
                .param("c", code)
                .query(UUID.class)
                .single();
    }

    private int status(MockHttpSession session, UUID patient) throws Exception {
        return mvc.perform(get("/api/v1/patients/" + patient).session(session))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void onlyAdminsReachAccountAdministration() throws Exception {
        var clinician = SignIn.as(mvc, "clinician.north");
        assertThat(mvc.perform(get("/admin/accounts/new").session(clinician))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void adminCreatesAnAccountAndWeakPasswordsAreExplained() throws Exception {
        var admin = SignIn.as(mvc, "admin");
        Cookie xsrf = xsrf();
        var weak = mvc.perform(post("/admin/accounts")
                        .session(admin)
                        .cookie(xsrf)
                        .header("X-XSRF-TOKEN", xsrf.getValue())
                        .param("username", uniqueName("newnurse"))
                        .param("displayName", "New Nurse")
                        .param("role", "NURSE")
                        .param("password", "password123"))
                .andReturn();
        assertThat(weak.getResponse().getContentAsString()).contains("at least 12 characters");
        String username = uniqueName("newpatient");
        var created = mvc.perform(post("/admin/accounts")
                        .session(admin)
                        .cookie(xsrf)
                        .header("X-XSRF-TOKEN", xsrf.getValue())
                        .param("username", username)
                        .param("displayName", "New Patient")
                        .param("role", "PATIENT")
                        .param("password", "Kite-flying-77"))
                .andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).startsWith("/admin/accounts/");
        assertThat(administration.all()).anyMatch(a -> a.username().equals(username));
    }
}
