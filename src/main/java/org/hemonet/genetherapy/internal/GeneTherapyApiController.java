package org.hemonet.genetherapy.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.genetherapy.AntithrombinLowering;
import org.hemonet.genetherapy.GeneTherapies;
import org.hemonet.genetherapy.GeneTherapyAlert;
import org.hemonet.genetherapy.GeneTherapyOutcomes;
import org.hemonet.genetherapy.GeneTherapyRequest;
import org.hemonet.genetherapy.GeneTherapySettings;
import org.hemonet.genetherapy.GeneTherapyView;
import org.hemonet.genetherapy.SteroidCourseRequest;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 21's gene therapy and antithrombin-lowering API (docs/api.md, docs/gene-therapy.md):
 *
 * <ul>
 *   <li>{@code POST /api/v1/patients/{id}/gene-therapies} → 201 the record with its {@code schedule};
 *   <li>{@code GET /api/v1/patients/{id}/gene-therapies/{gid}} → {@code expression}, {@code alerts}, {@code nextDue},
 *       …; {@code …/outcomes?years=} → before and after; {@code POST …/void} {@code {"reason"}};
 *   <li>{@code POST …/gene-therapies/{gid}/alerts/{aid}/acknowledgement} {@code {"note"}} → 200, 409 when done;
 *   <li>{@code POST …/gene-therapies/{gid}/steroid-courses} → 201; {@code POST …/steroid-courses/{cid}/steps} → 201;
 *   <li>{@code GET /api/v1/gene-therapies} → the centre's list; {@code GET|PUT
 *       /api/v1/gene-therapy-products/{productId}/settings} → the follow-up template and thresholds;
 *   <li>{@code GET /api/v1/reports/gene-therapy} → before and after across the network (aggregate roles);
 *   <li>{@code GET /api/v1/gene-therapy-registry.csv} → the long-term registry export (consenting patients);
 *   <li>{@code POST|GET /api/v1/patients/{id}/antithrombin-lowering} and {@code POST
 *       …/antithrombin-lowering/recommendations/{rid}/decision} {@code {"decision": "CONFIRM"|"DECLINE"}}.
 * </ul>
 */
@RestController
class GeneTherapyApiController {

    private final GeneTherapies therapies;
    private final GeneTherapyOutcomes outcomes;
    private final AntithrombinLowering antithrombin;
    private final org.hemonet.genetherapy.GeneTherapyRegistry registry;
    private final org.hemonet.genetherapy.GeneTherapyNetworkReport networkReport;
    private final CurrentActor currentActor;

    GeneTherapyApiController(
            GeneTherapies therapies,
            GeneTherapyOutcomes outcomes,
            AntithrombinLowering antithrombin,
            org.hemonet.genetherapy.GeneTherapyRegistry registry,
            org.hemonet.genetherapy.GeneTherapyNetworkReport networkReport,
            CurrentActor currentActor) {
        this.therapies = therapies;
        this.networkReport = networkReport;
        this.registry = registry;
        this.outcomes = outcomes;
        this.antithrombin = antithrombin;
        this.currentActor = currentActor;
    }

    record Items<T>(List<T> items) {}

    record ReasonBody(@Nullable String reason) {}

    record NoteBody(@Nullable String note) {}

    record DecisionBody(@Nullable String decision) {}

    /** A row of the centre's list, without the patient's full summary. */
    record CentreItem(
            UUID patientId,
            String patientName,
            UUID geneTherapyId,
            String product,
            java.time.LocalDate infusedOn,
            java.time.@Nullable LocalDate nextDue,
            @Nullable String nextStatus,
            int overdue,
            int missed,
            List<GeneTherapyAlert> openAlerts) {}

