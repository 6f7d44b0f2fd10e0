package org.hemonet.diary.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.BleedRequest;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionRequest;
import org.hemonet.diary.VoidRequest;
import org.hemonet.shared.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Single diary entries of one patient (issue 6). A thin adapter over {@link BleedDiary}. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}")
class DiaryApiController {

    private final BleedDiary diary;
    private final CurrentActor currentActor;

    DiaryApiController(BleedDiary diary, CurrentActor currentActor) {
        this.diary = diary;
        this.currentActor = currentActor;
    }

    @PostMapping("/bleeds")
    ResponseEntity<Bleed> recordBleed(@PathVariable UUID patientId, @RequestBody BleedRequest request) {
        Bleed bleed = diary.recordBleed(currentActor.require(), patientId, request);
        return created("/api/v1/patients/" + patientId + "/bleeds/" + bleed.id(), bleed);
    }

    /** With each bleed its version, photo, annotations and earlier versions (issue 6). */
    @GetMapping("/bleeds")
    ResponseEntity<List<DiaryEntryApiController.BleedEntry>> bleeds(@PathVariable UUID patientId) {
        var actor = currentActor.require();
        List<Bleed> bleeds = diary.bleeds(actor, patientId);
        BleedDiary.DiaryDetails details = diary.details(actor, patientId);
        return ok(bleeds.stream()
                .map(b -> DiaryEntryApiController.BleedEntry.of(b, details))
                .toList());
    }

    @PostMapping("/bleeds/{bleedId}/void")
    ResponseEntity<Bleed> voidBleed(
            @PathVariable UUID patientId, @PathVariable UUID bleedId, @RequestBody VoidRequest request) {
        return ok(diary.voidBleed(currentActor.require(), patientId, bleedId, request));
    }

    /**
     * A stored infusion with what the patient must be told about it: a recalled batch (issue 5), aPCC over 100 U/kg in
     * 24 h on emicizumab (issue 13).
     */
    record RecordedInfusion(@JsonUnwrapped Infusion infusion, List<String> warnings) {}

    @PostMapping("/infusions")
    ResponseEntity<RecordedInfusion> recordInfusion(
            @PathVariable UUID patientId, @RequestBody InfusionRequest request) {
        var actor = currentActor.require();
        Infusion infusion = diary.recordInfusion(actor, patientId, request);
        return created(
                "/api/v1/patients/" + patientId + "/infusions/" + infusion.id(),
                new RecordedInfusion(infusion, diary.warningsFor(actor, infusion)));
    }

    @GetMapping("/infusions")
    ResponseEntity<List<DiaryEntryApiController.InfusionEntry>> infusions(@PathVariable UUID patientId) {
        var actor = currentActor.require();
        List<Infusion> infusions = diary.infusions(actor, patientId);
        BleedDiary.DiaryDetails details = diary.details(actor, patientId);
        return ok(infusions.stream()
                .map(i -> DiaryEntryApiController.InfusionEntry.of(i, details))
                .toList());
    }

    @PostMapping("/infusions/{infusionId}/void")
    ResponseEntity<Infusion> voidInfusion(
            @PathVariable UUID patientId, @PathVariable UUID infusionId, @RequestBody VoidRequest request) {
        return ok(diary.voidInfusion(currentActor.require(), patientId, infusionId, request));
    }

    private static <T> ResponseEntity<T> created(String location, T body) {
        return ResponseEntity.created(URI.create(location))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
