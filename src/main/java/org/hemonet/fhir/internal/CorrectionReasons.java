package org.hemonet.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Why a record is corrected, from the {@code X-Provenance} header of an update (FHIR R4 §3.1.0.12): a Provenance in
 * JSON whose first {@code reason} has a text (or a coding with a display). Hemonet keeps the reason with the version
 * the correction replaces (security.md §18), so it is required.
 */
final class CorrectionReasons {

    private CorrectionReasons() {}

    static String of(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw FhirErrors.badRequest("Say why the record is corrected: an X-Provenance header holding a Provenance"
                    + " whose reason.text is the reason.");
        }
        Provenance provenance;
        try {
            provenance = FhirContext.forR4Cached().newJsonParser().parseResource(Provenance.class, header);
        } catch (DataFormatException e) {
            throw FhirErrors.badRequest("X-Provenance is not a Provenance resource in JSON.");
        }
        for (CodeableConcept reason : provenance.getReason()) {
            if (reason.hasText() && !reason.getText().isBlank()) {
                return reason.getText().strip();
            }
            if (reason.hasCoding() && reason.getCodingFirstRep().hasDisplay()) {
                return reason.getCodingFirstRep().getDisplay().strip();
            }
        }
        throw FhirErrors.badRequest("X-Provenance: give the reason for the correction in Provenance.reason.text.");
    }
}
