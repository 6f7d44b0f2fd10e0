package org.hemonet.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** SMART-style scope rules (docs/api.md, security.md §12). */
class ScopePolicyTest {

    @Test
    void readScopeAllowsReadingOnly() {
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/*.rs"), "GET", "/api/v1/me"))
                .isTrue();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/*.rs"), "POST", "/api/v1/pk/estimate"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/*.rs"), "PATCH", "/api/v1/x"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/*.rs"), "DELETE", "/api/v1/x"))
                .isFalse();
    }

    @Test
    void cancellingABulkExportNeedsWhatStartingItNeeded() {
        assertThat(ScopePolicy.permits("SYSTEM", Set.of("system/*.rs"), "DELETE", "/fhir/$export-poll-status"))
                .isTrue();
        assertThat(ScopePolicy.permits("SYSTEM", Set.of("system/*.rs"), "DELETE", "/fhir/Patient/x"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/Patient.rs"), "DELETE", "/fhir/$export-poll-status"))
                .isFalse();
    }

    @Test
    void writeMethodsNeedTheirOwnPermission() {
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.c"), "POST", "/api/v1/x"))
                .isTrue();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.u"), "POST", "/api/v1/x"))
                .isTrue();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.c"), "PUT", "/api/v1/x"))
                .isFalse();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.u"), "PATCH", "/api/v1/x"))
                .isTrue();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.cruds"), "DELETE", "/api/v1/x"))
                .isTrue();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.crus"), "DELETE", "/api/v1/x"))
                .isFalse();
    }

    @Test
    void patientScopesCountOnlyForPatientAccounts() {
        assertThat(ScopePolicy.permits("PATIENT", Set.of("patient/*.rs"), "GET", "/api/v1/me"))
                .isTrue();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("patient/*.rs"), "GET", "/api/v1/me"))
                .isFalse();
        assertThat(ScopePolicy.permits("PATIENT", Set.of("user/*.rs"), "GET", "/api/v1/me"))
                .isFalse();
    }

    @Test
    void systemScopesAreReadOnlyAndOnlyForSystemClients() {
        assertThat(ScopePolicy.permits("SYSTEM", Set.of("system/*.rs"), "GET", "/api/v1/me"))
                .isTrue();
        assertThat(ScopePolicy.permits("SYSTEM", Set.of("system/*.cruds"), "POST", "/api/v1/x"))
                .isFalse();
        assertThat(ScopePolicy.permits("ADMIN", Set.of("system/*.rs"), "GET", "/api/v1/me"))
                .isFalse();
        assertThat(ScopePolicy.permits("SYSTEM", Set.of("user/*.rs"), "GET", "/api/v1/me"))
                .isFalse();
    }

    @Test
    void resourceTypeScopesApplyOnlyToThatFhirType() {
        Set<String> observations = Set.of("user/Observation.rs");
        assertThat(ScopePolicy.permits("CLINICIAN", observations, "GET", "/fhir/Observation/1"))
                .isTrue();
        assertThat(ScopePolicy.permits("CLINICIAN", observations, "GET", "/fhir/Observation"))
                .isTrue();
        assertThat(ScopePolicy.permits("CLINICIAN", observations, "GET", "/fhir/Patient/1"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", observations, "GET", "/api/v1/me"))
                .isFalse();
    }

    @Test
    void otherScopesGrantNothing() {
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("openid", "profile"), "GET", "/api/v1/me"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/*."), "GET", "/api/v1/me"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of("user/*.sr"), "GET", "/api/v1/me"))
                .isFalse();
        assertThat(ScopePolicy.permits("CLINICIAN", Set.of(), "GET", "/api/v1/me"))
                .isFalse();
    }

    @Test
    void smartOneScopesAreUnderstood() {
        assertThat(ScopePolicy.permits("PATIENT", Set.of("patient/*.read"), "GET", "/api/v1/me"))
                .isTrue();
        assertThat(ScopePolicy.permits("PATIENT", Set.of("patient/*.read"), "POST", "/api/v1/x"))
                .isFalse();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.write"), "POST", "/api/v1/x"))
                .isTrue();
        assertThat(ScopePolicy.permits("NURSE", Set.of("user/*.*"), "GET", "/api/v1/x"))
                .isTrue();
    }
}
