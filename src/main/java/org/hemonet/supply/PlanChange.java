package org.hemonet.supply;

import org.jspecify.annotations.Nullable;

/**
 * A change to a plan from {@code prescription.validFrom()}: the fields of {@code prescription} that are given replace
 * the old plan's; {@code reason} is required; {@code version} (optional) guards against a concurrent change.
 */
public record PlanChange(Prescription prescription, @Nullable String reason, @Nullable Integer version) {}
