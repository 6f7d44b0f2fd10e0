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
        int version,
        @Nullable String recipientName,
        @Nullable String address) {

    public Delivery {
        items = List.copyOf(items);
    }

    /** Vials of one batch; {@code iuPerVial} is the vial's nominal content in the product's unit (IU or mg). */
    public record Item(UUID productId, String batchNumber, int vials, int iuPerVial) {}

    /** The reference a courier quotes: {@code HD-} and the first eight characters of the id, upper case. */
    public String reference() {
        return "HD-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isOpen() {
        return status == DeliveryStatus.ORDERED || status == DeliveryStatus.SCHEDULED;
    }
}
