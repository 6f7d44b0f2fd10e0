package org.hemonet.supply.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.supply.BatchRecalls;
import org.hemonet.supply.Recall;
import org.hemonet.supply.RecallLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Batch recalls over HTTP. */
@RestController
class RecallApiController {

    private final BatchRecalls recalls;
    private final CurrentActor currentActor;

    RecallApiController(BatchRecalls recalls, CurrentActor currentActor) {
        this.recalls = recalls;
        this.currentActor = currentActor;
    }

    record RecallRequest(
            @Nullable UUID productId,
            @Nullable List<String> batchNumbers,
            @Nullable String reason,
            @Nullable RecallLevel level) {}

    /** Either a patient (the patient, a parent, or their centre on their behalf) or a centre acknowledges. */
    record AcknowledgementRequest(@Nullable UUID patientId, @Nullable UUID centreId) {}

    @PostMapping("/api/v1/recalls")
    ResponseEntity<Recall> issue(@RequestBody RecallRequest request) {
        Recall recall = recalls.issue(
                currentActor.require(), request.productId(), request.batchNumbers(), request.reason(), request.level());
        return ResponseEntity.created(URI.create("/api/v1/recalls/" + recall.id()))
                .cacheControl(CacheControl.noStore())
                .body(recall);
    }

    @GetMapping("/api/v1/recalls/{id}")
    ResponseEntity<Recall> recall(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(recalls.recall(currentActor.require(), id));
    }

    @PostMapping("/api/v1/recalls/{id}/acknowledgements")
    ResponseEntity<Void> acknowledge(@PathVariable UUID id, @RequestBody AcknowledgementRequest request) {
        if (request.patientId() != null && request.centreId() != null) {
            throw new InvalidInputException("centreId", "Acknowledge for a patient or for a centre, not both.");
        }
        if (request.centreId() != null) {
            recalls.acknowledgeCentre(currentActor.require(), id, request.centreId());
            return ResponseEntity.noContent().build();
        }
        if (request.patientId() == null) {
            throw new InvalidInputException("patientId", "A patient (or a centre) is required.");
        }
        recalls.acknowledge(currentActor.require(), id, request.patientId());
        return ResponseEntity.noContent().build();
    }
}
