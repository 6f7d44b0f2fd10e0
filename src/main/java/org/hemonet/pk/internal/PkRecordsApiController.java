package org.hemonet.pk.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.pk.FactorLevel;
import org.hemonet.pk.NewFactorLevel;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.SavedStudy;
import org.hemonet.pk.StudyRequest;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Factor-level lab results and saved PK studies over HTTP (issue 7). Patient data answers carry
 * {@code Cache-Control: no-store}; access and audit are {@link PkRecords}'s.
 */
@RestController
class PkRecordsApiController {

    private final PkRecords records;
    private final CurrentActor currentActor;

    PkRecordsApiController(PkRecords records, CurrentActor currentActor) {
        this.records = records;
        this.currentActor = currentActor;
    }

    record VoidStudyRequest(@Nullable String reason) {}

    record StudyListEntry(
            UUID id,
            String model,
            Instant enteredAt,
            String enteredBy,
            double halfLifeHours,
            List<Double> halfLifeCi90,
            int samplesUsed,
            @Nullable Instant signedOffAt,
            @Nullable Instant voidedAt,
            @Nullable String voidReason) {}

    @GetMapping("/api/v1/patients/{patientId}/factor-levels")
    ResponseEntity<List<FactorLevel>> factorLevels(@PathVariable UUID patientId) {
        return noStore(records.factorLevels(currentActor.require(), patientId));
    }

    @PostMapping("/api/v1/patients/{patientId}/factor-levels")
    ResponseEntity<FactorLevel> addFactorLevel(@PathVariable UUID patientId, @RequestBody NewFactorLevel request) {
        FactorLevel level = records.addFactorLevel(currentActor.require(), patientId, request);
        return created("/api/v1/patients/" + patientId + "/factor-levels/" + level.id(), level);
    }

    @GetMapping("/api/v1/patients/{patientId}/pk-studies")
    ResponseEntity<List<StudyListEntry>> studies(@PathVariable UUID patientId) {
        return noStore(records.studies(currentActor.require(), patientId).stream()
                .map(s -> new StudyListEntry(
                        s.id(),
                        s.model(),
                        s.enteredAt(),
                        s.enteredBy(),
                        s.halfLifeHours(),
                        List.of(s.halfLifeLo90(), s.halfLifeHi90()),
                        s.samplesUsed(),
                        s.signedOffAt(),
                        s.voidedAt(),
                        s.voidReason()))
                .toList());
    }

    @PostMapping("/api/v1/patients/{patientId}/pk-studies")
    ResponseEntity<SavedStudy> save(@PathVariable UUID patientId, @RequestBody StudyRequest request) {
        SavedStudy study = records.save(currentActor.require(), patientId, request);
        return created("/api/v1/patients/" + patientId + "/pk-studies/" + study.id(), study);
    }

    @GetMapping("/api/v1/patients/{patientId}/pk-studies/{studyId}")
    ResponseEntity<SavedStudy> study(@PathVariable UUID patientId, @PathVariable UUID studyId) {
        return noStore(records.study(currentActor.require(), patientId, studyId));
    }

    @PostMapping("/api/v1/patients/{patientId}/pk-studies/{studyId}/void")
    ResponseEntity<SavedStudy> voidStudy(
            @PathVariable UUID patientId, @PathVariable UUID studyId, @RequestBody VoidStudyRequest request) {
        records.voidStudy(currentActor.require(), patientId, studyId, request.reason());
        return noStore(records.study(currentActor.require(), patientId, studyId));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static <T> ResponseEntity<T> created(String location, T body) {
        return ResponseEntity.created(URI.create(location))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
