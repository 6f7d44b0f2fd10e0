package org.hemonet.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The raw ABR distribution of a centre's patients for a period (issue 6), before any disclosure control: whoever shows
 * it to someone outside the centre's team passes it through the network's disclosure control (clinical.md §8, owned by
 * the report module).
 *
 * @param centreId the centre, or null for the whole network
 * @param patients living patients registered at the centre
 * @param withoutObservationTime patients left out because they have no diary time in the period (no diary at all, or
 *     a diary that starts after the period): a period with no diary is not zero bleeds (clinical.md §4)
 * @param included patients whose ABR is in the distributions
 * @param all the distribution over every included patient
 * @param bySeverity one group per severity present (UNKNOWN for no derived severity), in the enum's order
 * @param byRegimen one group per {@link CohortRegimen} present
 */
public record CentreCohort(
        @Nullable UUID centreId,
        LocalDate from,
        LocalDate to,
        int patients,
        int withoutObservationTime,
        int included,
        Distribution all,
        List<Group> bySeverity,
        List<Group> byRegimen) {

    public record Group(String group, Distribution abr) {}

    /**
     * ABR (episodes per year, clinical.md §4) over the patients of a group. Quartiles by linear interpolation between
     * order statistics (Hyndman–Fan type 7, as R's default and spreadsheet QUARTILE.INC); figures to 2 decimals; all
     * null when the group is empty.
     *
     * @param zeroBleeds patients with no bleed episode in their observation time
     * @param zeroBleedPercent {@code zeroBleeds / n × 100}
     */
    public record Distribution(
            int n,
            @Nullable BigDecimal median,
            @Nullable BigDecimal q1,
            @Nullable BigDecimal q3,
            @Nullable BigDecimal mean,
            int zeroBleeds,
            @Nullable BigDecimal zeroBleedPercent) {}
}
