package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HJHS 2.1 joint scores over real HTTP on PostgreSQL: totals with NE items, range validation naming the field,
 * pre/post-surgery comparison, corrections that keep history, and who may do what (security.md §2, §6, §13).
 */
class JointScoreApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A North patient other than Tom (whose figures other tests rely on); joint scores touch nothing else. */
    UUID northPatient() {
        return patientOf("NORTH", 1);
    }

    UUID patientOf(String centreCode, int offset) {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p join centre.centre c on c.id = p.centre_id
                        where c.code = :c and p.given_name <> 'Tom' and p.voided_at is null
                        order by p.family_name, p.given_name, p.id offset :o limit 1""")
                .param("c", centreCode)
                .param("o", offset)
                .query(UUID.class)
                .single();
    }

    long audited(UUID patient, String action, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and action = :a and outcome = :o
                        and resource_type = 'JointScore'""")
                .param("p", patient)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    static String joint(int swelling, Object strength) {
        return """
                {"swelling": %d, "durationOfSwelling": 1, "muscleAtrophy": 1, "crepitus": 1, "flexionLoss": 2,
                 "extensionLoss": 1, "jointPain": 1, "strength": %s}"""
                .formatted(swelling, strength instanceof String s ? "\"" + s + "\"" : strength);
    }

    /** Left knee swelling {@code kneeSwelling}, right ankle NE, the others complete; gait 2. */
    static String score(String date, String context, String extra, int kneeSwelling, Object kneeStrength) {
        return """
                {"assessedOn": "%s", "context": "%s"%s,
                 "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s, "LEFT_KNEE": %s, "RIGHT_KNEE": %s,
                            "LEFT_ANKLE": %s, "RIGHT_ANKLE": "NE"},
                 "gait": 2}"""
                .formatted(
                        date,
                        context,
                        extra,
                        joint(0, 0),
                        joint(0, 0),
                        joint(kneeSwelling, kneeStrength),
                        joint(1, 1),
                        joint(0, 0));
    }

    static String idOf(String body) {
        return body.replaceFirst("(?s)^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
    }

    @Test
    void physioOfTheCentreRecordsAScoreWithTotalsOverEvaluableItemsAndAnAuditEvent() {
        ApiClient api = new ApiClient(port).signIn("physio.north");
        UUID patient = northPatient();
        long before = audited(patient, "CREATE", "SUCCESS");

        HttpResponse<String> created =
                api.postJson("/api/v1/patients/" + patient + "/joint-scores", score(today(), "ROUTINE", "", 2, "NE"));

        assertThat(created.statusCode()).isEqualTo(201);
        // elbows 7 + 7, left knee 2+1+1+1+2+1+1 = 9 (strength NE), right knee 9, left ankle 7, right ankle NE, gait 2
        assertThat(created.body())
                .contains(
                        "\"total\":41",
                        "\"complete\":false",
                        "\"jointsScored\":5",
                        "\"notEvaluableJoints\":[\"RIGHT_ANKLE\"]",
                        "\"notEvaluableItems\":[\"LEFT_KNEE.STRENGTH\"]",
                        "\"strength\":\"NE\"",
                        "\"maxPossible\":100",
                        "\"assessor\":\"physio.north\"",
                        "\"assessorRole\":\"PHYSIO\"");
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).contains("/joint-scores/" + idOf(created.body())));
        assertThat(audited(patient, "CREATE", "SUCCESS")).isEqualTo(before + 1);

        HttpResponse<String> history = api.get("/api/v1/patients/" + patient + "/joint-scores");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(idOf(created.body()), "\"total\":41");
    }

    @Test
    void outOfRangeItemsUnknownJointsMissingItemsAndFutureDatesAreRefusedNamingTheField() {
        ApiClient api = new ApiClient(port).signIn("physio.north");
        String path = "/api/v1/patients/" + northPatient() + "/joint-scores";
        assertField(api.postJson(path, score(today(), "ROUTINE", "", 4, 0)), "joints.LEFT_KNEE.swelling");
        assertField(api.postJson(path, score(today(), "ROUTINE", "", 1, 5)), "joints.LEFT_KNEE.strength");
        assertField(api.postJson(path, score(today(), "ROUTINE", "", -1, 0)), "joints.LEFT_KNEE.swelling");
        assertField(api.postJson(path, score(today(), "ROUTINE", "", 3, 4)), null);
        assertField(
                api.postJson(path, score(today(), "ROUTINE", "", 1, 0).replace("\"gait\": 2", "\"gait\": 5")), "gait");
        assertField(
                api.postJson(path, score(today(), "ROUTINE", "", 1, 0).replace("\"RIGHT_ANKLE\"", "\"LEFT_HIP\"")),
                "joints.LEFT_HIP");
        assertField(
                api.postJson(path, score(today(), "ROUTINE", "", 1, 0).replace("\"crepitus\": 1, ", "")),
                "joints.LEFT_ELBOW.crepitus");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        assertField(api.postJson(path, score(tomorrow, "ROUTINE", "", 1, 0)), "assessedOn");
        assertField(api.postJson(path, score(today(), "POST_SURGERY", "", 1, 0)), "operatedJoint");
        assertField(api.postJson(path, score(today(), "SOMETIMES", "", 1, 0)), "context");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        if (field == null) {
            // swelling 3 and strength 4, the maxima, are in range: the control case is accepted
            assertThat(response.statusCode()).isEqualTo(201);
            return;
        }
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aPostSurgeryScoreIsComparedWithThePreSurgeryScoreOfTheOperatedJoint() {
        ApiClient api = new ApiClient(port).signIn("clinician.north");
        UUID patient = patientOf("NORTH", 2);
        String path = "/api/v1/patients/" + patient + "/joint-scores";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String surgery = ", \"operatedJoint\": \"LEFT_KNEE\", \"operation\": \"Left knee synovectomy\"";
        HttpResponse<String> pre =
                api.postJson(path, score(today.minusMonths(6).toString(), "PRE_SURGERY", surgery, 3, 3));
        assertThat(pre.statusCode()).isEqualTo(201);
        HttpResponse<String> post =
                api.postJson(path, score(today.minusMonths(1).toString(), "POST_SURGERY", surgery, 0, 1));
        assertThat(post.statusCode()).isEqualTo(201);
        // left knee: swelling 3 → 0, strength 3 → 1; joint total 13 → 8
        assertThat(post.body())
                .contains(
                        "\"comparedWithPreSurgery\":{\"before\":{\"id\":\"" + idOf(pre.body()) + "\"",
                        "\"joint\":\"LEFT_KNEE\",\"operated\":true,\"totalBefore\":13,\"totalAfter\":8,"
                                + "\"totalDifference\":-5,\"items\":{\"swelling\":-3,");

        HttpResponse<String> comparison =
                api.get(path + "/comparison?before=" + idOf(pre.body()) + "&after=" + idOf(post.body()));
        assertThat(comparison.statusCode()).isEqualTo(200);
        assertThat(comparison.body()).contains("\"operatedJoint\":\"LEFT_KNEE\"", "\"strength\":-2");
        assertThat(api.get(path + "/comparison?before=" + UUID.randomUUID() + "&after=" + idOf(post.body()))
                        .body())
                .contains("\"field\":\"before\"");
    }

    @Test
    void aCorrectionReplacesTheScoreAndKeepsTheOldOne() {
        ApiClient api = new ApiClient(port).signIn("physio.north");
        UUID patient = patientOf("NORTH", 3);
        String path = "/api/v1/patients/" + patient + "/joint-scores";
        String first =
                idOf(api.postJson(path, score(today(), "ROUTINE", "", 1, 0)).body());
        assertThat(api.postJson(path + "/" + first + "/corrections", score(today(), "ROUTINE", "", 2, 0))
                        .statusCode())
                .isEqualTo(400); // no reason given
        HttpResponse<String> corrected = api.postJson(
                path + "/" + first + "/corrections",
                score(today(), "ROUTINE", ", \"reason\": \"left and right swapped\"", 2, 0));
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(corrected.body()).contains("\"replaces\":\"" + first + "\"");
        assertThat(api.get(path).body())
                .doesNotContain("{\"id\":\"" + first + "\"")
                .contains("{\"id\":\"" + idOf(corrected.body()) + "\"");
        assertThat(api.get(path + "?includeReplaced=true").body())
                .contains(first, "\"supersededBy\":\"" + idOf(corrected.body()) + "\"");
        assertThat(jdbc.sql("select count(*) from outcome.joint_score where patient_id = :p")
                        .param("p", patient)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aPhysioOfAnotherCentreGetsNotFoundAndADeniedAuditEvent() {
        ApiClient api = new ApiClient(port).signIn("physio.north");
        UUID south = patientOf("SOUTH", 0);
        long denied = audited(south, "CREATE", "DENIED");
        HttpResponse<String> response =
                api.postJson("/api/v1/patients/" + south + "/joint-scores", score(today(), "ROUTINE", "", 1, 0));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(audited(south, "CREATE", "DENIED")).isEqualTo(denied + 1);
        long readDenied = audited(south, "READ", "DENIED");
        assertThat(api.get("/api/v1/patients/" + south + "/joint-scores").statusCode())
                .isEqualTo(404);
        assertThat(audited(south, "READ", "DENIED")).isEqualTo(readDenied + 1);
        assertThat(jdbc.sql("select count(*) from outcome.joint_score where patient_id = :p")
                        .param("p", south)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPatientMayReadButNotRecordScoresAndAggregateRolesGetNeither() {
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        ApiClient patient = new ApiClient(port).signIn("patient.tom");
        assertThat(patient.postJson("/api/v1/patients/" + tom + "/joint-scores", score(today(), "ROUTINE", "", 1, 0))
                        .statusCode())
                .isEqualTo(403);
        assertThat(patient.get("/api/v1/patients/" + tom + "/joint-scores").statusCode())
                .isEqualTo(200);
        for (String user : new String[] {"analyst", "commissioner"}) {
            ApiClient aggregate = new ApiClient(port).signIn(user);
            UUID north = northPatient();
            assertThat(aggregate
                            .postJson(
                                    "/api/v1/patients/" + north + "/joint-scores", score(today(), "ROUTINE", "", 1, 0))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(aggregate
                            .get("/api/v1/patients/" + north + "/joint-scores")
                            .statusCode())
                    .isEqualTo(403);
        }
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + northPatient() + "/joint-scores",
                                score(today(), "ROUTINE", "", 1, 0))
                        .statusCode())
                .isEqualTo(403);
    }
}
