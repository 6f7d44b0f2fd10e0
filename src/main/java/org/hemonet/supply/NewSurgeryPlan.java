package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A surgery factor plan to make; {@link SurgeryPlans#create} checks it. Targets left out take the WFH 2020 defaults for
 * the kind of surgery and the patient's factor ({@link WfhTargets}).
 *
 * @param weightKg the weight to dose for; when absent, the patient's latest recorded weight
 * @param phases post-operative day ranges (day 1 onwards) with their target levels
 */
public record NewSurgeryPlan(
        @Nullable String operation,
        @Nullable LocalDate date,
        @Nullable SurgeryKind kind,
        @Nullable UUID productId,
        @Nullable BigDecimal weightKg,
        @Nullable Integer preOpLowIuPerDl,
        @Nullable Integer preOpHighIuPerDl,
        @Nullable List<Target> phases) {

    public record Target(
            @Nullable Integer fromDay,
            @Nullable Integer toDay,
            @Nullable Integer lowIuPerDl,
            @Nullable Integer highIuPerDl) {}
}
