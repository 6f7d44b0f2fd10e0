package org.hemonet.survey;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an item asks for (FHIR {@code Questionnaire.item.type}, whose codes these are): {@code choice} one of its answer
 * options, {@code integer} a whole number between its minimum and maximum (a 0–10 rating scale).
 */
public enum ItemType {
    CHOICE,
    INTEGER;

    /** The FHIR item type code, also the code in instrument definitions. */
    @JsonValue
    public String fhirCode() {
        return this == CHOICE ? "choice" : "integer";
    }
}
