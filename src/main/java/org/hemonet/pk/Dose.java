package org.hemonet.pk;

import java.time.Instant;

/**
 * A factor dose given intravenously: bolus when {@code infusionMinutes} is 0, else a short infusion at constant rate.
 *
 * @param at start of the injection or infusion
 * @param iu international units given
 * @param infusionMinutes duration of the infusion, 0 for a bolus
 */
public record Dose(Instant at, double iu, double infusionMinutes) {

    public static Dose bolus(Instant at, double iu) {
        return new Dose(at, iu, 0);
    }
}
