package org.hemonet.report;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual report (issue 18): {@code POST /api/v1/reports/annual {"year", "centreId"}} → 202 with the job's URL in
 * {@code Location} and the body; {@code GET} of that URL → 202 with the status and progress while it runs, 200 {@code
 * application/pdf} when done, 500 problem when it failed. The 202 is JSON whatever the {@code Accept} header. A {@code centreId} of null is the network's report.
 */
@RestController
class AnnualReportApi {

    private final AnnualReportJobs jobs;
    private final CurrentActor currentActor;

    AnnualReportApi(AnnualReportJobs jobs, CurrentActor currentActor) {
        this.jobs = jobs;
        this.currentActor = currentActor;
    }

    record AnnualRequest(@Nullable Integer year, @Nullable UUID centreId) {}

    record JobStatus(UUID id, String url, int year, @Nullable UUID centreId, String status, int progress) {}

    @PostMapping(path = "/api/v1/reports/annual", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobStatus> start(@RequestBody AnnualRequest request, Locale locale) {
        if (request.year() == null) {
            throw new InvalidInputException("year", "Give the year of the report, such as 2025.");
        }
        AnnualReportJobs.Job job = jobs.start(currentActor.require(), request.year(), request.centreId(), locale);
        JobStatus status = status(job);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(status.url()))
                .cacheControl(CacheControl.noStore())
                .body(status);
    }

    @GetMapping("/api/v1/reports/annual/{id}")
    ResponseEntity<?> job(@PathVariable UUID id) {
        AnnualReportJobs.Job job =
                jobs.find(currentActor.require(), id).orElseThrow(() -> new NotFoundException("annual report job"));
        return switch (job.status) {
            case DONE ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"hemonet-annual-report-" + job.year + ".pdf\"")
                        .body(job.pdf);
            case FAILED -> throw new IllegalStateException("the annual report could not be generated");
            default ->
                // JSON whatever the Accept header: a client polling for the PDF (Accept: application/pdf) is told
                // the job still runs, not refused
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .body(status(job));
        };
    }

    static JobStatus status(AnnualReportJobs.Job job) {
        return new JobStatus(
                job.id, "/api/v1/reports/annual/" + job.id, job.year, job.centreId, job.status.name(), job.progress);
    }
}
