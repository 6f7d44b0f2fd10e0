package org.hemonet.diary.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.SyncEntry;
import org.hemonet.diary.SyncRequest;
import org.hemonet.diary.SyncResult;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.ProblemTypes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline sync (issue 6, security.md §17): {@code POST /api/v1/diary/sync} with an {@code Idempotency-Key}. The same
 * key and body again replays the first response and stores nothing twice; the same key with another body is 422; a
 * retry while the first is still running is 409. A batch is stored all or nothing; a refused batch answers 400 with
 * one error per faulty entry ({@code errors: [{index, id, field, message}]}).
 */
@RestController
class SyncController {

    private final BleedDiary diary;
    private final SyncRequests keys;
    private final CurrentActor currentActor;
    private final AccessPolicy accessPolicy;
    private final JsonMapper json;

    SyncController(
            BleedDiary diary,
            SyncRequests keys,
            CurrentActor currentActor,
            AccessPolicy accessPolicy,
            JsonMapper json) {
        this.diary = diary;
        this.keys = keys;
        this.currentActor = currentActor;
        this.accessPolicy = accessPolicy;
        this.json = json;
    }

    @PostMapping("/api/v1/diary/sync")
    ResponseEntity<String> sync(
            @RequestHeader("Idempotency-Key") String key, @RequestBody SyncRequest body, HttpServletRequest request) {
        Actor actor = currentActor.require();
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        if (key.isBlank() || key.length() > 200) {
            throw new InvalidInputException("Idempotency-Key", "Send 1 to 200 characters, e.g. a UUID.");
        }
        List<SyncEntry> entries = body.entries();
        if (entries == null) {
            throw new InvalidInputException("entries", "This field is required.");
        }
        String hash = sha256(json.writeValueAsString(body));
        SyncRequests.Claim claim = keys.claim(actor.accountId(), key, hash);
        if (claim instanceof SyncRequests.Replay replay) {
            return respond(replay.status(), replay.body());
        }
        if (claim instanceof SyncRequests.BodyMismatch) {
            return respond(
                    422,
                    problem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency key reused",
                            "This Idempotency-Key was sent before with a different body. Use a new key.",
                            request,
                            List.of()));
        }
        if (claim instanceof SyncRequests.InFlight) {
            return respond(
                    409,
                    problem(
                            HttpStatus.CONFLICT,
                            ProblemTypes.REQUEST_IN_FLIGHT,
                            "Request in flight",
                            "A request with this Idempotency-Key is still being processed. Retry in a moment.",
                            request,
                            List.of()));
        }
        try {
            String[] stored = new String[1];
            SyncResult result = diary.sync(actor, entries, ok -> {
                stored[0] = accepted(ok);
                keys.complete(actor.accountId(), key, 200, stored[0]);
            });
            if (result.accepted()) {
                return respond(200, stored[0]);
            }
            List<Map<String, Object>> errors = new ArrayList<>();
            for (SyncResult.EntryError e : result.errors()) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("index", e.index());
                error.put("id", e.id());
                error.put("field", e.field());
                error.put("message", e.message());
                errors.add(error);
            }
            return refuse(
                    actor,
                    key,
                    invalid(
                            result.errors().size() + " of " + entries.size()
                                    + " entries are not valid; nothing was stored.",
                            request,
                            errors));
        } catch (InvalidInputException e) {
            String field = e.field() == null ? "entries" : e.field();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", e.getMessage());
            return refuse(actor, key, invalid(e.getMessage(), request, List.of(error)));
        } catch (RuntimeException e) {
            keys.fail(actor.accountId(), key);
            throw e;
        }
    }

    private ResponseEntity<String> refuse(Actor actor, String key, String body) {
        keys.completeAlone(actor.accountId(), key, 400, body);
        return respond(400, body);
    }

    private String accepted(SyncResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "stored",
                result.entries().stream()
                        .filter(e -> e.status().equals("CREATED"))
                        .count());
        body.put("entries", result.entries());
        return json.writeValueAsString(body);
    }

    private String invalid(String detail, HttpServletRequest request, List<Map<String, Object>> errors) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", detail, request, errors);
    }

    private String problem(
            HttpStatus status,
            java.net.URI type,
            String title,
            String detail,
            HttpServletRequest request,
            List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        if (!errors.isEmpty()) {
            body.put("field", errors.get(0).get("field"));
            body.put("errors", errors);
        }
        return json.writeValueAsString(body);
    }

    private static ResponseEntity<String> respond(int status, String body) {
        return ResponseEntity.status(status)
                .contentType(status >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
