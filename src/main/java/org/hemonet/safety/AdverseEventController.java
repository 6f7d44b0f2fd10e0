package org.hemonet.safety;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adverse event reports (issue 13, "API (the contract)"):
 *
 * <ul>
 *   <li>{@code POST /api/v1/adverse-events} → 201 with the report ({@code id, version, status, …}) and its ETag;
 *   <li>{@code GET /api/v1/adverse-events?patientId=&centreId=&status=} → {@code {"items": [...]}};
 *   <li>{@code GET /api/v1/adverse-events/{id}} → the report with its ETag;
 *   <li>{@code PATCH /api/v1/adverse-events/{id}} with {@code If-Match} → the changed report; stale → 412.
 * </ul>
 */
@RestController
class AdverseEventController {

    private final AdverseEvents events;
    private final CurrentActor currentActor;

    AdverseEventController(AdverseEvents events, CurrentActor currentActor) {
        this.events = events;
        this.currentActor = currentActor;
    }

    record Items(List<AdverseEvent> items) {}

    @PostMapping("/api/v1/adverse-events")
    ResponseEntity<AdverseEvent> report(@RequestBody AdverseEventRequest request) {
        AdverseEvent event = events.report(currentActor.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/adverse-events/" + event.id()))
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + event.version() + "\"")
                .body(event);
    }

    @GetMapping("/api/v1/adverse-events")
    ResponseEntity<Items> list(
            @RequestParam(required = false) @Nullable UUID patientId,
            @RequestParam(required = false) @Nullable UUID centreId,
            @RequestParam(required = false) @Nullable AdverseEventStatus status) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Items(events.list(currentActor.require(), patientId, centreId, status)));
    }

    @GetMapping("/api/v1/adverse-events/{id}")
    ResponseEntity<AdverseEvent> get(@PathVariable UUID id) {
        AdverseEvent event = events.get(currentActor.require(), id);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + event.version() + "\"")
                .body(event);
    }

    @PatchMapping("/api/v1/adverse-events/{id}")
    ResponseEntity<AdverseEvent> change(
            @PathVariable UUID id, @RequestHeader("If-Match") String ifMatch, @RequestBody AdverseEventChange change) {
        AdverseEvent event = events.change(currentActor.require(), id, version(ifMatch), change);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + event.version() + "\"")
                .body(event);
    }

    /** Accepts {@code "3"}, {@code W/"3"} and {@code 3}. */
    static int version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Integer.parseInt(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "Send the ETag of the report you read as If-Match.");
        }
    }
}
