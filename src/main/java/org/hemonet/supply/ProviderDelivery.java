package org.hemonet.supply;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.jspecify.annotations.Nullable;

/**
 * What a delivery provider sees of a delivery, and nothing more (issue 5; security.md data minimisation): the
 * recipient's name, the address, date, window, items (product and vials) and the delivery reference. No diagnosis,
 * severity, inhibitor status, patient id or any other clinical data.
 */
public record ProviderDelivery(
        UUID id,
        String reference,
        String recipientName,
        @Nullable String address,
        LocalDate date,
        DeliveryWindow window,
        DeliveryStatus status,
        List<Item> items,
        int version) {

    public ProviderDelivery {
        items = List.copyOf(items);
    }

    /** Vials of one product; {@code vialSize} is the vial's nominal content in {@code unit}. */
    public record Item(String product, int vials, int vialSize, DoseUnit unit) {}
}
