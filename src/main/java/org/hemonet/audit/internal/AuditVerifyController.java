package org.hemonet.audit.internal;

import org.hemonet.audit.AuditLog;
import org.hemonet.audit.ChainVerification;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/verify}: the state of the audit hash chain, for administrators (security.md §14). */
@RestController
class AuditVerifyController {

    private final AuditLog auditLog;

    AuditVerifyController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping(path = "/api/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ChainVerification verify() {
        return auditLog.verify();
    }
}
