package org.hemonet.patient;

import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a centre-wide list of patients shows of each (issue 14: the patients needing attention list): the name, the
 * severity and the time zone the patient's days are counted in; none of the inhibitor history or weights that a
 * {@link PatientSummary} carries, so a centre of hundreds is one query.
 */
public record PatientListing(
        UUID id, UUID centreId, String givenName, String familyName, @Nullable Severity severity, ZoneId timeZone) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
