package org.hemonet.patient.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.CarrierStatus;
import org.hemonet.patient.ConsentKind;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorTestResult;
import org.hemonet.patient.ItiOutcome;
import org.hemonet.patient.NewInhibitorTest;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientCorrection;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.Severity;
import org.hemonet.patient.Sex;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's JSON API (issue 4). Request records list exactly what a caller may set (no mass assignment); every
 * response with patient data is {@code Cache-Control: no-store}; the ETag of a patient is its version.
 */
@RestController
@RequestMapping("/api/v1/patients")
class PatientApi {

    /** {@code POST /api/v1/patients}. */
    record CreatePatientRequest(
            @NotNull UUID centreId,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @PastOrPresent LocalDate dateOfBirth,
            @NotNull Sex sex,
            @Nullable @Size(max = 40) String nationalIdScheme,
            @Nullable @Size(max = 40) String nationalId,
            @Nullable UUID regionId,
            @NotNull @Valid DiagnosisRequest diagnosis,
            @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "400", inclusive = false)
                    BigDecimal weightKg,
            @Nullable String timeZone,
            @Nullable Boolean previouslyUntreated,
            @Nullable @Min(0) @Max(30_000) Integer priorExposureDays) {}

    record DiagnosisRequest(
            @NotNull DiagnosisType type,
            @Nullable @Size(max = 20) String subtype,
            @Nullable Boolean bleedingPhenotype,
            @Nullable @DecimalMin("0") @DecimalMax("400") BigDecimal baselineFactorLevelIuPerDl,
            @Nullable @PastOrPresent LocalDate measuredOn) {}

    record InhibitorTestRequest(
            @NotNull @PastOrPresent LocalDate sampledOn,
            @NotNull BigDecimal residualActivityPercent,
            @NotNull BigDecimal dilution) {}

    record ConsentRequest(
            @NotNull ConsentKind kind, @NotNull Boolean given, @NotNull @PastOrPresent LocalDate recordedOn) {}

    record ItiEpisodeRequest(
            @NotNull @PastOrPresent LocalDate startedOn,
            @NotBlank @Size(max = 200) String regimen,
            @Nullable UUID productId,
            @Nullable @PastOrPresent LocalDate endedOn,
            @NotNull ItiOutcome outcome) {}

    record RecordNumberRequest(@NotNull UUID centreId, @NotBlank @Size(max = 40) String mrn) {}

    record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @Nullable @Size(max = 100) String relationship,
            @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+() .-]*", message = "Digits, spaces and + ( ) - only.")
                    String phone,
            @Nullable Boolean guardian) {}

    record FamilyLinkRequest(
            @Nullable UUID relativeId,
            @Nullable @Size(max = 200) String relativeName,
            @NotBlank @Size(max = 60) String relationship,
            @Nullable CarrierStatus carrierStatus) {}

    record MeasurementRequest(
            @NotNull @PastOrPresent LocalDate measuredOn,
            @NotNull
                    @DecimalMin(value = "0", inclusive = false)
                    @DecimalMax(value = "400", inclusive = false)
                    @Digits(integer = 3, fraction = 1)
                    BigDecimal weightKg,
            @Nullable @DecimalMin("30") @DecimalMax("250") @Digits(integer = 3, fraction = 1) BigDecimal heightCm) {}

    private final PatientRegistry registry;
    private final CurrentActor currentActor;
    private final ObjectMapper json;

    PatientApi(PatientRegistry registry, CurrentActor currentActor, ObjectMapper json) {
        this.registry = registry;
        this.currentActor = currentActor;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<PatientSearch.Page> search(
            @RequestParam(name = "q", required = false) @Nullable String q,
            @RequestParam(name = "severity", required = false) @Nullable Severity severity,
            @RequestParam(name = "centreId", required = false) @Nullable UUID centreId,
            @RequestParam(name = "diagnosis", required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(name = "inhibitor", required = false) @Nullable Boolean inhibitor,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "The first page is 0.");
        }
        if (size < 1 || size > PatientSearch.MAX_SIZE) {
            throw new InvalidInputException("size", "A page holds 1 to " + PatientSearch.MAX_SIZE + " patients.");
        }
        if (q != null && q.length() > 100) {
            throw new InvalidInputException("q", "At most 100 characters.");
        }
        var found = registry.search(
                currentActor.require(), new PatientSearch(q, severity, centreId, diagnosis, inhibitor, page, size));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found);
    }

    @GetMapping("/{id}")
    ResponseEntity<PatientRecord> read(@PathVariable UUID id) {
        return withVersion(ResponseEntity.ok(), registry.read(currentActor.require(), id));
    }

    @PostMapping
    ResponseEntity<PatientRecord> register(@RequestBody @Valid CreatePatientRequest request) {
        DiagnosisRequest diagnosis = request.diagnosis();
        UUID id = UUID.randomUUID();
        PatientRecord created = registry.register(
                currentActor.require(),
                new NewPatient(
                        id,
                        request.centreId(),
                        request.givenName(),
                        request.familyName(),
                        request.dateOfBirth(),
                        request.sex(),
                        request.nationalIdScheme(),
                        request.nationalId(),
                        request.regionId(),
                        diagnosis.type(),
                        diagnosis.subtype(),
                        Boolean.TRUE.equals(diagnosis.bleedingPhenotype()),
                        diagnosis.baselineFactorLevelIuPerDl(),
                        diagnosis.measuredOn(),
                        request.weightKg(),
                        null,
                        List.of(),
                        request.timeZone(),
                        request.previouslyUntreated(),
                        request.priorExposureDays()));
        return withVersion(ResponseEntity.created(URI.create("/api/v1/patients/" + id)), created);
    }

    /** The fields of a correction's JSON body: {@link PatientCorrection}'s, apart from the set of named fields. */
    static final Set<String> CORRECTION_FIELDS = java.util.Arrays.stream(PatientCorrection.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> !"present".equals(name))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @PatchMapping("/{id}")
    ResponseEntity<PatientRecord> correct(
            @PathVariable UUID id, @RequestHeader("If-Match") String ifMatch, @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInputException(null, "Send the fields to correct as a JSON object.");
        }
        int version = parseVersion(ifMatch);
        Set<String> present = new LinkedHashSet<>(body.propertyNames());
        present.remove("reason");
        // the body binds straight onto the domain's correction; which fields it names is kept beside the values
        ObjectNode known = ((ObjectNode) body.deepCopy()).retain(CORRECTION_FIELDS);
        known.remove("present");
        known.set("present", json.valueToTree(present));
        if (!known.hasNonNull("reason")) {
            known.put("reason", "");
        }
        PatientCorrection correction;
        try {
            correction = json.treeToValue(known, PatientCorrection.class);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
            throw new InvalidInputException(field, "This value is malformed or of the wrong type.");
        }
        return withVersion(ResponseEntity.ok(), registry.correct(currentActor.require(), id, version, correction));
    }

    @PostMapping("/{id}/inhibitor-tests")
    ResponseEntity<InhibitorTestResult> addInhibitorTest(
            @PathVariable UUID id, @RequestBody @Valid InhibitorTestRequest request) {
        InhibitorTestResult result = registry.addInhibitorTest(
                currentActor.require(),
                id,
                new NewInhibitorTest(request.sampledOn(), request.residualActivityPercent(), request.dilution()));
        return created(result);
    }

    @PostMapping("/{id}/consents")
    ResponseEntity<PatientRecord.Consent> recordConsent(
            @PathVariable UUID id, @RequestBody @Valid ConsentRequest request) {
        var consent = registry.recordConsent(
                currentActor.require(), id, request.kind(), request.given(), request.recordedOn());
        return created(consent);
    }

    @PostMapping("/{id}/iti-episodes")
    ResponseEntity<PatientRecord.ItiEpisode> addItiEpisode(
            @PathVariable UUID id, @RequestBody @Valid ItiEpisodeRequest request) {
        var episode = registry.addItiEpisode(
                currentActor.require(),
                id,
                request.startedOn(),
                request.regimen(),
                request.productId(),
                request.endedOn(),
                request.outcome());
        return created(episode);
    }

    @PostMapping("/{id}/record-numbers")
    ResponseEntity<PatientRecord.RecordNumber> addRecordNumber(
            @PathVariable UUID id, @RequestBody @Valid RecordNumberRequest request) {
        var number = registry.addRecordNumber(currentActor.require(), id, request.centreId(), request.mrn());
        return created(number);
    }

    @PostMapping("/{id}/contacts")
    ResponseEntity<PatientRecord.Contact> addContact(
            @PathVariable UUID id, @RequestBody @Valid ContactRequest request) {
        var contact = registry.addContact(
                currentActor.require(),
                id,
                request.name(),
                request.relationship(),
                request.phone(),
                Boolean.TRUE.equals(request.guardian()));
        return created(contact);
    }

    @PostMapping("/{id}/family-links")
    ResponseEntity<PatientRecord.FamilyLink> addFamilyLink(
            @PathVariable UUID id, @RequestBody @Valid FamilyLinkRequest request) {
        var link = registry.addFamilyLink(
                currentActor.require(),
                id,
                request.relativeId(),
                request.relativeName(),
                request.relationship(),
                request.carrierStatus() == null ? CarrierStatus.UNKNOWN : request.carrierStatus());
        return created(link);
    }

    @PostMapping("/{id}/measurements")
    ResponseEntity<PatientRecord.Weight> addMeasurement(
            @PathVariable UUID id, @RequestBody @Valid MeasurementRequest request) {
        var measurement = registry.addMeasurement(
                currentActor.require(), id, request.measuredOn(), request.weightKg(), request.heightCm());
        return created(measurement);
    }

    /** {@code 201} with patient data, never cached (security.md §16). */
    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /** Accepts {@code "3"}, {@code W/"3"} and {@code 3}. */
    static int parseVersion(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "Send the ETag of the record you read as If-Match.");
        }
    }

    private static ResponseEntity<PatientRecord> withVersion(
            ResponseEntity.BodyBuilder response, PatientRecord record) {
        return response.cacheControl(CacheControl.noStore())
                .eTag("\"" + record.version() + "\"")
                .body(record);
    }
}
