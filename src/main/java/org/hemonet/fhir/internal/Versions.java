package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.param.DateRangeParam;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Versions and times of change in {@code meta}, and the {@code date} and {@code _lastUpdated} filters of searches. The
 * version ids are the owning module's own version numbers (the ones its JSON API sends as ETags), so that {@code
 * If-Match: W/"n"} means the same under {@code /fhir} and {@code /api/v1}.
 */
final class Versions {

    private Versions() {}

    static <R extends Resource> R stamp(R resource, int version, @Nullable Instant lastUpdated) {
        resource.getMeta().setVersionId(Integer.toString(version));
        resource.setIdElement(resource.getIdElement().withVersion(Integer.toString(version)));
        if (lastUpdated != null) {
            resource.getMeta().setLastUpdated(Date.from(lastUpdated));
        }
        return resource;
    }

    /** True when {@code at} lies within {@code range} (a missing bound is open); a null range matches everything. */
    static boolean within(@Nullable DateRangeParam range, @Nullable Instant at) {
        if (range == null) {
            return true;
        }
        if (at == null) {
            return false;
        }
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || !at.isBefore(lower.toInstant())) && (upper == null || !at.isAfter(upper.toInstant()));
    }

    /** {@code _lastUpdated}: resources that carry no time of change never match a range. */
    static boolean lastUpdatedWithin(@Nullable DateRangeParam range, Resource resource) {
        Date updated = resource.getMeta().getLastUpdated();
        return range == null || (updated != null && within(range, updated.toInstant()));
    }

    /**
     * {@code _since} of {@code $everything} and of a bulk export: did the resource change after {@code since}? Its time
     * of change is {@code meta.lastUpdated} (infusions, bleeds, joint scores, deliveries, adverse events), a
     * Provenance's {@code recorded}, a plan's {@code authoredOn} (plans are never edited in place: a change is a new
     * plan). A resource with no time of change (the patient, centres, contacts, diagnosis, laboratory results,
     * products, rosters) cannot be judged and is always kept, so that nothing changed is ever left out.
     */
    static boolean changedSince(org.hl7.fhir.instance.model.api.IBaseResource resource, @Nullable Instant since) {
        if (since == null) {
            return true;
        }
        Date changed = null;
        if (resource instanceof org.hl7.fhir.r4.model.Provenance provenance) {
            changed = provenance.getRecorded();
        } else if (resource instanceof org.hl7.fhir.r4.model.MedicationRequest request) {
            changed = request.getAuthoredOn();
        } else if (resource instanceof Resource r) {
            changed = r.getMeta().getLastUpdated();
        }
        return changed == null || changed.toInstant().isAfter(since);
    }

    /** An instant as a FHIR dateTime in UTC, to the second. */
    static DateTimeType utc(Instant at) {
        return new DateTimeType(
                Date.from(at), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }

    /**
     * The version an update corrects (security.md §18): the {@code If-Match} ETag ({@code W/"n"}), which HAPI also
     * puts into the id's version. None → 428 Precondition Required (as the JSON API answers); an unreadable one → 400.
     */
    static int ifMatch(org.hl7.fhir.instance.model.api.IIdType id, @Nullable String ifMatch) {
        String given = id.hasVersionIdPart() ? id.getVersionIdPart() : ifMatch;
        if (given == null || given.isBlank()) {
            throw FhirErrors.preconditionRequired(
                    "An update needs If-Match: W/\"<version>\" (the version it corrects).");
        }
        Integer version = parse(given);
        if (version == null) {
            throw FhirErrors.badRequest("If-Match must be a version: W/\"<version>\".");
        }
        return version;
    }

    /** The version number in a version id or an {@code If-Match} ETag ({@code W/"3"}, {@code "3"}, {@code 3}). */
    static @Nullable Integer parse(@Nullable String version) {
        if (version == null) {
            return null;
        }
        String digits = version.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
