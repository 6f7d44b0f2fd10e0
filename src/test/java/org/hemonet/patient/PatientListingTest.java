package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The slim centre listing behind "patients needing attention" (issue 14): the same patients, in the same order, with the
 * same name, severity and time zone as the full patient search finds, shared care included and other centres' patients
 * left out; one audit event named for the list; refused to aggregate roles. Own patients (a random family name) at the
 * East and South centres.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientListingTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry registry;

    final String family = "Listing" + UUID.randomUUID().toString().substring(0, 8);
    UUID east;
    UUID south;
    UUID severe;
    UUID mild;
    UUID sharedFromSouth;
    UUID onlySouth;

    @BeforeAll
    void registerOwnPatients() {
        east = centre("EAST");
        south = centre("SOUTH");
        severe = register("clinician.east", east, "Ann", "0.5");
        register("clinician.east", east, "Bob", "3");
        mild = register("clinician.east", east, "Cal", "20");
        sharedFromSouth = register("clinician.south", south, "Dee", "0.8");
        onlySouth = register("clinician.south", south, "Eve", "0.8");
        var shared = new ApiClient(port)
                .signIn("clinician.south")
                .patchJson(
                        "/api/v1/patients/" + sharedFromSouth,
                        "{\"sharedCareCentreIds\": [\"" + east + "\"], \"reason\": \"seen at East too\"}",
                        "\"0\"");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    }

    @Test
    void listsWhatTheSearchFindsInTheSameOrderWithTheSameNameSeverityAndZone() {
        Actor clinician = staff("clinician.east", "CLINICIAN");
        List<List<Object>> listed = registry.listing(clinician, "ListingTest").stream()
                .filter(p -> p.familyName().equals(family))
                .map(p ->
                        List.<Object>of(p.id(), p.centreId(), p.fullName(), String.valueOf(p.severity()), p.timeZone()))
                .toList();
        List<List<Object>> searched = registry.search(clinician, null, null).stream()
                .filter(p -> p.familyName().equals(family))
                .map(p ->
                        List.<Object>of(p.id(), p.centreId(), p.fullName(), String.valueOf(p.severity()), p.timeZone()))
                .toList();

        assertThat(listed).hasSize(4).isEqualTo(searched);
        assertThat(listed)
                .extracting(row -> row.get(0))
                .contains(sharedFromSouth)
                .doesNotContain(onlySouth);
        assertThat(listed)
                .filteredOn(row -> row.get(0).equals(severe))
                .extracting(row -> row.get(3))
                .containsExactly("SEVERE");
        assertThat(listed)
                .filteredOn(row -> row.get(0).equals(mild))
                .extracting(row -> row.get(3))
                .containsExactly("MILD");
    }

    @Test
    void auditedOnceAsTheNamedList() {
        Actor clinician = staff("clinician.east", "CLINICIAN");
        long before = auditRows();
        registry.listing(clinician, "ListingTest");
        assertThat(auditRows()).isEqualTo(before + 1);
    }

    @Test
    void aggregateRolesAreRefused() {
        Actor analyst = new Actor(UUID.randomUUID(), "analyst", "NETWORK_ANALYST", Set.of(), Set.of());
        assertThatThrownBy(() -> registry.listing(analyst, "ListingTest")).isInstanceOf(AccessDeniedException.class);
    }

    private long auditRows() {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where username = 'clinician.east' and action = 'SEARCH'
                          and resource_type = 'ListingTest' and patient_id is null""")
                .query(Long.class)
                .single();
    }

    private Actor staff(String username, String role) {
        UUID account = jdbc.sql("select id from identity.account where username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
        Set<UUID> centres = Set.copyOf(jdbc.sql("select centre_id from identity.account_centre where account_id = :a")
                .param("a", account)
                .query(UUID.class)
                .list());
        return new Actor(account, username, role, centres, Set.of());
    }

    private UUID centre(String code) {
        return jdbc.sql("select id from centre.centre where code = :c")
                .param("c", code)
                .query(UUID.class)
                .single();
    }

    private UUID register(String user, UUID centre, String givenName, String level) {
        var response = new ApiClient(port)
                .signIn(user)
                .postJson(
                        "/api/v1/patients",
                        """
                        {"centreId": "%s", "givenName": "%s", "familyName": "%s", "dateOfBirth": "1990-04-02",
                         "sex": "MALE", "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": %s,
                         "measuredOn": "2025-03-01"}, "weightKg": 70}"""
                                .formatted(centre, givenName, family, level));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]+)\".*", "$1"));
    }
}
