package org.hemonet.centre;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A centre to register. */
public record NewCentre(
        UUID id,
        String code,
        String name,
        CentreType type,
        UUID regionId,
        UUID networkId,
        @Nullable String phone24h,
        @Nullable String onCallArrangement,
        boolean coagulationLaboratory,
        @Nullable String laboratoryCapability,
        boolean cover24h) {}
