package org.hemonet.pk;

import java.util.List;

/** Regimen proposals for one target trough, with the parameters they were computed from. */
public record RegimenComparison(
        String model,
        PkParameters parameters,
        double targetTroughIuPerDl,
        List<RegimenProposal> regimens,
        List<String> warnings) {}
