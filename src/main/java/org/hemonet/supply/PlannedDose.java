package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hemonet.product.DoseUnit;

/** A prophylactic dose the plan asks for at an instant (UTC), for one-tap entry and adherence. */
public record PlannedDose(Instant at, UUID planId, UUID productId, BigDecimal dose, DoseUnit unit) {}
