package org.hemonet.centre;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A treatment centre. */
public record Centre(
        UUID id,
        String code,
        String name,
        CentreType type,
        UUID regionId,
        String regionName,
        @Nullable String phone24h,
        @Nullable String onCallArrangement,
        boolean coagulationLaboratory,
        @Nullable String laboratoryCapability,
        boolean cover24h,
        String timeZone) {}
