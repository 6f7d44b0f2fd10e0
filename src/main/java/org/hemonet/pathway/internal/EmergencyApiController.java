package org.hemonet.pathway.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.hemonet.pathway.EmergencyAccess;
import org.hemonet.pathway.EmergencyGrant;
import org.hemonet.shared.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issue 17's emergency API: {@code POST /api/v1/patients/{id}/emergency-access} → 201 {@code {"id", "url",
 * "expiresAt"}}, {@code DELETE /api/v1/emergency-access/{id}} → 204, {@code GET
 * /api/v1/patients/{id}/emergency-card.pdf} → the wallet card.
 */
@RestController
@RequestMapping("/api/v1")
class EmergencyApiController {

    private final EmergencyAccess emergency;
    private final CurrentActor currentActor;
    private final EmergencyCardPdf pdf;

    EmergencyApiController(EmergencyAccess emergency, CurrentActor currentActor, EmergencyCardPdf pdf) {
        this.emergency = emergency;
        this.currentActor = currentActor;
        this.pdf = pdf;
    }

    /** The link an A&E clinician opens without signing in, absolute, and until when it opens. */
    record EmergencyAccessResponse(UUID id, String url, Instant expiresAt) {}

    @PostMapping("/patients/{id}/emergency-access")
    ResponseEntity<EmergencyAccessResponse> grant(@PathVariable UUID id) {
        EmergencyGrant grant = emergency.grant(currentActor.require(), id);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(grant.path())
                .toUriString();
        return ResponseEntity.created(URI.create(url))
                .body(new EmergencyAccessResponse(grant.id(), url, grant.expiresAt()));
    }

    @DeleteMapping("/emergency-access/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        emergency.revoke(currentActor.require(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/patients/{id}/emergency-card.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> card(@PathVariable UUID id) {
        byte[] body = pdf.render(emergency.card(currentActor.require(), id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"emergency-card.pdf\"")
                .header("Cache-Control", "no-store")
                .body(body);
    }
}
