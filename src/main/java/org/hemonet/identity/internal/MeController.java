package org.hemonet.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is to Hemonet, for apps and scripts (docs/api.md). */
@RestController
class MeController {

    /**
     * @param scopes the token's scopes; empty for a browser session
     * @param patientIds the records a patient or guardian account holds
     */
    record MeResponse(String username, String role, Set<UUID> centreIds, Set<UUID> patientIds, List<String> scopes) {}

    private final CurrentActor currentActor;

    MeController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MeResponse> me(Authentication authentication) {
        Actor actor = currentActor.require();
        List<String> scopes = authentication instanceof BearerActors.BearerActor bearer
                ? bearer.scopes().stream().sorted().toList()
                : List.of();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new MeResponse(actor.username(), actor.role(), actor.centreIds(), actor.patientIds(), scopes));
    }
}
