package org.hemonet.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A home delivery of factor to one patient. */
public record Delivery(
        UUID id,
        UUID patientId,
        UUID centreId,
        DeliveryStatus status,
        LocalDate scheduledFor,
        DeliveryWindow window,
        List<Item> items,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        @Nullable String failureReason,
        int version) {

    public Delivery {
        items = List.copyOf(items);
    }

    /** Vials of one batch; {@code iuPerVial} is the vial's nominal content in the product's unit (IU or mg). */
    public record Item(UUID productId, String batchNumber, int vials, int iuPerVial) {}

    public boolean isOpen() {
        return status == DeliveryStatus.ORDERED || status == DeliveryStatus.SCHEDULED;
    }
}
