package org.hemonet.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A joint transition clinic: the paediatric and adult teams see the young person together (issue 17). */
public record JointClinic(
        UUID id,
        UUID patientId,
        LocalDate clinicOn,
        @Nullable UUID adultCentreId,
        @Nullable String note,
        Instant recordedAt,
        String recordedBy,
        @Nullable Instant cancelledAt,
        @Nullable String cancelledBy) {

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
