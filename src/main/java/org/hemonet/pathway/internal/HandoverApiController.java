package org.hemonet.pathway.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.hemonet.pathway.Handover;
import org.hemonet.pathway.HandoverView;
import org.hemonet.pathway.Handovers;
import org.hemonet.pathway.TransitionReport;
import org.hemonet.pathway.TransitionReports;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hand-over to adult care (issue 17): {@code POST /api/v1/patients/{id}/handover} {@code {"toCentreId",
 * "summary"}} → 201 the hand-over; {@code GET /api/v1/handovers/{id}} → it with the record's summary; {@code GET
 * /api/v1/handovers/{id}/letter.pdf} → the summary letter; {@code GET /api/v1/transition-report?centreId=} → the
 * centre's 12–18-year-olds by stage with who is overdue.
 */
@RestController
@RequestMapping("/api/v1")
class HandoverApiController {

    private final Handovers handovers;
    private final CurrentActor currentActor;
    private final HandoverLetterPdf pdf;
    private final TransitionReports reports;

    HandoverApiController(
            Handovers handovers, CurrentActor currentActor, HandoverLetterPdf pdf, TransitionReports reports) {
        this.reports = reports;
        this.handovers = handovers;
        this.currentActor = currentActor;
        this.pdf = pdf;
    }

    record HandoverRequest(@Nullable UUID toCentreId, @Nullable String summary) {}

    record HandoverResponse(
            UUID id,
            UUID patientId,
            UUID fromCentreId,
            UUID toCentreId,
            Instant handedOverAt,
            String handedOverBy,
            Instant readAccessUntil,
            String summary,
            int ageYears,
            @Nullable String stage,
            int checklistDone,
            String letter,
            @Nullable String patientName,
            @Nullable String fromCentreName,
            @Nullable String toCentreName) {

        static HandoverResponse of(Handover h, @Nullable HandoverView v) {
            return new HandoverResponse(
                    h.id(),
                    h.patientId(),
                    h.fromCentreId(),
                    h.toCentreId(),
                    h.handedOverAt(),
                    h.handedOverBy(),
                    h.readAccessUntil(),
                    h.summary(),
                    h.ageYears(),
                    h.stage(),
                    h.checklistDone(),
                    "/api/v1/handovers/" + h.id() + "/letter.pdf",
                    v == null ? null : v.patient().fullName(),
                    v == null ? null : v.fromCentreName(),
                    v == null ? null : v.toCentreName());
        }
    }

    @PostMapping("/patients/{id}/handover")
    ResponseEntity<HandoverResponse> handOver(@PathVariable UUID id, @RequestBody HandoverRequest body) {
        Handover h = handovers.handOver(currentActor.require(), id, body.toCentreId(), body.summary());
        return ResponseEntity.created(URI.create("/api/v1/handovers/" + h.id()))
                .cacheControl(CacheControl.noStore())
                .body(HandoverResponse.of(h, null));
    }

    @GetMapping("/handovers/{id}")
    ResponseEntity<HandoverResponse> get(@PathVariable UUID id) {
        HandoverView v = handovers.view(currentActor.require(), id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(HandoverResponse.of(v.handover(), v));
    }

    /** The centre's 12–18-year-olds by transition stage with who is overdue (centre staff, their centres). */
    @GetMapping("/transition-report")
    ResponseEntity<TransitionReport> report(@RequestParam(required = false) @Nullable UUID centreId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(reports.report(currentActor.require(), centreId));
    }

    @GetMapping(value = "/handovers/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        byte[] body = pdf.render(handovers.view(currentActor.require(), id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"handover-letter.pdf\"")
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
