package org.hemonet.fhir.internal;

import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.jspecify.annotations.Nullable;

/** Hemonet ids in FHIR ids and references; a malformed id reads as an unknown one (404). */
final class Ids {

    private Ids() {}

    static UUID uuid(IIdType id) {
        return uuid(id.getIdPart());
    }

    static UUID uuid(@Nullable String idPart) {
        UUID parsed = parse(idPart);
        if (parsed == null) {
            throw FhirErrors.notFound();
        }
        return parsed;
    }

    /** The UUID of {@code text}, or null when it is not one. */
    static @Nullable UUID parse(@Nullable String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The id in {@code Patient/<id>}, a full URL ending so, or a bare id, or null when it is none of these. */
    static @Nullable UUID referenced(String resourceType, @Nullable String reference) {
        if (reference == null) {
            return null;
        }
        String text = reference;
        int type = text.lastIndexOf(resourceType + "/");
        if (type >= 0) {
            text = text.substring(type + resourceType.length() + 1);
        } else if (text.contains("/")) {
            return null;
        }
        int history = text.indexOf("/_history");
        return parse(history >= 0 ? text.substring(0, history) : text);
    }

    /** The first {@code digits} hex digits of a UUID (its dashes left out), for ids that must stay within 64 characters. */
    static String hex(UUID id, int digits) {
        return id.toString().replace("-", "").substring(0, digits);
    }

    /**
     * The patient id at the start of an id built as {@code <patient id>-<kind>-…} (Observation, RelatedPerson,
     * Provenance), so that a read can ask the owning module's access policy for that patient; a malformed id is 404.
     */
    static UUID patientPrefix(@Nullable String idPart) {
        return uuid(idPart == null || idPart.length() < 36 ? null : idPart.substring(0, 36));
    }
}
