package org.hemonet.product;

import java.time.LocalDate;
import java.util.UUID;

/** A manufacturing batch of a product that the network received. */
public record Batch(
        UUID id,
        UUID productId,
        String batchNumber,
        LocalDate expiresOn,
        int vialsReceived,
        int unitsPerVial,
        LocalDate receivedOn) {

    public boolean isExpiredOn(LocalDate date) {
        return expiresOn.isBefore(date);
    }
}
