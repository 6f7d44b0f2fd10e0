package org.hemonet.pk;

import java.util.List;

/** A population model as listed to clinicians: id, what it is for, its source and the covariates it needs. */
public record PkModelSummary(
        String id,
        String name,
        String factor,
        String citation,
        int compartments,
        List<String> covariates,
        List<String> etaParameters) {}
