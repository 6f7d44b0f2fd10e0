package org.hemonet.outcome.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.outcome.JointScoreComparison;
import org.hemonet.outcome.JointScoreRequest;
import org.hemonet.outcome.JointScoreView;
import org.hemonet.outcome.JointScores;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HJHS 2.1 joint scores (issue 6, clinical.md §4):
 *
 * <ul>
 *   <li>{@code POST /api/v1/patients/{id}/joint-scores} → 201 with the score and its totals;
 *   <li>{@code GET /api/v1/patients/{id}/joint-scores?includeReplaced=true} (the flag optional) → the history, oldest first;
 *   <li>{@code GET /api/v1/patients/{id}/joint-scores/comparison?before=&after=} → item and joint-total differences;
 *   <li>{@code POST …/joint-scores/{scoreId}/corrections} (body as for a new score plus {@code reason}) and
 *       {@code POST …/joint-scores/{scoreId}/void} ({@code {"reason"}}): the earlier score is kept; a score that
 *       was corrected or voided meanwhile answers 412 (stale), nothing changed.
 * </ul>
 */
@RestController
class JointScoreController {

    private final JointScores scores;
    private final CurrentActor currentActor;

    JointScoreController(JointScores scores, CurrentActor currentActor) {
        this.scores = scores;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/v1/patients/{patientId}/joint-scores")
    ResponseEntity<JointScoreView> record(@PathVariable UUID patientId, @RequestBody JointScoreRequest request) {
        JointScoreView view = scores.record(currentActor.require(), patientId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/joint-scores/" + view.id()))
                .cacheControl(CacheControl.noStore())
                .body(view);
    }

    @GetMapping("/api/v1/patients/{patientId}/joint-scores")
    ResponseEntity<List<JointScoreView>> history(
            @PathVariable UUID patientId, @RequestParam(defaultValue = "false") boolean includeReplaced) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(scores.history(currentActor.require(), patientId, includeReplaced));
    }

    @GetMapping("/api/v1/patients/{patientId}/joint-scores/comparison")
    ResponseEntity<JointScoreComparison> comparison(
            @PathVariable UUID patientId, @RequestParam UUID before, @RequestParam UUID after) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(scores.compare(currentActor.require(), patientId, before, after));
    }

    @PostMapping("/api/v1/patients/{patientId}/joint-scores/{scoreId}/corrections")
    ResponseEntity<JointScoreView> correct(
            @PathVariable UUID patientId, @PathVariable UUID scoreId, @RequestBody JointScoreRequest request) {
        JointScoreView view = scores.correct(currentActor.require(), patientId, scoreId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/joint-scores/" + view.id()))
                .cacheControl(CacheControl.noStore())
                .body(view);
    }

    record VoidBody(@Nullable String reason) {}

    @PostMapping("/api/v1/patients/{patientId}/joint-scores/{scoreId}/void")
    ResponseEntity<JointScoreView> voidScore(
            @PathVariable UUID patientId, @PathVariable UUID scoreId, @RequestBody VoidBody body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(scores.voidScore(currentActor.require(), patientId, scoreId, body.reason()));
    }
}
