package org.hemonet.pathway.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.pathway.AnnualReview;
import org.hemonet.pathway.AnnualReviews;
import org.hemonet.pathway.Discipline;
import org.hemonet.pathway.ReviewDue;
import org.hemonet.pathway.ReviewFigures;
import org.hemonet.pathway.ReviewPart;
import org.hemonet.pathway.ReviewStatus;
import org.hemonet.pathway.SharedDecision;
import org.hemonet.pathway.SharedDecisionRequest;
import org.hemonet.pathway.SharedDecisions;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 17's annual review and shared decisions API:
 *
 * <ul>
 *   <li>{@code POST /api/v1/patients/{id}/annual-reviews} (optional {@code {"gp"}}) → 201 {@code {"id", "due",
 *       "sections": {...}, "version", …}} with its ETag; 409 while one is in progress;
 *   <li>{@code GET /api/v1/patients/{id}/annual-reviews} → {@code {"items"}}; {@code GET /api/v1/annual-reviews/{id}};
 *   <li>{@code PUT /api/v1/annual-reviews/{id}/sections/{discipline}} with {@code If-Match} and {@code {"assessment",
 *       "carePlan"}} → the review; stale → 412; another discipline's part → 403;
 *   <li>{@code POST /api/v1/annual-reviews/{id}/completion} with {@code If-Match} → the signed review (clinician);
 *   <li>{@code GET /api/v1/annual-reviews/{id}/letter.pdf} → {@code application/pdf};
 *   <li>{@code GET /api/v1/annual-reviews/due?centreId=&overdue=} → {@code {"items"}}, soonest due first;
 *   <li>{@code POST|GET /api/v1/patients/{id}/shared-decisions}, {@code POST /api/v1/shared-decisions/{id}/void}.
 * </ul>
 */
@RestController
@RequestMapping("/api/v1")
class AnnualReviewApiController {

    private final AnnualReviews reviews;
    private final SharedDecisions decisions;
    private final CurrentActor currentActor;
    private final ClinicLetterPdf pdf;

