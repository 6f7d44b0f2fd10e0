package org.hemonet.report;

import org.hemonet.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reports/designation}: for staff, network and commissioners; not for patient accounts. */
@RestController
class DesignationApi {

    private final DesignationReport report;
    private final CurrentActor currentActor;

    DesignationApi(DesignationReport report, CurrentActor currentActor) {
        this.report = report;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/reports/designation")
    DesignationReport.Report designation() {
        if (currentActor.require().hasRole("PATIENT")) {
            throw new AccessDeniedException("Network reports are for staff");
        }
        return report.report();
    }
}