    @PostMapping("/api/v1/patients/{patientId}/gene-therapies")
    ResponseEntity<GeneTherapyView> record(@PathVariable UUID patientId, @RequestBody GeneTherapyRequest request) {
        GeneTherapyView view = therapies.record(currentActor.require(), patientId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/gene-therapies/" + view.id()))
                .cacheControl(CacheControl.noStore())
                .body(view);
    }

    @GetMapping("/api/v1/patients/{patientId}/gene-therapies/{geneTherapyId}")
    ResponseEntity<GeneTherapyView> get(@PathVariable UUID patientId, @PathVariable UUID geneTherapyId) {
        return noStore(therapies.get(currentActor.require(), patientId, geneTherapyId));
    }

    @GetMapping("/api/v1/patients/{patientId}/gene-therapies")
    ResponseEntity<Items<GeneTherapyView>> ofPatient(@PathVariable UUID patientId) {
        return noStore(new Items<>(
                therapies.ofPatient(currentActor.require(), patientId).stream().toList()));
    }

    @GetMapping("/api/v1/patients/{patientId}/gene-therapies/{geneTherapyId}/outcomes")
    ResponseEntity<GeneTherapyOutcomes.BeforeAfter> outcomes(
            @PathVariable UUID patientId,
            @PathVariable UUID geneTherapyId,
            @RequestParam(defaultValue = "1") int years) {
        return noStore(outcomes.beforeAfter(currentActor.require(), patientId, geneTherapyId, years));
    }

    @PostMapping("/api/v1/patients/{patientId}/gene-therapies/{geneTherapyId}/void")
    ResponseEntity<Void> voidTherapy(
            @PathVariable UUID patientId, @PathVariable UUID geneTherapyId, @RequestBody ReasonBody body) {
        therapies.voidTherapy(currentActor.require(), patientId, geneTherapyId, body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/patients/{patientId}/gene-therapies/{geneTherapyId}/alerts/{alertId}/acknowledgement")
    ResponseEntity<GeneTherapyAlert> acknowledge(
            @PathVariable UUID patientId,
            @PathVariable UUID geneTherapyId,
            @PathVariable UUID alertId,
            @RequestBody(required = false) @Nullable NoteBody body) {
        return noStore(therapies.acknowledge(
                currentActor.require(), patientId, geneTherapyId, alertId, body == null ? null : body.note()));
    }

    @PostMapping("/api/v1/patients/{patientId}/gene-therapies/{geneTherapyId}/steroid-courses")
    ResponseEntity<GeneTherapyView.CourseView> startSteroids(
            @PathVariable UUID patientId, @PathVariable UUID geneTherapyId, @RequestBody SteroidCourseRequest body) {
        GeneTherapyView.CourseView course =
                therapies.startSteroids(currentActor.require(), patientId, geneTherapyId, body);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/gene-therapies/" + geneTherapyId))
                .cacheControl(CacheControl.noStore())
                .body(course);
    }

    @PostMapping("/api/v1/patients/{patientId}/gene-therapies/{geneTherapyId}/steroid-courses/{courseId}/steps")
    ResponseEntity<GeneTherapyView.CourseView> taper(
            @PathVariable UUID patientId,
            @PathVariable UUID geneTherapyId,
            @PathVariable UUID courseId,
            @RequestBody SteroidCourseRequest.StepRequest body) {
        GeneTherapyView.CourseView course =
                therapies.taper(currentActor.require(), patientId, geneTherapyId, courseId, body);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/gene-therapies/" + geneTherapyId))
                .cacheControl(CacheControl.noStore())
                .body(course);
    }

    @GetMapping("/api/v1/gene-therapies")
    ResponseEntity<Items<CentreItem>> centreList() {
        return noStore(new Items<>(therapies.centreList(currentActor.require()).stream()
                .map(r -> new CentreItem(
                        r.patient().id(),
                        r.patient().fullName(),
                        r.geneTherapyId(),
                        r.productName(),
                        r.infusedOn(),
                        r.next() == null ? null : r.next().due(),
                        r.next() == null ? null : r.next().status().name(),
                        r.overdue(),
                        r.missed(),
                        r.openAlerts()))
                .toList()));
    }

    /** Outcomes before and after gene therapy across the network, under disclosure control (aggregate roles). */
    @GetMapping("/api/v1/reports/gene-therapy")
    ResponseEntity<org.hemonet.genetherapy.GeneTherapyNetworkReport.Report> networkReport() {
        return noStore(networkReport.report(currentActor.require()));
    }

    /** The long-term registry export of the consenting patients of the actor's centres (docs/gene-therapy.md). */
    @GetMapping(value = "/api/v1/gene-therapy-registry.csv", produces = "text/csv")
    ResponseEntity<String> registryExport() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"gene-therapy-registry.csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(registry.export(currentActor.require()));
    }

    @GetMapping("/api/v1/gene-therapy-products/{productId}/settings")
    ResponseEntity<GeneTherapySettings> settings(@PathVariable UUID productId) {
        currentActor.require();
        return noStore(therapies.settings(productId));
    }

    @PutMapping("/api/v1/gene-therapy-products/{productId}/settings")
    ResponseEntity<GeneTherapySettings> saveSettings(
            @PathVariable UUID productId, @RequestBody GeneTherapySettings body) {
        return noStore(therapies.saveSettings(currentActor.require(), productId, body));
    }

    @PostMapping("/api/v1/patients/{patientId}/antithrombin-lowering")
    ResponseEntity<AntithrombinLowering.CourseView> startAntithrombin(
            @PathVariable UUID patientId, @RequestBody AntithrombinLowering.StartRequest body) {
        AntithrombinLowering.CourseView course = antithrombin.start(currentActor.require(), patientId, body);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/antithrombin-lowering"))
                .cacheControl(CacheControl.noStore())
                .body(course);
    }

    @GetMapping("/api/v1/patients/{patientId}/antithrombin-lowering")
    ResponseEntity<AntithrombinLowering.CourseView> antithrombin(@PathVariable UUID patientId) {
        return noStore(antithrombin
                .course(currentActor.require(), patientId)
                .orElseThrow(() -> new NotFoundException("antithrombin-lowering course")));
    }

    @PostMapping("/api/v1/patients/{patientId}/antithrombin-lowering/recommendations/{recommendationId}/decision")
    ResponseEntity<AntithrombinLowering.CourseView> decide(
            @PathVariable UUID patientId, @PathVariable UUID recommendationId, @RequestBody DecisionBody body) {
        return noStore(antithrombin.decide(currentActor.require(), patientId, recommendationId, body.decision()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
