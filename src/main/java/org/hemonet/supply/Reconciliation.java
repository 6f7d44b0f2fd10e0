package org.hemonet.supply;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Delivered against logged factor for a patient and period (issue 5), in IU (mg for emicizumab, added as they come).
 *
 * @param loggedShare logged ÷ delivered, {@code null} when nothing was delivered
 * @param underLogging logged below the setting's share (default 75 %) of delivered: doses likely not logged
 * @param overUse logged more than the plan prescribes for the period by over a quarter
 */
public record Reconciliation(
        UUID patientId,
        LocalDate from,
        LocalDate to,
        long delivered,
        long logged,
        long prescribed,
        @Nullable Double loggedShare,
        boolean underLogging,
        boolean overUse) {}
