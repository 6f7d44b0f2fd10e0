package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.patient.internal.PatientQueries;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The registry's field rules: what a new record and a correction may hold (each refusal names its field, CONVENTIONS.md
 * rule 5), the columns a correction writes and the previous values its revision keeps.
 */
@Component
class PatientFields {

    private final PatientQueries queries;
    private final CentreDirectory centres;
    private final Clock clock;

    PatientFields(PatientQueries queries, CentreDirectory centres, Clock clock) {
        this.queries = queries;
        this.centres = centres;
        this.clock = clock;
    }

    /**
     * A patient's time zone, in which the diary's days and outcome measures are counted (clinical.md §4): an IANA
     * region name such as Europe/London or America/New_York (fixed offsets would ignore daylight saving).
     */
    static String timeZone(@Nullable String value) {
        String zone = value == null ? "" : value.trim();
        if (!java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new InvalidInputException(
                    "timeZone", "Enter a time zone by its region name, such as Europe/London or America/New_York.");
        }
        return zone;
    }

    void validateNew(NewPatient patient, LocalDate today) {
        if (patient.givenName().isBlank()) {
            throw new InvalidInputException("givenName", "Enter the given name.");
        }
        if (patient.familyName().isBlank()) {
            throw new InvalidInputException("familyName", "Enter the family name.");
        }
        if (patient.dateOfBirth().isAfter(today)) {
            throw new InvalidInputException("dateOfBirth", "The date of birth cannot be in the future.");
        }
        if (patient.dateOfBirth().isBefore(today.minusYears(130))) {
            throw new InvalidInputException("dateOfBirth", "The date of birth is more than 130 years ago.");
        }
        if (patient.baselineLevelIuPerDl() != null) {
            if (patient.diagnosis().factor() == null) {
                throw new InvalidInputException(
                        "diagnosis.baselineFactorLevelIuPerDl", "This diagnosis has no factor level to record.");
            }
            if (patient.baselineLevelIuPerDl().signum() < 0
                    || patient.baselineLevelIuPerDl().compareTo(BigDecimal.valueOf(400)) > 0) {
                throw new InvalidInputException(
                        "diagnosis.baselineFactorLevelIuPerDl", "A factor level is between 0 and 400 IU/dL.");
            }
            LocalDate measured = patient.baselineMeasuredOn();
            if (measured == null) {
                throw new InvalidInputException("diagnosis.measuredOn", "Give the date the level was measured.");
            }
            if (measured.isAfter(today)) {
                throw new InvalidInputException(
                        "diagnosis.measuredOn", "The measurement date cannot be in the future.");
            }
            if (measured.isBefore(patient.dateOfBirth())) {
                throw new InvalidInputException("diagnosis.measuredOn", "The measurement date is before birth.");
            }
        }
        if (patient.weightKg() != null
                && (patient.weightKg().signum() <= 0 || patient.weightKg().compareTo(BigDecimal.valueOf(400)) >= 0)) {
            throw new InvalidInputException("weightKg", "The weight must be more than 0 and less than 400 kg.");
        }
        if (patient.regionId() != null
                && centres.regions().stream().noneMatch(r -> r.id().equals(patient.regionId()))) {
            throw new InvalidInputException("regionId", "Unknown region.");
        }
        treatmentHistory(patient.previouslyUntreated(), patient.priorExposureDays(), "priorExposureDays");
    }

    /** The most exposure days a patient can have had before joining: daily treatment for over 80 years. */
    static final int MAX_PRIOR_EXPOSURE_DAYS = 30_000;

