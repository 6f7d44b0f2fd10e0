package org.hemonet.trial.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.trial.Approach;
import org.hemonet.trial.ApproachStatus;
import org.hemonet.trial.Candidate;
import org.hemonet.trial.NewTrial;
import org.hemonet.trial.Trial;
import org.hemonet.trial.Trials;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clinical trials (issue 17): {@code GET/POST /api/v1/trials}, {@code GET /api/v1/trials/{id}} (with its approaches),
 * {@code POST /api/v1/trials/{id}/close} (If-Match), {@code GET /api/v1/trials/{id}/candidates}, {@code POST
 * /api/v1/trials/{id}/approaches}; {@code GET/PUT /api/v1/patients/{id}/research-interest}.
 */
@RestController
@RequestMapping("/api/v1")
class TrialApiController {

    private final Trials trials;
    private final CurrentActor currentActor;

    TrialApiController(Trials trials, CurrentActor currentActor) {
        this.trials = trials;
        this.currentActor = currentActor;
    }

    record Items<T>(List<T> items) {}

    record TrialWithApproaches(Trial trial, List<Approach> approaches) {}

    record ApproachRequest(
            @Nullable UUID patientId,
            @Nullable ApproachStatus status,
            @Nullable LocalDate onDate,
            @Nullable String note) {}

    record Interest(@Nullable Boolean interested) {}

    @GetMapping("/trials")
    Items<Trial> list() {
        return new Items<>(trials.ofMyCentres(currentActor.require()));
    }

    @PostMapping("/trials")
    ResponseEntity<Trial> create(@RequestBody NewTrial request) {
        Trial trial = trials.create(currentActor.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/trials/" + trial.id()))
                .eTag("\"" + trial.version() + "\"")
                .body(trial);
    }

    @GetMapping("/trials/{id}")
    ResponseEntity<TrialWithApproaches> read(@PathVariable UUID id) {
        var actor = currentActor.require();
        Trial trial = trials.open(actor, id);
        return ResponseEntity.ok()
                .eTag("\"" + trial.version() + "\"")
                .body(new TrialWithApproaches(trial, trials.approaches(actor, id)));
    }

    @PostMapping("/trials/{id}/close")
    ResponseEntity<Trial> close(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        if (ifMatch == null) {
            throw new InvalidInputException("If-Match", "Send the trial's version (its ETag) as If-Match.");
        }
        int version;
        try {
            version =
                    Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "The version is a whole number, as in the ETag.");
        }
        Trial trial = trials.close(currentActor.require(), id, version);
        return ResponseEntity.ok().eTag("\"" + trial.version() + "\"").body(trial);
    }

    @GetMapping("/trials/{id}/candidates")
    Items<Candidate> candidates(@PathVariable UUID id) {
        return new Items<>(trials.candidates(currentActor.require(), id));
    }

    @PostMapping("/trials/{id}/approaches")
    ResponseEntity<Approach> approach(@PathVariable UUID id, @RequestBody ApproachRequest request) {
        Approach a = trials.recordApproach(
                currentActor.require(), id, request.patientId(), request.status(), request.onDate(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/trials/" + id)).body(a);
    }

    @GetMapping("/patients/{id}/research-interest")
    Interest interest(@PathVariable UUID id) {
        return new Interest(trials.researchInterest(currentActor.require(), id));
    }

    @PutMapping("/patients/{id}/research-interest")
    Interest setInterest(@PathVariable UUID id, @RequestBody Interest request) {
        if (request.interested() == null) {
            throw new InvalidInputException("interested", "Say true or false.");
        }
        return new Interest(trials.setResearchInterest(currentActor.require(), id, request.interested()));
    }
}
