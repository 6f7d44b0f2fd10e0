package org.hemonet.fhir.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The FHIRPath of a MedicationAdministration element that a diary field error names. */
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

    private FhirPaths() {}

    /** The expression for a field such as {@code entries[0].infusion.doseIu}, or null when there is none. */
    static @Nullable String of(@Nullable String field) {
        if (field == null) {
            return null;
        }
        String last = field.substring(field.lastIndexOf('.') + 1);
        return DIARY_FIELDS.get(last);
    }
}
