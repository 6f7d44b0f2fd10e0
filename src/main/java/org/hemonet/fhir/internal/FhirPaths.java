package org.hemonet.fhir.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The FHIRPath of a MedicationAdministration or bleed Observation element that a diary field error names. */
final class FhirPaths {

    private static final Map<String, String> DIARY_FIELDS = Map.of(
            "administeredAt", "MedicationAdministration.effective",
            "productId", "MedicationAdministration.medication",
            "batchNumber", "MedicationAdministration.medication.resolve().batch.lotNumber",
            "doseIu", "MedicationAdministration.dosage.dose",
            "doseMg", "MedicationAdministration.dosage.dose",
            "reason", "MedicationAdministration.reasonCode",
            "givenBy", "MedicationAdministration.performer",
            "note", "MedicationAdministration.note",
            "patientId", "MedicationAdministration.subject",
            "id", "MedicationAdministration.identifier");

    private static final Map<String, String> BLEED_FIELDS = Map.of(
            "startedAt", "Observation.effective",
            "site", "Observation.bodySite",
            "cause", BleedCorrections.path("bleed-cause"),
            "pain", BleedCorrections.path("pain"),
            "jointImmobilising", BleedCorrections.path("joint-immobilising"),
            "daysLostSchool", BleedCorrections.path("days-lost-school"),
            "daysLostWork", BleedCorrections.path("days-lost-work"),
            "note", "Observation.note",
            "patientId", "Observation.subject");

    private FhirPaths() {}

    /** The expression for a diary field of a bleed, or null when there is none. */
    static @Nullable String ofBleed(@Nullable String field) {
        if (field == null) {
            return null;
        }
        return BLEED_FIELDS.get(field.substring(field.lastIndexOf('.') + 1));
    }

    /** The expression for a field such as {@code entries[0].infusion.doseIu}, or null when there is none. */
    static @Nullable String of(@Nullable String field) {
        if (field == null) {
            return null;
        }
        String last = field.substring(field.lastIndexOf('.') + 1);
        return DIARY_FIELDS.get(last);
    }
}
