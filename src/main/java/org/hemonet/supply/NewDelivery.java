package org.hemonet.supply;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delivery to book; {@link HomeStock#book} checks it. */
public record NewDelivery(
        @Nullable UUID patientId,
        @Nullable LocalDate scheduledFor,
        @Nullable DeliveryWindow window,
        @Nullable List<Item> items,
        @Nullable String address) {

    /** A delivery without an address yet (it can be given when the delivery is scheduled). */
    public NewDelivery(
            @Nullable UUID patientId,
            @Nullable LocalDate scheduledFor,
            @Nullable DeliveryWindow window,
            @Nullable List<Item> items) {
        this(patientId, scheduledFor, window, items, null);
    }

    public record Item(
            @Nullable UUID productId,
            @Nullable String batchNumber,
            @Nullable Integer vials,
            @Nullable Integer iuPerVial) {}
}
