package org.hemonet.supply;

import java.util.List;
import java.util.UUID;

/**
 * A recall reached patients after it was issued (a delivery or infusion from a recalled batch later): they and their
 * centres are notified like those found at issue.
 */
record RecallReached(UUID recallId, List<UUID> patientIds) {

    RecallReached {
        patientIds = List.copyOf(patientIds);
    }
}
