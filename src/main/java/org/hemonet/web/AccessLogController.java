package org.hemonet.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.audit.RecordAccess;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who accessed a record and when (security.md §15): a patient or parent for the records they hold, centre staff for
 * patients they care for. Looking at the log is itself recorded. Times are shown in the patient's own time zone.
 */
@Controller
class AccessLogController {

    private static final int DAYS = 365;
    private static final int LIMIT = 500;

    private final PatientPages patientPages;
    private final AuditLog auditLog;
    private final AccountAdministration accounts;

    AccessLogController(PatientPages patientPages, AuditLog auditLog, AccountAdministration accounts) {
        this.patientPages = patientPages;
        this.auditLog = auditLog;
        this.accounts = accounts;
    }

    /** One row of the page: who (name and role), what, when (local time). */
    record Row(String when, String who, String role, AuditAction action, String resourceType, AuditOutcome outcome) {}

    @GetMapping("/access-log")
    String accessLog(@RequestParam("patient") UUID patientId, Model model) {
        PatientSummary patient = patientPages.require(patientId, "AccessLog");
        List<RecordAccess> accesses =
                auditLog.accessesTo(patientId, Instant.now().minus(DAYS, ChronoUnit.DAYS), LIMIT);
        auditLog.patientAccess(AuditAction.READ, patientId, "AccessLog", null, AuditOutcome.SUCCESS);
        Map<UUID, String> names = accounts.displayNames(accesses.stream()
                .map(RecordAccess::accountId)
                .filter(Objects::nonNull)
                .toList());
        var format = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
        model.addAttribute("patient", patient);
        model.addAttribute(
                "rows",
                accesses.stream()
                        .map(a -> new Row(
                                format.format(a.occurredAt().atZone(patient.timeZone())),
                                a.accountId() == null ? a.username() : names.getOrDefault(a.accountId(), a.username()),
                                a.role(),
                                a.action(),
                                a.resourceType(),
                                a.outcome()))
                        .toList());
        return "access-log";
    }
}
