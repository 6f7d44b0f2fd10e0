package org.hemonet.supply;

import java.util.List;
import java.util.UUID;

/**
 * A batch recall was issued; {@code patientIds} received or were infused with a recalled batch. For the message
 * module to notify each patient and centre (in-app and through the e-mail outbox).
 */
public record BatchRecalled(UUID recallId, UUID productId, List<String> batchNumbers, List<UUID> patientIds) {

    public BatchRecalled {
        batchNumbers = List.copyOf(batchNumbers);
        patientIds = List.copyOf(patientIds);
    }
}
