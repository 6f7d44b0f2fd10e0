package org.hemonet.supply;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One plan in a patient's plan history, with what happened to it: still in force (or to come), ended because a later
 * version superseded it (who, when, why), or voided (who, when, why). Nothing is ever deleted.
 */
public record PlanRevision(
        TreatmentPlan plan,
        @Nullable UUID supersededBy,
        @Nullable Instant changedAt,
        @Nullable String changedBy,
        @Nullable String changeReason,
        @Nullable String voidedBy,
        @Nullable String voidReason) {

    public enum State {
        CURRENT,
        SUPERSEDED,
        VOIDED
    }

    public State state() {
        if (plan.voidedAt() != null) {
            return State.VOIDED;
        }
        return supersededBy != null ? State.SUPERSEDED : State.CURRENT;
    }
}
