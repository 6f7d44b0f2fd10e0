package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The system-level Bulk Data operations (issue 15): {@code GET /fhir/$export} (kick-off), {@code GET
 * /fhir/$export-poll-status?_jobId=} (202 with {@code X-Progress} while running, then 200 with the manifest) and
 * {@code GET /fhir/$export-file?_jobId=&_type=} (one NDJSON file, with the same bearer token). {@code Patient/$export}
 * and {@code Group/{id}/$export} kick off through {@link PatientProvider} and {@link GroupProvider}, here.
 */
@Component
public class BulkExportProvider {

    private final BulkExports exports;
    private final CurrentActor currentActor;
    private final ObjectMapper json;

    BulkExportProvider(BulkExports exports, CurrentActor currentActor, ObjectMapper json) {
        this.exports = exports;
        this.currentActor = currentActor;
        this.json = json;
    }

    @Operation(name = "$export", manualResponse = true, idempotent = true)
    public void export(
            @OperationParam(name = "_type") @Nullable IPrimitiveType<String> type,
            @OperationParam(name = "_since") @Nullable IPrimitiveType<String> since,
            @OperationParam(name = "_outputFormat") @Nullable IPrimitiveType<String> format,
            @OperationParam(name = "pseudonymised") @Nullable IPrimitiveType<String> pseudonymised,
            ServletRequestDetails request)
            throws IOException {
        kickOff(BulkExports.Level.SYSTEM, null, type, since, format, pseudonymised, request);
    }

    /** Starts an export and answers 202 with the status URL in {@code Content-Location}. */
    void kickOff(
            BulkExports.Level level,
            @Nullable UUID centreId,
            @Nullable IPrimitiveType<String> type,
            @Nullable IPrimitiveType<String> since,
            @Nullable IPrimitiveType<String> format,
            @Nullable IPrimitiveType<String> pseudonymised,
            ServletRequestDetails request)
            throws IOException {
        String prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            throw FhirErrors.badRequest("A bulk export runs asynchronously: send the header Prefer: respond-async.");
        }
        String outputFormat = value(format);
        if (outputFormat != null
                && !Set.of("application/fhir+ndjson", "application/ndjson", "ndjson")
                        .contains(outputFormat)) {
            throw FhirErrors.badRequest("_outputFormat: only application/fhir+ndjson is offered.");
        }
        BulkExports.Request parsed =
                new BulkExports.Request(types(value(type)), instant(value(since)), "true".equals(value(pseudonymised)));
        Actor actor = currentActor.require();
        String url = request.getCompleteUrl();
        BulkExports.Job job = exports.start(actor, level, centreId, url, parsed);
        HttpServletResponse response = request.getServletResponse();
        response.setStatus(202);
        response.setHeader("Content-Location", request.getFhirServerBase() + "/$export-poll-status?_jobId=" + job.id);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().close();
    }

    /**
     * Polls a job ({@code GET}) or cancels it ({@code DELETE}: 202, the job and its files gone, then 404 like an unknown
     * job; Bulk Data Access IG 2.0).
     */
    @Operation(name = "$export-poll-status", manualResponse = true, idempotent = true, deleteEnabled = true)
    public void status(
            @OperationParam(name = "_jobId") @Nullable IPrimitiveType<String> jobId, ServletRequestDetails request)
            throws IOException {
        BulkExports.Job job = job(jobId);
        HttpServletResponse response = request.getServletResponse();
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestType() == ca.uhn.fhir.rest.api.RequestTypeEnum.DELETE) {
            exports.cancel(currentActor.require(), job);
            response.setStatus(202);
            response.getOutputStream().close();
            return;
        }
        switch (job.status) {
            case RUNNING -> {
                response.setStatus(202);
                response.setHeader("X-Progress", job.done + " of " + job.total + " patients");
                response.setHeader("Retry-After", "2");
                response.getOutputStream().close();
            }
            case FAILED ->
                throw new ca.uhn.fhir.rest.server.exceptions.InternalErrorException(String.valueOf(job.error));
            case DONE -> {
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("transactionTime", DateTimeFormatter.ISO_INSTANT.format(job.transactionTime));
                manifest.put("request", job.request);
                manifest.put("requiresAccessToken", true);
                List<Map<String, Object>> output = new ArrayList<>();
                job.counts.forEach((type, count) -> {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("type", type);
                    file.put("url", request.getFhirServerBase() + "/$export-file?_jobId=" + job.id + "&_type=" + type);
                    file.put("count", count);
                    output.add(file);
                });
                manifest.put("output", output);
                List<Map<String, Object>> errors = new ArrayList<>();
                if (!job.errors.isEmpty()) {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("type", "OperationOutcome");
                    file.put(
                            "url",
                            request.getFhirServerBase() + "/$export-file?_jobId=" + job.id + "&_type=OperationOutcome");
                    file.put("count", job.errors.size());
                    errors.add(file);
                }
                manifest.put("error", errors);
                response.setStatus(200);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.setHeader(
                        "Expires",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(java.util.Objects.requireNonNull(job.endedAt)
                                .plus(BulkExports.KEPT)
                                .atZone(java.time.ZoneOffset.UTC)));
                try (OutputStream out = response.getOutputStream()) {
                    out.write(json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Operation(name = "$export-file", manualResponse = true, idempotent = true)
    public void file(
            @OperationParam(name = "_jobId") @Nullable IPrimitiveType<String> jobId,
            @OperationParam(name = "_type") @Nullable IPrimitiveType<String> type,
            ServletRequestDetails request)
            throws IOException {
        BulkExports.Job job = job(jobId);
        String wanted = value(type);
        boolean known = wanted != null
                && (job.counts.containsKey(wanted) || (wanted.equals("OperationOutcome") && !job.errors.isEmpty()));
        if (job.status != BulkExports.Status.DONE || !known) {
            throw FhirErrors.notFound();
        }
        HttpServletResponse response = request.getServletResponse();
        response.setStatus(200);
        response.setContentType("application/fhir+ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(job.file(java.util.Objects.requireNonNull(wanted)), out);
        }
    }

    private BulkExports.Job job(@Nullable IPrimitiveType<String> jobId) {
        String id = value(jobId);
        UUID uuid;
        try {
            uuid = UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw FhirErrors.notFound();
        }
        return exports.find(currentActor.require(), uuid).orElseThrow(FhirErrors::notFound);
    }

    private static @Nullable String value(@Nullable IPrimitiveType<String> p) {
        return p == null || p.getValueAsString() == null || p.getValueAsString().isBlank()
                ? null
                : p.getValueAsString().strip();
    }

    static Set<String> types(@Nullable String list) {
        if (list == null) {
            return new LinkedHashSet<>(BulkExports.TYPES);
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : list.split(",")) {
            String type = t.strip();
            if (!BulkExports.TYPES.contains(type)) {
                throw FhirErrors.badRequest("_type: " + type + " is not exported; the types are "
                        + String.join(", ", BulkExports.TYPES) + ".");
            }
            types.add(type);
        }
        return types;
    }

    static java.time.@Nullable Instant instant(@Nullable String since) {
        if (since == null) {
            return null;
        }
        try {
            return new InstantType(since).getValue().toInstant();
        } catch (RuntimeException e) {
            throw FhirErrors.badRequest("_since: give an instant such as 2026-01-01T00:00:00Z.");
        }
    }
}
