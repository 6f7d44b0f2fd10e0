package org.hemonet.message;

import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The inbox over HTTP: list, read one, acknowledge a safety message. Patient data: never cached. */
@RestController
class MessageApiController {

    private final Messages messages;
    private final CurrentActor currentActor;

    MessageApiController(Messages messages, CurrentActor currentActor) {
        this.messages = messages;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/messages")
    ResponseEntity<List<Message>> inbox() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(messages.inbox(currentActor.require()));
    }

    @GetMapping("/api/v1/messages/{id}")
    ResponseEntity<Message> message(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(messages.open(currentActor.require(), id));
    }

    @PostMapping("/api/v1/messages/{id}/acknowledgement")
    ResponseEntity<Message> acknowledge(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(messages.acknowledge(currentActor.require(), id));
    }
}
