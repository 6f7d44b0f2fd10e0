package org.hemonet.pk;

import java.time.Instant;
import java.util.UUID;

/** A factor infusion from the patient's diary that a PK study may use as a dose. */
public record PickableInfusion(UUID id, Instant at, double iu) {}