    AnnualReviewApiController(
            AnnualReviews reviews, SharedDecisions decisions, CurrentActor currentActor, ClinicLetterPdf pdf) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.currentActor = currentActor;
        this.pdf = pdf;
    }

    record OpenRequest(@Nullable String gp) {}

    record PartRequest(@Nullable String assessment, @Nullable String carePlan) {}

    record VoidRequest(@Nullable String reason) {}

    record Items<T>(List<T> items) {}

    /** The contract's {@code id}, {@code due} and {@code sections}, and the rest beside them. */
    record ReviewResponse(
            UUID id,
            LocalDate due,
            Map<String, @Nullable Object> sections,
            UUID patientId,
            UUID centreId,
            ReviewStatus status,
            int version,
            LocalDate periodFrom,
            LocalDate periodTo,
            @Nullable String gp,
            Instant openedAt,
            String openedBy,
            @Nullable Instant completedAt,
            @Nullable String completedBy,
            @Nullable String completedByName,
            @Nullable LocalDate completedOn,
            String letter) {

        static ReviewResponse of(AnnualReview r) {
            ReviewFigures f = r.figures();
            Map<String, @Nullable Object> sections = new LinkedHashMap<>();
            sections.put("outcomes", f.outcomes());
            sections.put("abrTrend", f.abrTrend());
            sections.put("adherence", f.adherence());
            sections.put("factorUse", f.factorUse());
            sections.put("supply", f.supply());
            sections.put("inhibitors", f.inhibitors());
            sections.put("pkStudies", f.pkStudies());
            sections.put("hjhs", f.hjhs());
            sections.put("surveys", f.surveys() == null ? List.of() : f.surveys());
            List<Map<String, String>> plan = new java.util.ArrayList<>();
            for (Discipline d : Discipline.values()) {
                ReviewPart part = r.part(d);
                sections.put(d.jsonName(), part);
                if (part != null && part.carePlan() != null) {
                    plan.add(Map.of("discipline", d.jsonName(), "text", part.carePlan()));
                }
            }
            sections.put("carePlan", plan);
            return new ReviewResponse(
                    r.id(),
                    r.due(),
                    sections,
                    r.patientId(),
                    r.centreId(),
                    r.status(),
                    r.version(),
                    f.from(),
                    f.to(),
                    r.gp(),
                    r.openedAt(),
                    r.openedBy(),
                    r.completedAt(),
                    r.completedBy(),
                    r.completedByName(),
                    r.completedOn(),
                    "/api/v1/annual-reviews/" + r.id() + "/letter.pdf");
        }
    }

    record DueResponse(
            UUID patientId,
            String fullName,
            UUID centreId,
            @Nullable LocalDate lastReviewedOn,
            LocalDate due,
            boolean overdue,
            long daysOverdue,
            @Nullable UUID openReviewId) {

        static DueResponse of(ReviewDue d) {
            return new DueResponse(
                    d.patientId(),
                    d.fullName(),
                    d.centreId(),
                    d.lastReviewedOn(),
                    d.due(),
                    d.overdue(),
                    d.daysOverdue(),
                    d.openReviewId());
        }
    }

    @PostMapping("/patients/{id}/annual-reviews")
    ResponseEntity<ReviewResponse> open(
            @PathVariable UUID id, @RequestBody(required = false) @Nullable OpenRequest body) {
        AnnualReview review = reviews.open(currentActor.require(), id, body == null ? null : body.gp());
        return ResponseEntity.created(URI.create("/api/v1/annual-reviews/" + review.id()))
                .cacheControl(CacheControl.noStore())
                .eTag(etag(review))
                .body(ReviewResponse.of(review));
    }

    @GetMapping("/patients/{id}/annual-reviews")
    ResponseEntity<Items<ReviewResponse>> list(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Items<>(reviews.reviewsOf(currentActor.require(), id).stream()
                        .map(ReviewResponse::of)
                        .toList()));
    }

    @GetMapping("/annual-reviews/due")
    ResponseEntity<Items<DueResponse>> due(
            @RequestParam(required = false) @Nullable UUID centreId,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Items<>(reviews.due(currentActor.require(), centreId).stream()
                        .filter(d -> !overdue || d.overdue())
                        .map(DueResponse::of)
                        .toList()));
    }

    @GetMapping("/annual-reviews/{id}")
    ResponseEntity<ReviewResponse> get(@PathVariable UUID id) {
        AnnualReview review = reviews.review(currentActor.require(), id);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag(etag(review))
                .body(ReviewResponse.of(review));
    }

    @PutMapping("/annual-reviews/{id}/sections/{discipline}")
    ResponseEntity<ReviewResponse> writePart(
            @PathVariable UUID id,
            @PathVariable String discipline,
            @RequestHeader("If-Match") String ifMatch,
            @RequestBody PartRequest body) {
        Discipline d = Discipline.ofJsonName(discipline)
                .orElseThrow(() -> new InvalidInputException(
                        "discipline", "One of haematology, nursing, physiotherapy or psychosocial."));
        AnnualReview review =
                reviews.writePart(currentActor.require(), id, d, version(ifMatch), body.assessment(), body.carePlan());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag(etag(review))
                .body(ReviewResponse.of(review));
    }

    @PostMapping("/annual-reviews/{id}/completion")
    ResponseEntity<ReviewResponse> complete(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch) {
        AnnualReview review = reviews.complete(currentActor.require(), id, version(ifMatch));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag(etag(review))
                .body(ReviewResponse.of(review));
    }

    @GetMapping(value = "/annual-reviews/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        byte[] body = pdf.render(reviews.letter(currentActor.require(), id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"clinic-letter.pdf\"")
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    @PostMapping("/patients/{id}/shared-decisions")
    ResponseEntity<SharedDecision> decide(@PathVariable UUID id, @RequestBody SharedDecisionRequest body) {
        SharedDecision d = decisions.record(currentActor.require(), id, body);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/shared-decisions/" + d.id()))
                .cacheControl(CacheControl.noStore())
                .body(d);
    }

    @GetMapping("/patients/{id}/shared-decisions")
    ResponseEntity<Items<SharedDecision>> decisions(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Items<>(decisions.decisionsOf(currentActor.require(), id)));
    }

    @PostMapping("/shared-decisions/{id}/void")
    ResponseEntity<SharedDecision> voidDecision(@PathVariable UUID id, @RequestBody VoidRequest body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(decisions.voidDecision(currentActor.require(), id, body.reason()));
    }

    private static String etag(AnnualReview review) {
        return "\"" + review.version() + "\"";
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
            throw new InvalidInputException("If-Match", "Send the ETag of the review you read as If-Match.");
        }
    }
}
