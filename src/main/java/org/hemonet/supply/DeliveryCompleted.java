package org.hemonet.supply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A home delivery confirmed as delivered, published in the confirmation's transaction: the report module keeps its read
 * model of delivered units current from it (issue 14).
 *
 * @param lines the units (IU or mg: vials times the vial's content) delivered of each product
 */
public record DeliveryCompleted(UUID deliveryId, UUID patientId, UUID centreId, Instant deliveredAt, List<Line> lines) {

    public record Line(UUID productId, long units) {}

    public DeliveryCompleted {
        lines = List.copyOf(lines);
    }
}
