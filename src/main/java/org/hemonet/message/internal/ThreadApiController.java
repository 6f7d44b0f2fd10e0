package org.hemonet.message.internal;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.message.AttachmentFile;
import org.hemonet.message.MessageThread;
import org.hemonet.message.NewThreadRequest;
import org.hemonet.message.ThreadAssignmentRequest;
import org.hemonet.message.ThreadFilter;
import org.hemonet.message.ThreadPost;
import org.hemonet.message.ThreadPostRequest;
import org.hemonet.message.ThreadSummary;
import org.hemonet.message.Threads;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Secure messaging over HTTP (issue 16; docs/api.md). Patient data: never cached. */
@RestController
class ThreadApiController {

    /** The list of threads: {@code {"items": [...]}}. */
    record ThreadList(List<ThreadSummary> items) {}

    private final Threads threads;
    private final CurrentActor currentActor;

    ThreadApiController(Threads threads, CurrentActor currentActor) {
        this.threads = threads;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/threads")
    ResponseEntity<ThreadList> list(@RequestParam(defaultValue = "OPEN") ThreadFilter filter) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new ThreadList(threads.list(currentActor.require(), filter)));
    }

    @PostMapping("/api/v1/threads")
    ResponseEntity<MessageThread> start(@Valid @RequestBody NewThreadRequest request) {
        MessageThread thread =
                threads.start(currentActor.require(), request.patientId(), request.subject(), request.body());
        return ResponseEntity.created(URI.create("/api/v1/threads/" + thread.id()))
                .cacheControl(CacheControl.noStore())
                .body(thread);
    }

    @GetMapping("/api/v1/threads/{id}")
    ResponseEntity<MessageThread> open(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(threads.open(currentActor.require(), id));
    }

    @PostMapping("/api/v1/threads/{id}/messages")
    ResponseEntity<ThreadPost> reply(@PathVariable UUID id, @Valid @RequestBody ThreadPostRequest request) {
        ThreadPost post = threads.reply(currentActor.require(), id, request.body());
        return ResponseEntity.created(URI.create("/api/v1/threads/" + id))
                .cacheControl(CacheControl.noStore())
                .body(post);
    }

    @PostMapping(path = "/api/v1/threads/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ThreadPost> attach(
            @PathVariable UUID id, @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws java.io.IOException {
        if (file == null) {
            throw new InvalidInputException("file", "Send the file as the multipart part 'file'.");
        }
        ThreadPost post = threads.attach(currentActor.require(), id, file.getOriginalFilename(), file.getBytes());
        URI location = URI.create(
                "/api/v1/threads/" + id + "/attachments/" + post.attachment().id());
        return ResponseEntity.created(location)
                .cacheControl(CacheControl.noStore())
                .body(post);
    }

    @GetMapping("/api/v1/threads/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return download(threads.attachment(currentActor.require(), id, attachmentId));
    }

    @PutMapping("/api/v1/threads/{id}/assignment")
    ResponseEntity<MessageThread> assign(@PathVariable UUID id, @RequestBody ThreadAssignmentRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(threads.assign(currentActor.require(), id, request.assignedTo()));
    }

    @PostMapping("/api/v1/threads/{id}/done")
    ResponseEntity<MessageThread> done(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(threads.markDone(currentActor.require(), id));
    }

    /** An attachment's bytes: images shown inline, PDFs downloaded; never cached, never sniffed. */
    static ResponseEntity<byte[]> download(AttachmentFile file) {
        ContentDisposition disposition = (file.contentType().startsWith("image/")
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }
}
