package org.hemonet.diary.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.Annotation;
import org.hemonet.diary.AnnotationRequest;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCorrection;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.BleedPhoto;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionCorrection;
import org.hemonet.diary.Revision;
import org.hemonet.diary.ScheduledDose;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Single diary entries with what goes with them (issue 6): reads with versions, history and annotations; corrections
 * that keep history; photos of bleeds; clinicians' annotations; and the one-tap prophylaxis dose's prefill.
 */
@RestController
@RequestMapping("/api/v1/patients/{patientId}")
class DiaryEntryApiController {

    private final BleedDiary diary;
    private final CurrentActor currentActor;

    DiaryEntryApiController(BleedDiary diary, CurrentActor currentActor) {
        this.diary = diary;
        this.currentActor = currentActor;
    }

    /** A bleed as read: the stored values, its version, whether it has a photo, its annotations and history. */
    record BleedEntry(
            @JsonUnwrapped Bleed bleed,
            int version,
            @Nullable String photo,
            List<Annotation> annotations,
            List<Revision<Bleed>> corrections) {

        static BleedEntry of(Bleed b, BleedDiary.DiaryDetails d) {
            return new BleedEntry(
                    b,
                    d.versionOf(b.id()),
                    d.hasPhoto(b.id()) ? photoPath(b) : null,
                    d.annotationsOf(b.id()),
                    d.revisionsOfBleed(b.id()));
        }

        static String photoPath(Bleed b) {
            return "/api/v1/patients/" + b.patientId() + "/bleeds/" + b.id() + "/photo";
        }
    }

    record InfusionEntry(
            @JsonUnwrapped Infusion infusion,
            int version,
            List<Annotation> annotations,
            List<Revision<Infusion>> corrections) {

        static InfusionEntry of(Infusion i, BleedDiary.DiaryDetails d) {
            return new InfusionEntry(i, d.versionOf(i.id()), d.annotationsOf(i.id()), d.revisionsOfInfusion(i.id()));
        }
    }

    @GetMapping("/bleeds/{bleedId}")
    ResponseEntity<BleedEntry> bleed(@PathVariable UUID patientId, @PathVariable UUID bleedId) {
        var actor = currentActor.require();
        Bleed bleed = diary.bleed(actor, patientId, bleedId);
        return ok(BleedEntry.of(bleed, diary.details(actor, patientId)));
    }

    @GetMapping("/infusions/{infusionId}")
    ResponseEntity<InfusionEntry> infusion(@PathVariable UUID patientId, @PathVariable UUID infusionId) {
        var actor = currentActor.require();
        Infusion infusion = diary.infusion(actor, patientId, infusionId);
        return ok(InfusionEntry.of(infusion, diary.details(actor, patientId)));
    }

    @PostMapping("/bleeds/{bleedId}/corrections")
    ResponseEntity<BleedEntry> correctBleed(
            @PathVariable UUID patientId,
            @PathVariable UUID bleedId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody BleedCorrection correction) {
        var actor = currentActor.require();
        BleedCorrection c =
                correction.version() != null || ifMatch == null ? correction : correction.withVersion(version(ifMatch));
        Bleed bleed = diary.correctBleed(actor, patientId, bleedId, c);
        return created(
                "/api/v1/patients/" + patientId + "/bleeds/" + bleedId,
                BleedEntry.of(bleed, diary.details(actor, patientId)));
    }

    @PostMapping("/infusions/{infusionId}/corrections")
    ResponseEntity<InfusionEntry> correctInfusion(
            @PathVariable UUID patientId,
            @PathVariable UUID infusionId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody InfusionCorrection correction) {
        var actor = currentActor.require();
        InfusionCorrection c =
                correction.version() != null || ifMatch == null ? correction : correction.withVersion(version(ifMatch));
        Infusion infusion = diary.correctInfusion(actor, patientId, infusionId, c);
        return created(
                "/api/v1/patients/" + patientId + "/infusions/" + infusionId,
                InfusionEntry.of(infusion, diary.details(actor, patientId)));
    }

    @PostMapping("/bleeds/{bleedId}/annotations")
    ResponseEntity<Annotation> annotateBleed(
            @PathVariable UUID patientId, @PathVariable UUID bleedId, @RequestBody AnnotationRequest request) {
        Annotation a = diary.annotate(currentActor.require(), patientId, Annotation.EntryType.BLEED, bleedId, request);
        return created("/api/v1/patients/" + patientId + "/bleeds/" + bleedId, a);
    }

    @PostMapping("/infusions/{infusionId}/annotations")
    ResponseEntity<Annotation> annotateInfusion(
            @PathVariable UUID patientId, @PathVariable UUID infusionId, @RequestBody AnnotationRequest request) {
        Annotation a =
                diary.annotate(currentActor.require(), patientId, Annotation.EntryType.INFUSION, infusionId, request);
        return created("/api/v1/patients/" + patientId + "/infusions/" + infusionId, a);
    }

    /** What was stored of a photo (not the bytes). */
    record StoredPhoto(UUID id, UUID bleedId, String contentType, int bytes, java.time.Instant uploadedAt) {}

    /** The photo is the request body (JPEG or PNG; the first bytes decide, not the Content-Type). */
    @PostMapping("/bleeds/{bleedId}/photo")
    ResponseEntity<StoredPhoto> attachPhoto(@PathVariable UUID patientId, @PathVariable UUID bleedId, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(BleedPhoto.MAX_BYTES + 1);
        BleedPhoto photo = diary.attachPhoto(currentActor.require(), patientId, bleedId, bytes);
        return created(
                "/api/v1/patients/" + patientId + "/bleeds/" + bleedId + "/photo",
                new StoredPhoto(photo.id(), bleedId, photo.contentType(), photo.bytes().length, photo.uploadedAt()));
    }

    @GetMapping("/bleeds/{bleedId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID patientId, @PathVariable UUID bleedId) {
        BleedPhoto photo = diary.photo(currentActor.require(), patientId, bleedId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    /** The one-tap prophylaxis dose's prefill; 204 when the patient has no active prophylaxis plan. */
    @GetMapping("/diary/scheduled-dose")
    ResponseEntity<ScheduledDose> scheduledDose(@PathVariable UUID patientId) {
        return diary.scheduledDose(currentActor.require(), patientId)
                .map(DiaryEntryApiController::ok)
                .orElseGet(() -> ResponseEntity.noContent()
                        .cacheControl(CacheControl.noStore())
                        .build());
    }

    private static int version(String ifMatch) {
        String v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "The version is a number.");
        }
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
