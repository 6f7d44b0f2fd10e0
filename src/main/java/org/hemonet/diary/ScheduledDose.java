package org.hemonet.diary;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The next prophylaxis dose to log with one tap: the product and dose of the active treatment plan and the batch last
 * delivered to the patient (issue 6). Exactly one of {@code doseIu} and {@code doseMg} (emicizumab) is set.
 *
 * @param batchNumber the batch of the plan's product in the patient's latest delivery; null when none was delivered
 * @param dueToday whether the plan's schedule has a dose today (the patient's own date)
 * @param loggedToday whether a prophylaxis infusion is logged for today already
 */
public record ScheduledDose(
        UUID productId,
        String productName,
        @Nullable BigDecimal doseIu,
        @Nullable BigDecimal doseMg,
        DoseUnit unit,
        @Nullable String batchNumber,
        boolean dueToday,
        boolean loggedToday) {

    public BigDecimal dose() {
        BigDecimal dose = unit == DoseUnit.MG ? doseMg : doseIu;
        if (dose == null) {
            throw new IllegalStateException("a scheduled dose has a dose");
        }
        return dose;
    }

    ScheduledDose withLoggedToday(boolean logged) {
        return new ScheduledDose(productId, productName, doseIu, doseMg, unit, batchNumber, dueToday, logged);
    }
}
