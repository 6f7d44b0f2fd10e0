package org.hemonet.identity;

import java.util.Set;
import java.util.UUID;

/**
 * What the access policy needs to know of a patient record: its id, the centre it is registered at and the centres
 * sharing its care. The patient module supplies it.
 */
public record PatientScope(UUID patientId, UUID registeredCentreId, Set<UUID> sharedCareCentreIds) {

    public PatientScope {
        sharedCareCentreIds = Set.copyOf(sharedCareCentreIds);
    }

    public boolean isCaredForAt(Set<UUID> centreIds) {
        return centreIds.contains(registeredCentreId)
                || sharedCareCentreIds.stream().anyMatch(centreIds::contains);
    }
}
