package org.hemonet.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.internal.PhotoFixtures;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
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
 * Secure messaging over the API (issue 16's contract): a parent writes about one of two children, the centre's team
 * inbox sees it unread, the nurse's reading is the parent's read receipt; attachments are judged by their bytes
 * (JPEG, PNG, PDF; 415 otherwise, 413 over 10 MB) and photos lose their EXIF; another centre gets an unknown id's 404,
 * aggregate roles 403; every thread read or write is one audit event; the e-mails say nothing of what was written.
 */
class ThreadApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Messages messages;

    TestNetwork.Site site;
    TestNetwork.Staff nurse;
    TestNetwork.Staff colleague;
    TestNetwork.Staff otherClinician;
    PatientAccounts.Created sam;
    PatientAccounts.Created ella;
    String parentUsername;
    ApiClient parent;

    @BeforeEach
    void aFamilyWithTwoChildrenAtACentre() {
        TestNetwork network = TestNetwork.in(context);
        site = network.centre("Messaging");
        nurse = site.staff(Role.NURSE);
        colleague = site.staff(Role.CLINICIAN);
        otherClinician = network.centre("Elsewhere").staff(Role.CLINICIAN);
        sam = site.patient("Sam", "Quill");
        ella = site.patient("Ella", "Quill");
        parentUsername = "parent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                parentUsername,
                "Dana Quill",
                Role.PATIENT,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(sam.patientId(), "GUARDIAN", ella.patientId(), "GUARDIAN"),
                null));
        parent = new ApiClient(port).signIn(parentUsername);
    }

    private ApiClient as(String username) {
        return new ApiClient(port).signIn(username);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private String start(String subject, String body) {
        HttpResponse<String> created = parent.postJson(
                "/api/v1/threads",
                """
                {"patientId": "%s", "subject": "%s", "body": "%s"}"""
                        .formatted(sam.patientId(), subject, body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private JsonNode item(ApiClient client, String query, String threadId) {
        HttpResponse<String> list = client.get("/api/v1/threads" + query);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode item : json(list).path("items")) {
            if (item.path("id").asString().equals(threadId)) {
                return item;
            }
        }
        return JSON.missingNode();
    }

    @Test
    void aParentWritesAboutOneChildTheTeamReadsAndAnswersAndTheParentSeesTheReadReceipt() {
        String id = start("Swollen knee", "Sam knocked his knee at school, it looks puffy");

        JsonNode inTeamInbox = item(as(nurse.username()), "", id);
        assertThat(inTeamInbox.path("patientId").asString())
                .isEqualTo(sam.patientId().toString());
        assertThat(inTeamInbox.path("subject").asString()).isEqualTo("Swollen knee");
        assertThat(inTeamInbox.path("unread").asInt()).isEqualTo(1);
        assertThat(inTeamInbox.path("lastMessageAt").asString()).isNotBlank();
        JsonNode own = item(parent, "", id);
        assertThat(own.path("unread").asInt()).isZero();
        assertThat(own.path("patientId").asString()).isEqualTo(sam.patientId().toString());
        assertThat(item(as(ella.username()), "", id).isMissingNode())
                .as("the other child's own account does not see it")
                .isTrue();

        assertThat(json(parent.get("/api/v1/threads/" + id))
                        .path("messages")
                        .get(0)
                        .path("readAt")
                        .isNull())
                .isTrue();
        ApiClient team = as(nurse.username());
        JsonNode opened = json(team.get("/api/v1/threads/" + id));
        assertThat(opened.path("messages").get(0).path("body").asString()).contains("puffy");
        HttpResponse<String> reply =
                team.postJson("/api/v1/threads/" + id + "/messages", "{\"body\": \"Please ring us now.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(json(reply).path("side").asString()).isEqualTo("TEAM");

        assertThat(item(team, "", id).path("unread").asInt()).isZero();
        assertThat(item(parent, "", id).path("unread").asInt()).isEqualTo(1);
        JsonNode seen = json(parent.get("/api/v1/threads/" + id));
        assertThat(seen.path("messages").get(0).path("readAt").asString())
                .as("read by the team")
                .isNotBlank();
        assertThat(seen.path("messages").get(1).path("body").asString()).isEqualTo("Please ring us now.");
        assertThat(item(parent, "", id).path("unread").asInt()).isZero();
        assertThat(json(team.get("/api/v1/threads/" + id))
                        .path("messages")
                        .get(1)
                        .path("readAt")
                        .asString())
                .isNotBlank();
    }

    @Test
    void aPhotoLosesItsExifAndAPdfIsStoredAsSent() {
        String id = start("Photo", "Here is the bruise");

        HttpResponse<String> photo = attach(id, "bruise.jpg", "image/jpeg", PhotoFixtures.jpegWithMetadata(6));
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);
        String photoId = json(photo).path("attachment").path("id").asString();
        HttpResponse<byte[]> served =
                as(nurse.username()).getBytes("/api/v1/threads/" + id + "/attachments/" + photoId);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        for (String secret : List.of(PhotoFixtures.GPS, PhotoFixtures.SERIAL, PhotoFixtures.NAME)) {
            assertThat(PhotoFixtures.contains(served.body(), secret)).as(secret).isFalse();
        }
        byte[] stored = jdbc.sql("select bytes from message.thread_attachment where id = :id")
                .param("id", UUID.fromString(photoId))
                .query(byte[].class)
                .single();
        assertThat(PhotoFixtures.contains(stored, PhotoFixtures.GPS)).isFalse();
        assertThat(PhotoFixtures.pixels(stored)).isEqualTo(PhotoFixtures.pixels(PhotoFixtures.jpegWithMetadata(6)));

        byte[] pdf = "%PDF-1.4\n% a clinic letter\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> letter = attach(id, "letter.pdf", "application/pdf", pdf);
        assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);
        String letterId = json(letter).path("attachment").path("id").asString();
        HttpResponse<byte[]> downloaded = parent.getBytes("/api/v1/threads/" + id + "/attachments/" + letterId);
        assertThat(downloaded.body()).isEqualTo(pdf);
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
    }

    @Test
    void theTypeIsJudgedByContentNotNameAndOverTenMegabytesIsRefused() {
        String id = start("Files", "Some files");

        byte[] gif = "GIF89a-not-allowed".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> disguised = attach(id, "photo.jpg", "image/jpeg", gif);
        assertThat(disguised.statusCode()).as(disguised.body()).isEqualTo(415);
        assertThat(disguised.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(disguised).path("type").asString())
                .isEqualTo("https://hemonet.org/problems/unsupported-media-type");
        assertThat(json(disguised).path("field").asString()).isEqualTo("file");

        HttpResponse<String> pngNamedPdf = attach(id, "scan.pdf", "application/pdf", PhotoFixtures.png());
        assertThat(pngNamedPdf.statusCode())
                .as("a PNG is a PNG whatever its name")
                .isEqualTo(201);
        assertThat(json(pngNamedPdf).path("attachment").path("contentType").asString())
                .isEqualTo("image/png");

        byte[] big = new byte[Threads.MAX_ATTACHMENT_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.ISO_8859_1), 0, big, 0, 5);
        HttpResponse<String> tooBig = attach(id, "big.pdf", "application/pdf", big);
        assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(413);
        assertThat(json(tooBig).path("type").asString()).isEqualTo("https://hemonet.org/problems/content-too-large");

        HttpResponse<String> overTheUploadLimit =
                attach(id, "huge.pdf", "application/pdf", Arrays.copyOf(big, 13 << 20));
        assertThat(overTheUploadLimit.statusCode())
                .as(overTheUploadLimit.body())
                .isEqualTo(413);
        assertThat(json(overTheUploadLimit).path("type").asString())
                .as(overTheUploadLimit.headers().map() + " " + overTheUploadLimit.body())
                .isEqualTo("https://hemonet.org/problems/content-too-large");

        byte[] exactly = Arrays.copyOf(big, Threads.MAX_ATTACHMENT_BYTES);
        assertThat(attach(id, "ten.pdf", "application/pdf", exactly).statusCode())
                .isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from message.thread_attachment where thread_id = :t")
                        .param("t", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anotherCentresClinicianGetsWhatAnUnknownIdGetsAndIsAudited() {
        String id = start("Private", "Only for my centre");
        ApiClient stranger = as(otherClinician.username());
        long deniedBefore = audited(id, "DENIED");

        HttpResponse<String> refused = stranger.get("/api/v1/threads/" + id);
        HttpResponse<String> unknown = stranger.get("/api/v1/threads/" + UUID.randomUUID());

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(normalised(refused.body())).isEqualTo(normalised(unknown.body()));
        assertThat(refused.body()).doesNotContain("Private", "Quill");
        assertThat(stranger.postJson("/api/v1/threads/" + id + "/messages", "{\"body\": \"hi\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.getBytes("/api/v1/threads/" + id + "/attachments/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        assertThat(item(stranger, "", id).isMissingNode()).isTrue();
        assertThat(audited(id, "DENIED")).isEqualTo(deniedBefore + 3);
        assertThat(stranger.postJson(
                                "/api/v1/threads",
                                "{\"patientId\": \"%s\", \"subject\": \"s\", \"body\": \"b\"}"
                                        .formatted(sam.patientId()))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aggregateRolesAndAdministratorsAreForbidden() {
        String id = start("Aggregate", "Not for analysts");
        for (String user : List.of("analyst", "commissioner", "admin")) {
            ApiClient client = as(user);
            long before = deniedTo(user);
            assertThat(client.get("/api/v1/threads").statusCode()).as(user).isEqualTo(403);
            HttpResponse<String> one = client.get("/api/v1/threads/" + id);
            assertThat(one.statusCode()).as(user).isEqualTo(403);
            assertThat(one.body()).doesNotContain("Aggregate");
            assertThat(deniedTo(user)).as(user + " refusals audited").isEqualTo(before + 2);
        }
    }

    @Test
    void aCourierIsForbiddenEveryThreadEndpoint() {
        String id = start("Courier", "Not for couriers");
        ApiClient courier = as("courier");
        assertThat(courier.get("/api/v1/threads").statusCode()).isEqualTo(403);
        assertThat(courier.get("/api/v1/threads/" + id).statusCode()).isEqualTo(403);
        assertThat(courier.postJson("/api/v1/threads/" + id + "/messages", "{\"body\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(courier.getHtml("/messages/threads/" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void everyReadAndWriteOfAThreadIsOneAuditEvent() {
        String id = start("Audit", "Count me");
        assertThat(audited(id, "SUCCESS")).as("created").isEqualTo(1);
        ApiClient team = as(nurse.username());

        team.get("/api/v1/threads/" + id);
        assertThat(audited(id, "SUCCESS")).isEqualTo(2);
        team.postJson("/api/v1/threads/" + id + "/messages", "{\"body\": \"ok\"}");
        assertThat(audited(id, "SUCCESS")).isEqualTo(3);
        assertThat(jdbc.sql(
                                """
                        select string_agg(action, ',' order by seq) from audit.event
                        where resource_type = 'MessageThread' and resource_id = :id""")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("CREATE,READ,UPDATE");
    }

    @Test
    void theTeamAssignsAColleagueMarksDoneAndThePatientWritingAgainReopens() {
        String id = start("Assign", "Who looks after this");
        ApiClient team = as(nurse.username());

        HttpResponse<String> assigned = team.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/threads/" + id + "/assignment"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", team.cookie("XSRF-TOKEN"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"assignedTo\": \"%s\"}".formatted(colleague.accountId()))));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(json(assigned).path("assignedTo").asString())
                .isEqualTo(colleague.accountId().toString());
        assertThat(item(as(colleague.username()), "?filter=MINE", id).isMissingNode())
                .isFalse();
        assertThat(item(team, "?filter=UNASSIGNED", id).isMissingNode()).isTrue();

        HttpResponse<String> outsider = team.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/threads/" + id + "/assignment"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", team.cookie("XSRF-TOKEN"))
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"assignedTo\": \"%s\"}".formatted(otherClinician.accountId()))));
        assertThat(outsider.statusCode()).isEqualTo(400);
        assertThat(json(outsider).path("field").asString()).isEqualTo("assignedTo");

        assertThat(parent.postJson("/api/v1/threads/" + id + "/done", "{}").statusCode())
                .as("a parent cannot mark done")
                .isEqualTo(403);
        HttpResponse<String> done = team.postJson("/api/v1/threads/" + id + "/done", "{}");
        assertThat(json(done).path("status").asString()).isEqualTo("DONE");
        assertThat(item(team, "?filter=DONE", id).isMissingNode()).isFalse();
        assertThat(item(team, "", id).isMissingNode()).isTrue();

        parent.postJson("/api/v1/threads/" + id + "/messages", "{\"body\": \"It is worse today\"}");
        assertThat(item(team, "", id).path("status").asString()).isEqualTo("OPEN");
        assertThat(item(team, "?filter=DONE", id).isMissingNode()).isTrue();
    }

    @Test
    void theEmailsSayOnlyThatAMessageIsWaiting() {
        messages.setCentreMailAddress(
                site.centreId(), "team-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        assertThat(parent.postForm("/messages/mail-address", "address=parent-of-two%40example.org")
                        .statusCode())
                .isEqualTo(302);
        String subject = "Advate dose question";
        String body = "Sam bruised his ankle; should I give 1000 IU of Advate tonight for his haemophilia";
        String id = start(subject, body);
        as(nurse.username())
                .postJson("/api/v1/threads/" + id + "/messages", "{\"body\": \"Give 1500 IU Elocta and call us\"}");

        List<String> mails = jdbc.sql(
                        """
                        select o.to_address || ' ' || o.subject || ' ' || o.body from message.outbox o
                        join message.thread_post p on p.id = o.thread_post_id where p.thread_id = :t
                        order by o.created_at""")
                .param("t", UUID.fromString(id))
                .query(String.class)
                .list();
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0)).contains("team-", "You have a new message from a patient");
        assertThat(mails.get(1)).contains("parent-of-two@example.org", "You have a new message from your centre");
        String words = subject + " " + body + " Give 1500 IU Elocta and call us Quill Hemophilia Haemophilia";
        for (String mail : mails) {
            for (String word : words.split("[^A-Za-z0-9]+")) {
                if (word.length() >= 3
                        && !List.of("call", "and", "for", "his", "you", "the").contains(word.toLowerCase())) {
                    assertThat(mail.toLowerCase()).as(word).doesNotContain(word.toLowerCase());
                }
            }
        }
    }

    private long audited(String threadId, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event
                        where resource_type = 'MessageThread' and resource_id = :id and outcome = :outcome""")
                .param("id", threadId)
                .param("outcome", outcome)
                .query(Long.class)
                .single();
    }

    private long deniedTo(String username) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event
                        where resource_type = 'MessageThread' and username = :u and outcome = 'DENIED'""")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private static String normalised(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "\"instance\":\"\"")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    private HttpResponse<String> attach(String threadId, String fileName, String declaredType, byte[] bytes) {
        String boundary = "----hemonet" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return parent.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/threads/" + threadId + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", parent.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }
}
