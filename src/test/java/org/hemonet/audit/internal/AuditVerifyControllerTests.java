package org.hemonet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.audit.ChainVerification;
import org.hemonet.audit.RecordAccess;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The verify endpoint and the command-line check report what the verifier found (security.md §14). */
class AuditVerifyControllerTests {

    private static final ChainVerification INTACT = new ChainVerification(true, null, null, 12, 3, 12L, "ab12");
    private static final ChainVerification BROKEN =
            new ChainVerification(false, 5L, "event or seal was changed: the hash does not match", 12, 0, 4L, "cd34");

    @Test
    void answersTheVerificationAsJson() {
        var mvc = MockMvcTester.of(new AuditVerifyController(new FixedAuditLog(BROKEN)));

        assertThat(mvc.get().uri("/api/v1/audit/verify").accept(MediaType.APPLICATION_JSON))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        """
                        {"ok": false, "firstBrokenSeq": 5, "problem": "event or seal was changed: the hash does not match",
                         "sealedEvents": 12, "unsealedEvents": 0, "headSeq": 4, "headHash": "cd34"}""");
    }

    @Test
    void isForAdministratorsOnlyOnceMethodSecurityIsOn() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.register(MethodSecurity.class);
            context.registerBean(AuditLog.class, () -> new FixedAuditLog(INTACT));
            context.registerBean(AuditVerifyController.class);
            context.refresh();
            AuditVerifyController controller = context.getBean(AuditVerifyController.class);

            signIn("ROLE_CLINICIAN");
            assertThatThrownBy(controller::verify).isInstanceOf(AccessDeniedException.class);
            signIn("ROLE_ADMIN");
            assertThat(controller.verify()).isEqualTo(INTACT);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class MethodSecurity {}

    private static void signIn(String authority) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "someone", "n/a", List.of(new SimpleGrantedAuthority(authority))));
    }

    @Test
    void commandLineCheckExitsWithZeroWhenIntact() {
        var out = new ByteArrayOutputStream();
        int status = VerifyAndExitRunner.verifyAndPrint(
                new FixedAuditLog(INTACT), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("audit chain OK")
                .contains("unsealed events: 3")
                .contains("last intact seal: 12 ab12");
    }

    @Test
    void commandLineCheckExitsWithOneAndNamesTheBrokenLink() {
        var out = new ByteArrayOutputStream();
        int status = VerifyAndExitRunner.verifyAndPrint(
                new FixedAuditLog(BROKEN), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit chain BROKEN at event 5");
    }

    private record FixedAuditLog(ChainVerification result) implements AuditLog {

        @Override
        public void record(AuditEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void patientAccess(
                AuditAction action,
                UUID patientId,
                String resourceType,
                @Nullable String resourceId,
                AuditOutcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RecordAccess> accessesTo(UUID patientId, Instant since, int limit) {
            return List.of();
        }

        @Override
        public ChainVerification verify() {
            return result;
        }
    }
}