    /**
     * The treatment history before joining (clinical.md §9): exposure days are a whole number from 0; a previously
     * untreated patient (PUP) has had none. Returns the exposure days to store: 0 for a PUP given none.
     *
     * @param fieldOfConflict the field named when a PUP is given exposure days
     */
    static @Nullable Integer treatmentHistory(
            @Nullable Boolean previouslyUntreated, @Nullable Integer priorExposureDays, String fieldOfConflict) {
        if (priorExposureDays != null && (priorExposureDays < 0 || priorExposureDays > MAX_PRIOR_EXPOSURE_DAYS)) {
            throw new InvalidInputException(
                    "priorExposureDays",
                    "Exposure days before joining are a whole number from 0 to " + MAX_PRIOR_EXPOSURE_DAYS + ".");
        }
        if (Boolean.TRUE.equals(previouslyUntreated)) {
            if (priorExposureDays != null && priorExposureDays != 0) {
                throw new InvalidInputException(
                        fieldOfConflict,
                        "A previously untreated patient has 0 exposure days before joining; correct one of the two.");
            }
            return 0;
        }
        return priorExposureDays;
    }

    Map<String, @Nullable Object> validatedColumns(PatientCorrection c, PatientQueries.Details current) {
        LocalDate today = LocalDate.now(clock);
        Map<String, @Nullable Object> columns = new LinkedHashMap<>();
        if (c.has("givenName")) {
            columns.put("givenName", text(c.givenName(), "givenName", 100, true));
        }
        if (c.has("familyName")) {
            columns.put("familyName", text(c.familyName(), "familyName", 100, true));
        }
        if (c.has("dateOfBirth")) {
            LocalDate born = required(c.dateOfBirth(), "dateOfBirth");
            if (born.isAfter(today)) {
                throw new InvalidInputException("dateOfBirth", "The date of birth cannot be in the future.");
            }
            columns.put("dateOfBirth", born);
        }
        if (c.has("sex")) {
            columns.put("sex", required(c.sex(), "sex").name());
        }
        if (c.has("nationalIdScheme") || c.has("nationalId")) {
            String scheme = c.has("nationalIdScheme") ? c.nationalIdScheme() : current.nationalIdScheme();
            String id = c.has("nationalId") ? c.nationalId() : current.nationalId();
            if (id == null || id.isBlank()) {
                scheme = null;
                id = null;
            } else {
                scheme = scheme == null || scheme.isBlank() ? NhsNumber.SCHEME : scheme.trim();
                id = NhsNumber.SCHEME.equals(scheme) ? NhsNumber.normalise(id, "nationalId") : id.trim();
                if (queries.nationalIdTaken(scheme, id, current.id())) {
                    throw new ConflictException(
                            "A patient with this national identifier is already registered in the network.");
                }
            }
            columns.put("nationalIdScheme", scheme);
            columns.put("nationalId", id);
        }
        if (c.has("regionId")) {
            UUID region = c.regionId();
            if (region != null && centres.regions().stream().noneMatch(r -> r.id().equals(region))) {
                throw new InvalidInputException("regionId", "Unknown region.");
            }
            columns.put("regionId", region);
        }
        if (c.has("phone")) {
            columns.put("phone", text(c.phone(), "phone", 40, false));
        }
        if (c.has("email")) {
            String email = text(c.email(), "email", 200, false);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new InvalidInputException("email", "Enter an email address like name@example.org.");
            }
            columns.put("email", email);
        }
        if (c.has("timeZone")) {
            columns.put("timeZone", timeZone(c.timeZone()));
        }
        if (c.has("genotypeHgvs")) {
            columns.put("genotypeHgvs", text(c.genotypeHgvs(), "genotypeHgvs", 200, false));
        }
        if (c.has("mutationClass")) {
            columns.put("mutationClass", text(c.mutationClass(), "mutationClass", 100, false));
        }
        status(c, "hivStatus", c.hivStatus(), columns);
        status(c, "hepatitisBStatus", c.hepatitisBStatus(), columns);
        status(c, "hepatitisCStatus", c.hepatitisCStatus(), columns);
        flag(c, "vcjdAtRisk", c.vcjdAtRisk(), columns);
        flag(c, "knowsDiagnosisAndProduct", c.knowsDiagnosisAndProduct(), columns);
        flag(c, "selfInfuses", c.selfInfuses(), columns);
        flag(c, "ordersSupplies", c.ordersSupplies(), columns);
        flag(c, "knowsEmergencyPlan", c.knowsEmergencyPlan(), columns);
        if (c.has("previouslyUntreated") || c.has("priorExposureDays")) {
            Boolean pup = c.has("previouslyUntreated") ? c.previouslyUntreated() : current.previouslyUntreated();
            Integer prior = c.has("priorExposureDays") ? c.priorExposureDays() : current.priorExposureDays();
            // a PUP recorded over stored exposure days is the field that conflicts; otherwise the days sent
            String conflict = c.has("priorExposureDays") ? "priorExposureDays" : "previouslyUntreated";
            Integer stored = treatmentHistory(pup, prior, conflict);
            if (c.has("previouslyUntreated")) {
                columns.put("previouslyUntreated", pup);
            }
            if (c.has("priorExposureDays") || !java.util.Objects.equals(stored, prior)) {
                columns.put("priorExposureDays", stored);
            }
        }
        return columns;
    }

    private static void status(
            PatientCorrection c, String field, @Nullable String value, Map<String, @Nullable Object> columns) {
        if (c.has(field)) {
            if (value == null || !PatientCorrection.ALLOWED_VALUES.get(field).contains(value)) {
                throw new InvalidInputException(
                        field,
                        "Use one of "
                                + String.join(
                                        ", ",
                                        PatientCorrection.ALLOWED_VALUES.get(field).stream()
                                                .sorted()
                                                .toList())
                                + ".");
            }
            columns.put(field, value);
        }
    }

    private static void flag(
            PatientCorrection c, String field, @Nullable Boolean value, Map<String, @Nullable Object> columns) {
        if (c.has(field)) {
            columns.put(field, required(value, field));
        }
    }

    private static @Nullable String text(@Nullable String value, String field, int max, boolean required) {
        String trimmed = value == null ? null : value.trim();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "This field cannot be empty.");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return trimmed;
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "This field cannot be empty.");
        }
        return value;
    }

    static Map<String, @Nullable Object> previousValues(
            PatientCorrection c, Map<String, @Nullable Object> columns, PatientQueries.Details d) {
        Map<String, @Nullable Object> all = new LinkedHashMap<>();
        all.put("givenName", d.givenName());
        all.put("familyName", d.familyName());
        all.put("dateOfBirth", d.dateOfBirth());
        all.put("sex", d.sex().name());
        all.put("nationalIdScheme", d.nationalIdScheme());
        all.put("nationalId", d.nationalId());
        all.put("regionId", d.regionId());
        all.put("phone", d.phone());
        all.put("email", d.email());
        all.put("timeZone", d.timeZone());
        all.put("genotypeHgvs", d.genotypeHgvs());
        all.put("mutationClass", d.mutationClass());
        all.put("hivStatus", d.hivStatus());
        all.put("hepatitisBStatus", d.hbvStatus());
        all.put("hepatitisCStatus", d.hcvStatus());
        all.put("vcjdAtRisk", d.vcjdAtRisk());
        all.put("knowsDiagnosisAndProduct", d.knowsDiagnosisAndProduct());
        all.put("selfInfuses", d.selfInfuses());
        all.put("ordersSupplies", d.ordersSupplies());
        all.put("knowsEmergencyPlan", d.knowsEmergencyPlan());
        all.put("diagnosisType", d.diagnosis().name());
        all.put("diagnosisSubtype", d.subtype());
        all.put("bleedingPhenotype", d.bleedingPhenotype());
        all.put("previouslyUntreated", d.previouslyUntreated());
        all.put("priorExposureDays", d.priorExposureDays());
        Map<String, @Nullable Object> previous = new LinkedHashMap<>();
        for (String field : c.present()) {
            if (all.containsKey(field)) {
                previous.put(field, all.get(field));
            }
        }
        // a column the correction set on its own account (a PUP's exposure days before joining become 0)
        for (String field : columns.keySet()) {
            if (all.containsKey(field)) {
                previous.putIfAbsent(field, all.get(field));
            }
        }
        return previous;
    }
}
